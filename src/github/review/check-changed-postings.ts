/**
 * The postings a pull request changes, checked: the engine on each posting read at the head
 * commit and, when it existed, on its version at the base, to tell the problems the pull request
 * brings from those already there. Files the engine should not be handed (binary, over the size
 * limit, unreadable) get their diagnostic here, without their content ever being passed on.
 */
import { checkPosting, emptyReport } from "../../core/check-posting.js";
import { MAX_POSTING_BYTES } from "../../core/defaults.js";
import type { PostingCache } from "../../core/posting-cache.js";
import type { CheckOptions, Diagnostic, RuleId } from "../../core/types.js";
import type { BlobRead } from "../read-review-state.js";
import type { PostingToReview } from "./select-postings.js";
import type { ReviewedPosting } from "./reviewed-posting.js";
import { onlyClosesPosting, preExistingProblems } from "./classify-problems.js";

function linesOf(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

export function checkChangedPostings(
  postings: readonly PostingToReview[],
  blobs: ReadonlyMap<string, BlobRead>,
  options: Omit<CheckOptions, "isNew">,
  baseBlobs: ReadonlyMap<string, BlobRead> = new Map(),
  cache?: PostingCache,
): ReviewedPosting[] {
  return postings.map((p) => {
    const blob = blobs.get(p.path) ?? { kind: "missing" as const };
    if (blob.kind === "text") {
      const report = checkPosting({ path: p.path, content: blob.text, blob: blob.oid }, { ...options, isNew: p.isNew }, cache);
      const lines = linesOf(blob.text);
      const before = p.basePath !== null ? baseBlobs.get(p.path) : undefined;
      if (before?.kind !== "text" || p.basePath === null)
        return { ...p, report, lines, preExisting: preExistingProblems(report, null, p.addedLines), closes: false };
      // The version before, under its name then (a rename that drops `.md` is a change), with the same rules.
      const baseReport = checkPosting({ path: p.basePath, content: before.text, blob: before.oid }, { ...options, isNew: p.isNew }, cache);
      return {
        ...p,
        report,
        lines,
        preExisting: preExistingProblems(report, baseReport, p.addedLines),
        closes: onlyClosesPosting(linesOf(before.text), lines, report, baseReport),
      };
    }
    const d: Diagnostic =
      blob.kind === "binary"
        ? fileDiagnostic("encoding", "review-file-binary", {})
        : blob.kind === "too-large"
          ? fileDiagnostic("file-too-large", "review-file-too-large", { size: blob.byteSize, max: MAX_POSTING_BYTES })
          : fileDiagnostic("encoding", "review-file-unreadable", {}, "warning");
    const severity = options.severities[d.rule] ?? d.severity;
    const diagnostics = severity === "off" ? [] : [{ ...d, severity }];
    return { ...p, report: emptyReport(p.path, diagnostics), lines: null, preExisting: new Set<Diagnostic>(), closes: false };
  });
}

function fileDiagnostic(
  rule: RuleId,
  messageId: string,
  params: Record<string, number>,
  severity: "error" | "warning" = "error",
): Diagnostic {
  return { line: 1, column: 1, severity, rule, messageId, params };
}
