/**
 * Wall time and CPU time (user + system) of a whole child process, as `time` reports them.
 *
 * Why bash's `time` keyword: Node gives no child's resource usage. `spawnSync` returns no rusage;
 * `process.resourceUsage()` and `process.cpuUsage()` are getrusage(RUSAGE_SELF), the calling
 * process alone, never its children; /proc/self/stat's cutime/cstime do include the children
 * once reaped, but in clock ticks (10 ms), too coarse for a 50 ms process. Bash's `time` reads
 * the kernel's own accounting of the waited-for child (getrusage(RUSAGE_CHILDREN) around
 * wait, microseconds, every thread of the child and the children it waited for included), like
 * /usr/bin/time, which Debian's slim images lack; its wall time runs from just before the fork to
 * the reaping, so bash's own start is not in it. TIMEFORMAT prints milliseconds.
 *
 * The command's stdout and stderr both come back on stdout; `time`'s line comes on stderr.
 * Without bash (Windows), the wall time is taken around the spawn and the CPU time is null.
 */
import { spawnSync } from "node:child_process";

export interface ProcessTime {
  /** Wall time of the command, ms. */
  wallMs: number;
  /** User + system CPU time of the command and its waited-for children, ms; null without bash. */
  cpuMs: number | null;
  userMs: number | null;
  systemMs: number | null;
  /** Exit status (null: killed by a signal). */
  status: number | null;
  /** What it wrote, stdout and stderr together. */
  output: string;
}

const TIME_SCRIPT = 'TIMEFORMAT="bench-time %3R %3U %3S"; time "$@" 2>&1';
const MAX_OUTPUT = 64 * 1024 * 1024;

let bash: boolean | undefined;
function hasBash(): boolean {
  bash ??= spawnSync("bash", ["-c", "exit 0"]).status === 0;
  return bash;
}

export function timeProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ProcessTime {
  if (!hasBash()) {
    const started = performance.now();
    const r = spawnSync(command, args, {
      cwd: options.cwd,
      env: options.env,
      encoding: "utf8",
      maxBuffer: MAX_OUTPUT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const wallMs = performance.now() - started;
    if (r.error) throw r.error;
    return { wallMs, cpuMs: null, userMs: null, systemMs: null, status: r.status, output: r.stdout + r.stderr };
  }
  const r = spawnSync("bash", ["-c", TIME_SCRIPT, "bench-time", command, ...args], {
    cwd: options.cwd,
    env: options.env,
    encoding: "utf8",
    maxBuffer: MAX_OUTPUT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error) throw r.error;
  const times = parseTimeLine(r.stderr);
  if (!times) throw new Error(`no timing from bash for ${command} ${args.join(" ")}: ${r.stderr.slice(-500)}`);
  // bash exits with 128 + n when the command died of signal n.
  const status = r.status !== null && r.status > 128 ? null : r.status;
  return { ...times, status, output: r.stdout };
}

/** `bench-time 0.264 0.094 0.033` (seconds; a comma in locales that write one) → ms. */
export function parseTimeLine(stderr: string): { wallMs: number; cpuMs: number; userMs: number; systemMs: number } | null {
  const m = /^bench-time (\d+[.,]\d+) (\d+[.,]\d+) (\d+[.,]\d+)$/m.exec(stderr);
  if (!m) return null;
  const [wall, user, system] = [m[1]!, m[2]!, m[3]!].map((s) => Math.round(Number(s.replace(",", ".")) * 1000));
  return { wallMs: wall!, cpuMs: user! + system!, userMs: user!, systemMs: system! };
}
