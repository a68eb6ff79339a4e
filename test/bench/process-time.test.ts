/**
 * bench/lib/process-time.ts: the CPU time it reports is the child's (a child that burns a known
 * amount of CPU shows at least that much, while this process's own CPU stays low), the wall time
 * covers a child that waits, and exit status and output come back.
 */
import { describe, expect, it } from "vitest";
import { parseTimeLine, timeProcess } from "../../bench/lib/process-time.js";

const node = process.execPath;

describe("parseTimeLine", () => {
  it("reads bash's TIMEFORMAT line in ms, with a dot or a comma", () => {
    expect(parseTimeLine("noise\nbench-time 0.264 0.094 0.033\n")).toEqual({ wallMs: 264, userMs: 94, systemMs: 33, cpuMs: 127 });
    expect(parseTimeLine("bench-time 1,500 0,250 0,125")).toEqual({ wallMs: 1500, userMs: 250, systemMs: 125, cpuMs: 375 });
    expect(parseTimeLine("real 0m0.2s")).toBeNull();
  });
});

describe("timeProcess", () => {
  it("reports the child's CPU time: a child that burns 400 ms of CPU shows at least that, this process does not", () => {
    const burn = "const s = process.cpuUsage(); for (;;) { const u = process.cpuUsage(s); if (u.user + u.system >= 400000) break; }";
    const mine = process.cpuUsage();
    const t = timeProcess(node, ["-e", burn]);
    const own = process.cpuUsage(mine);
    expect(t.status).toBe(0);
    expect(t.cpuMs).toBeGreaterThanOrEqual(400);
    expect(t.cpuMs).toBe(t.userMs! + t.systemMs!);
    expect(t.wallMs).toBeGreaterThanOrEqual(400 - 20); // two cores can do 400 ms of CPU in less wall time, not much less here
    expect((own.user + own.system) / 1000).toBeLessThan(200);
  });

  it("reports the wall time of a child that waits, its CPU time below it", () => {
    const t = timeProcess(node, ["-e", "setTimeout(() => {}, 600)"]);
    expect(t.wallMs).toBeGreaterThanOrEqual(600);
    expect(t.cpuMs).toBeLessThan(t.wallMs);
  });

  it("gives back the exit status and the output (stdout and stderr), null when killed by a signal", () => {
    const t = timeProcess(node, ["-e", "process.stdout.write('out'); process.stderr.write('err'); process.exit(3)"]);
    expect(t.status).toBe(3);
    expect(t.output).toBe("outerr"); // one pipe for both, written in order (pipes are synchronous on Linux)
    expect(timeProcess(node, ["-e", "process.kill(process.pid, 'SIGKILL')"]).status).toBeNull();
  });
});
