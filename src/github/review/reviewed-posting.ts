/** Shapes shared by the review's pure steps (plan, renderers). */
import type { Diagnostic, PostingReport } from "../../core/types.js";

export const CHECK_RUN_NAME = "recrutement-bot";
/** Hidden marker by which the living comment is found again. */
export const COMMENT_MARKER = "<!-- recrutement-bot:review -->";
/** Hidden marker of a suggestion, followed by its hash and ` -->`. */
export const SUGGESTION_MARKER_PREFIX = "<!-- recrutement-bot:suggestion:";

/** GitHub's limit is 65,536 characters for a comment and 65,535 for a check run summary. */
export const MAX_BODY_LENGTH = 60_000;

export interface ReviewedPosting {
  path: string;
  isNew: boolean;
  /** New-side lines of the diff, "all" for an added file. */
  diffLines: ReadonlySet<number> | "all";
  report: PostingReport;
  /** Lines of the file as read (without line endings), null when it could not be read as text. */
  lines: readonly string[] | null;
}

export function counts(postings: readonly ReviewedPosting[]): { errors: number; warnings: number } {
  return countsOf(postings.flatMap((p) => p.report.diagnostics));
}

export function countsOf(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
  };
}
