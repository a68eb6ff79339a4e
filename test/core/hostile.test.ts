/**
 * Hostile postings, built here in code: none is evaluated, none crashes the engine, each gets a
 * diagnostic (or a stated expectation) in well under a second. The cases are in
 * hostile-cases.ts (the app's hardening suite runs them too).
 */
import { afterAll, describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { setOpenFalse } from "../../src/core/edit-lines.js";
import { parsePosting } from "../../src/core/parse-posting.js";
import { tDynamic } from "../../src/messages/index.js";
import { options } from "./corpus.js";
import { CASES, PATH } from "./hostile-cases.js";

const timings: Array<[string, number]> = [];

describe("hostile postings", () => {
  afterAll(() => {
    const [slowest] = [...timings].sort((a, b) => b[1] - a[1]);
    console.log(`${timings.length} hostile cases; slowest: ${slowest?.[0]} in ${slowest?.[1].toFixed(1)} ms`);
  });

  it("there are at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const content = c.content();
    const start = performance.now();
    const report = checkPosting({ path: c.path ?? PATH, content }, options());
    const closed = typeof content === "string" ? setOpenFalse(content) : null;
    const elapsed = performance.now() - start;
    timings.push([c.name, elapsed]);
    expect(elapsed).toBeLessThan(1000);
    const ids = report.diagnostics.map((d) => d.messageId);
    for (const id of c.expect ?? []) expect(ids, JSON.stringify(report.diagnostics.slice(0, 5))).toContain(id);
    if (!c.check) expect(report.diagnostics.length).toBeGreaterThan(0);
    c.check?.(report);
    for (const d of report.diagnostics.slice(0, 50)) {
      expect(tDynamic("fr", d.messageId, d.params).length).toBeLessThan(400);
    }
    if (closed !== null) expect(parsePosting(closed).data?.open).toBe(false);
  });
});
