import { describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { replaceLine } from "../../src/core/edit-lines.js";
import type { PostingReport } from "../../src/core/types.js";
import { hasMessage, tDynamic } from "../../src/messages/index.js";
import { bytes, JOBS, jobNames, jobPath, options, SUBMISSIONS, submissions } from "./corpus.js";

function countByRule(reports: PostingReport[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of reports)
    for (const d of r.diagnostics) counts[`${d.rule} (${d.severity})`] = (counts[`${d.rule} (${d.severity})`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function checkTwice(path: string, content: Uint8Array, isNew: boolean): PostingReport {
  const first = checkPosting({ path, content }, options({ isNew }));
  const second = checkPosting({ path, content }, options({ isNew }));
  expect(second, path).toEqual(first);
  return first;
}

function checkInvariants(report: PostingReport): void {
  const sorted = [...report.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  expect(report.diagnostics.map((d) => [d.line, d.column])).toEqual(sorted.map((d) => [d.line, d.column]));
  for (const d of report.diagnostics) {
    expect(hasMessage(d.messageId), d.messageId).toBe(true);
    expect(tDynamic("fr", d.messageId, d.params)).not.toMatch(/undefined|\[object/);
    expect(tDynamic("en", d.messageId, d.params)).not.toMatch(/undefined|\[object/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.rule).not.toBe("front-matter-syntax"); // the corpus has no YAML syntax error
  }
}

describe("the whole corpus", () => {
  it("jobs/: same report twice, never throws, known counts", () => {
    const reports = jobNames().map((name) => checkTwice(jobPath(name), bytes(JOBS, name), false));
    reports.forEach(checkInvariants);
    const counts = countByRule(reports);
    console.log("jobs/ (543 postings, isNew: false):", counts);
    expect(reports).toHaveLength(543);
    expect(counts).toEqual({
      "contact-invalid (warning)": 1,
      "contract-alias (warning)": 19,
      "date-timezone (warning)": 3,
      "duplicate-key (warning)": 1,
      "file-extension (error)": 1,
      "key-misspelled (error)": 6,
      "key-misspelled (warning)": 3,
      "open-missing (error)": 3,
      "partner-url-missing (error)": 14,
      "startup-unknown (error)": 87,
      "startup-unknown (warning)": 12,
      "team-missing (warning)": 60,
      "unknown-key (warning)": 1,
    });
  });

  it("submissions/ as new postings: same report twice, never throws, known counts", () => {
    const reports = submissions().map(({ file, path }) => checkTwice(path, bytes(SUBMISSIONS, file), true));
    reports.forEach(checkInvariants);
    const counts = countByRule(reports);
    const withError = reports.filter((r) =>
      r.diagnostics.some((d) => d.severity === "error" && d.rule !== "contract-missing" && d.rule !== "startup-unknown"),
    ).length;
    console.log(
      "submissions/ (346 first submissions, isNew: true):",
      counts,
      "postings with an error other than contract-missing/startup-unknown:",
      withError,
    );
    expect(reports).toHaveLength(346);
    expect(counts).toEqual({
      "closing-date-missing (warning)": 312,
      "contract-alias (warning)": 15,
      "contract-missing (warning)": 272,
      "date-invalid (error)": 1,
      "duplicate-key (error)": 5,
      "duplicate-key (warning)": 1,
      "file-date-missing (error)": 7,
      "file-extension (error)": 24,
      "front-matter-missing (error)": 14,
      "invalid-value (warning)": 1,
      "key-misspelled (warning)": 2,
      "open-missing (error)": 1,
      "open-not-boolean (error)": 1,
      "partner-url-missing (error)": 6,
      "startup-unknown (error)": 76,
      "startup-unknown (warning)": 13,
      "team-missing (warning)": 42,
    });
  });

  it("every certain fix of the corpus removes its diagnostic and brings no new error", () => {
    let applied = 0;
    for (const { file, path } of submissions()) {
      const content = new TextDecoder().decode(bytes(SUBMISSIONS, file));
      const report = checkPosting({ path, content }, options({ isNew: true }));
      for (const d of report.diagnostics) {
        if (!d.fix) continue;
        const fixed = checkPosting({ path, content: replaceLine(content, d.fix.line, d.fix.text) }, options({ isNew: true }));
        const key = (x: { rule: string; line: number }) => `${x.rule}@${x.line}`;
        expect(fixed.diagnostics.map(key), `${file}: ${d.rule}`).not.toContain(key(d));
        const errorsBefore = report.diagnostics.filter((x) => x.severity === "error").length;
        const errorsAfter = fixed.diagnostics.filter((x) => x.severity === "error").length;
        expect(errorsAfter, `${file}: ${d.rule}`).toBeLessThanOrEqual(errorsBefore);
        applied++;
      }
    }
    expect(applied).toBeGreaterThan(20);
  });
});
