import type { Diagnostic, PostingReport } from "../../core/types.js";
import { tDynamic, type Lang } from "../../messages/index.js";

/** One checked file, as the formatters see it. */
export interface FileResult {
  /** Path shown to the user: relative to the current folder, with forward slashes. */
  displayPath: string;
  report: PostingReport;
}

export interface FormatContext {
  lang: Lang;
  /** ANSI colours (text format only). */
  colour: boolean;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
}

export function totals(results: readonly FileResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of results)
    for (const d of r.report.diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
    }
  return { files: results.length, errors, warnings };
}

/** A diagnostic's message in `lang`, from the catalogue. */
export function renderMessage(diagnostic: Diagnostic, lang: Lang): string {
  return tDynamic(lang, diagnostic.messageId, diagnostic.params);
}
