/** Shapes shared by the review's pure steps (plan, renderers). */
import type { Diagnostic, Fix, PostingReport } from "../../core/types.js";

export const CHECK_RUN_NAME = "recrutement-bot";
/** Hidden marker by which the living comment is found again. */
export const COMMENT_MARKER = "<!-- recrutement-bot:review -->";
/** Hidden marker of a suggestion, followed by its hash and ` -->`. */
export const SUGGESTION_MARKER_PREFIX = "<!-- recrutement-bot:suggestion:";

/** Room the living comment's rows may take, in UTF-8 bytes: under GitHub's limit (src/github/limits.ts) with a margin. */
export const MAX_BODY_LENGTH = 60_000;

export interface ReviewedPosting {
  path: string;
  isNew: boolean;
  /** New-side lines of the diff, "all" for an added file. */
  diffLines: ReadonlySet<number> | "all";
  report: PostingReport;
  /** Lines of the file as read (without line endings), null when it could not be read as text. */
  lines: readonly string[] | null;
  /** Problems already there before the pull request, on lines it did not write: shown apart, never blocking. */
  preExisting: ReadonlySet<Diagnostic>;
  /** The pull request only sets `open: false` in this posting (a closing pull request). */
  closes: boolean;
}

/** The problems this pull request answers for (all of a new posting's). */
export function introduced(p: ReviewedPosting): Diagnostic[] {
  return p.report.diagnostics.filter((d) => !p.preExisting.has(d));
}

/** Problems that were there before the pull request. */
export function preExisting(p: ReviewedPosting): Diagnostic[] {
  return p.report.diagnostics.filter((d) => p.preExisting.has(d));
}

/** Errors and warnings this pull request answers for. */
export function counts(postings: readonly ReviewedPosting[]): { errors: number; warnings: number } {
  return countsOf(postings.flatMap(introduced));
}

export function countsOf(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
  };
}

/**
 * What a fix writes, without the line it keeps: a fix may replace one line by two (the line
 * itself and a new one, `contrat: stage` after `roles:`); a reader needs only the new one.
 */
export function newLinesOf(p: ReviewedPosting, fix: Fix): string[] {
  const original = p.lines?.[fix.line - 1];
  const written = fix.text.split("\n");
  const fresh = written.filter((l) => l !== original);
  return fresh.length > 0 ? fresh : written;
}
