/** A posting as the review saw it (its report, its lines, what was there before), and the questions the plan and the renderers ask of it. */
import type { Diagnostic, Fix, PostingReport } from "../../core/types.js";

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
