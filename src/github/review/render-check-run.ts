/**
 * The check run's output: a title, a French summary (markdown) and one annotation per diagnostic
 * at its file and line (plain text: GitHub does not render markdown in annotations). Pure.
 */
import { t, type Lang } from "../../messages/index.js";
import type { Diagnostic } from "../../core/types.js";
import type { ConfigProblem } from "../../config/parse-config.js";
import { CONFIG_PATH } from "../../config/schema.js";
import { codeSpan, escapeText, plainText } from "../markdown/escape.js";
import { renderMessageMarkdown, renderMessagePlain } from "../markdown/render-message.js";
import { MAX_BODY_LENGTH, counts, countsOf, type ReviewedPosting } from "./reviewed-posting.js";

export type Conclusion = "success" | "failure" | "neutral";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

export interface CheckRunOutput {
  conclusion: Conclusion;
  title: string;
  summary: string;
  annotations: Annotation[];
}

export interface CheckRunInput {
  lang: Lang;
  postingsDir: string;
  postings: readonly ReviewedPosting[];
  skipped: readonly string[];
  maxFiles: number;
  configProblems: readonly ConfigProblem[];
}

export function renderCheckRun(input: CheckRunInput): CheckRunOutput {
  const { lang } = input;
  const total = counts(input.postings);
  const conclusion: Conclusion = total.errors > 0 ? "failure" : "success";
  const errors = t(lang, "count-errors", { n: total.errors });
  const warnings = t(lang, "count-warnings", { n: total.warnings });
  const withErrors = input.postings.filter((p) => p.report.diagnostics.some((d) => d.severity === "error")).length;
  const title =
    input.postings.length === 0
      ? t(lang, "check-title-no-postings")
      : total.errors > 0
        ? t(lang, "check-title-errors", { errors, postings: t(lang, "count-postings", { n: withErrors }) })
        : total.warnings > 0
          ? t(lang, "check-title-warnings", { warnings })
          : t(lang, "check-title-ok");

  const parts: string[] = [];
  if (input.postings.length === 0) {
    parts.push(renderMessageMarkdown(lang, "check-summary-no-postings", { folder: input.postingsDir }, "", 200));
  } else {
    parts.push(t(lang, "check-summary-reviewed", { n: input.postings.length, errors, warnings }));
    if (total.errors + total.warnings > 0) parts.push(t(lang, "check-summary-errors-block"));
    parts.push(input.postings.map((p) => fileLine(lang, p)).join("\n"));
  }
  if (input.skipped.length > 0) {
    parts.push(`ℹ️ ${t(lang, "check-summary-skipped", { skipped: t(lang, "count-postings", { n: input.skipped.length }), max: input.maxFiles })}`);
  }
  if (input.configProblems.length > 0) parts.push(renderConfigProblems(lang, input.configProblems));
  let summary = parts.join("\n\n");
  if (summary.length > MAX_BODY_LENGTH) summary = summary.slice(0, MAX_BODY_LENGTH).replace(/\n[^\n]*$/, "") + "\n…";

  const annotations = input.postings.flatMap((p) => p.report.diagnostics.map((d) => annotation(lang, p.path, d)));
  return { conclusion, title, summary, annotations };
}

function fileLine(lang: Lang, p: ReviewedPosting): string {
  const c = countsOf(p.report.diagnostics);
  if (c.errors + c.warnings === 0) return `- ✅ ${codeSpan(p.path)}${colon(lang)}${t(lang, "check-summary-file-ok")}`;
  const detail = [c.errors > 0 ? t(lang, "count-errors", { n: c.errors }) : null, c.warnings > 0 ? t(lang, "count-warnings", { n: c.warnings }) : null]
    .filter((x) => x !== null)
    .join(", ");
  return `- ${c.errors > 0 ? "❌" : "⚠️"} ${codeSpan(p.path)}${colon(lang)}${detail}`;
}

/** French puts a space before a colon, English does not. */
function colon(lang: Lang): string {
  return lang === "fr" ? " : " : ": ";
}

export function renderConfigProblems(lang: Lang, problems: readonly ConfigProblem[]): string {
  const lines = problems.map((p) => {
    const where = p.key === "" ? t(lang, "check-config-whole-file") : codeSpan(p.key, 100);
    const line = p.line !== undefined ? ` (${t(lang, "check-config-line", { line: p.line })})` : "";
    return `- ${where}${line}${colon(lang)}${escapeText(p.message, 300)}`;
  });
  return [`### ${t(lang, "check-summary-config-title")}`, "", renderMessageMarkdown(lang, "check-summary-config", { path: CONFIG_PATH }, ""), "", ...lines].join("\n");
}

function annotation(lang: Lang, path: string, d: Diagnostic): Annotation {
  let message = renderMessagePlain(lang, d.messageId, d.params, d.rule);
  if (d.fix) message += "\n" + t(lang, "annotation-fix", { text: plainText(d.fix.text, 200) });
  const line = Math.max(1, d.line);
  return {
    path,
    start_line: line,
    end_line: line,
    ...(d.column >= 1 ? { start_column: d.column, end_column: d.column } : {}),
    annotation_level: d.severity === "error" ? "failure" : "warning",
    title: `${t(lang, d.severity === "error" ? "severity-error" : "severity-warning")} (${d.rule})`,
    message: message.slice(0, 60_000),
  };
}

/** Output of a review that could not finish (GitHub unreachable, unexpected answer). */
export function renderFailedCheckRun(lang: Lang): CheckRunOutput {
  return { conclusion: "neutral", title: t(lang, "check-title-failed"), summary: t(lang, "check-summary-failed"), annotations: [] };
}
