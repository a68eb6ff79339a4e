/** bench/lib/report.ts and the command line of bench/index.ts. */
import { describe, expect, it } from "vitest";
import { BENCHMARKS, parseBenchArgs, USAGE } from "../../bench/index.js";
import { formatSpread, spread, table } from "../../bench/lib/report.js";

describe("spread", () => {
  it("median (mean of the middle two for an even count), lowest, highest, count", () => {
    expect(spread([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
    expect(spread([40, 10, 20, 30])).toEqual({ median: 25, min: 10, max: 40, runs: 4 });
    expect(() => spread([])).toThrow();
  });

  it("is written `median unit (min–max)`, the range left out for one run or equal values", () => {
    expect(formatSpread(spread([101.6, 99.2, 140.4]))).toBe("102 ms (99–140)");
    expect(formatSpread(spread([7]))).toBe("7 ms");
    expect(formatSpread(spread([7, 7]), "o")).toBe("7 o");
    expect(formatSpread(null)).toBe("—");
  });
});

describe("table", () => {
  it("writes a Markdown table, right-aligned columns as asked", () => {
    expect(table(["a", "b"], [["x", "1"]], "lr")).toEqual(["| a | b |", "| --- | ---: |", "| x | 1 |"]);
  });
});

describe("npm run bench -- …", () => {
  it("names the benchmarks in order, all by default", () => {
    expect(BENCHMARKS.map((b) => b.name)).toEqual(["cli", "review-requests", "review-latency", "closing-scan", "load"]);
    expect(parseBenchArgs([])).toEqual({ names: [], runs: undefined, json: false, help: false });
    expect(parseBenchArgs(["cli", "load", "--runs", "3", "--json"])).toEqual({ names: ["cli", "load"], runs: 3, json: true, help: false });
    expect(parseBenchArgs(["-h"])).toMatchObject({ help: true });
    for (const b of BENCHMARKS) expect(USAGE).toContain(`  ${b.name.padEnd(16)} ${b.summary}`);
  });

  it("refuses unknown benchmarks and options, and a --runs that is not a count", () => {
    expect(parseBenchArgs(["check-corpus"])).toBe(
      "mesure inconnue : check-corpus (connues : cli, review-requests, review-latency, closing-scan, load)",
    );
    expect(parseBenchArgs(["--runs", "0"])).toBe("--runs attend un entier ≥ 1, pas « 0 »");
    expect(parseBenchArgs(["--runs", "2.5"])).toBe("--runs attend un entier ≥ 1, pas « 2.5 »");
    expect(parseBenchArgs(["--fast"])).toMatch(/Unknown option '--fast'/);
  });
});
