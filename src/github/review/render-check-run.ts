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
import { dayInWords } from "../../messages/format-day.js";
import { GITHUB_LIMITS, fitText, utf8Length } from "../limits.js";
import { counts, countsOf, introduced, newLinesOf, type ReviewedPosting } from "./reviewed-posting.js";

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

/** The override label on the pull request, and who put it there. */
export interface OverrideState {
  label: string;
  login: string;
  /** The person can write to the repository: the label lifts a failing verdict. */
  allowed: boolean;
}

export interface CheckRunInput {
  lang: Lang;
  postingsDir: string;
  postings: readonly ReviewedPosting[];
  skipped: readonly string[];
  maxFiles: number;
  configProblems: readonly ConfigProblem[];
  override?: OverrideState | null;
  /** Postings of the pull request that could not be read (GitHub's answer over the size cap). */
  unread?: readonly string[];
  /** Files GitHub did not list (beyond 3,000) that could not be seen otherwise either. */
  unlisted?: number;
}

/** Paths named at most in the summary's list of postings not read. */
const UNREAD_NAMED = 20;

/** Only `open:` lines set to false, in every posting: a closing pull request. */
export function isClosingOnly(postings: readonly ReviewedPosting[]): boolean {
  return postings.length > 0 && postings.every((p) => p.closes);
}

export function renderCheckRun(input: CheckRunInput): CheckRunOutput {
  const { lang } = input;
  const total = counts(input.postings);
  const closing = isClosingOnly(input.postings);
  const override = input.override ?? null;
  const overridden = total.errors > 0 && override !== null && override.allowed;
  const unread = input.unread ?? [];
  const unlisted = input.unlisted ?? 0;
  // Never green over postings not read: neutral, unless what was read already fails.
  const unseen = unread.length > 0 || unlisted > 0;
  const conclusion: Conclusion = total.errors > 0 && !overridden ? "failure" : unseen ? "neutral" : "success";
  const withErrors = input.postings.filter((p) => introduced(p).some((d) => d.severity === "error")).length;
  const title =
    conclusion === "neutral"
      ? t(lang, "check-title-incomplete")
      : input.postings.length === 0
        ? t(lang, "check-title-no-postings")
        : closing
          ? t(lang, "check-title-closing")
          : overridden
            ? t(lang, "check-title-overridden", { login: plainText(override.login, 39) })
            : total.errors > 0
              ? t(lang, "check-title-errors", { toFix: t(lang, "count-to-fix", { n: total.errors }), postings: withErrors })
              : total.warnings > 0
                ? t(lang, "check-title-warnings", { advice: t(lang, "count-advice", { n: total.warnings }) })
                : t(lang, "check-title-ok");

  const parts: string[] = [];
  // The postings' lines take the room the rest leaves (GitHub counts the summary in bytes).
  let listIndex = -1;
  if (input.postings.length === 0) {
    if (!unseen) parts.push(renderMessageMarkdown(lang, "check-summary-no-postings", { folder: input.postingsDir }, "", 200));
  } else {
    if (closing) parts.push(t(lang, "check-summary-closing"));
    listIndex = parts.push("") - 1;
    if (total.errors + total.warnings > 0) parts.push(t(lang, "check-summary-legend"));
    const earlier = input.postings.reduce((n, p) => n + p.preExisting.size, 0);
    if (earlier > 0) parts.push(t(lang, "check-summary-earlier", { earlier: t(lang, "count-earlier", { n: earlier }) }));
  }
  if (override && total.errors > 0) {
    parts.push(
      renderMessageMarkdown(
        lang,
        override.allowed ? "check-summary-overridden" : "check-summary-override-refused",
        { login: override.login, label: override.label },
        "",
        100,
      ),
    );
  }
  if (input.skipped.length > 0) {
    parts.push(`ℹ️ ${t(lang, "check-summary-skipped", { n: input.skipped.length, max: input.maxFiles })}`);
  }
  if (unread.length > 0) {
    const named = unread.slice(0, UNREAD_NAMED).map((path) => `- ${codeSpan(path)}`);
    if (unread.length > UNREAD_NAMED) named.push(`- ${t(lang, "check-summary-more", { n: unread.length - UNREAD_NAMED })}`);
    parts.push(`${t(lang, "check-summary-unread", { n: unread.length })}\n\n${named.join("\n")}`);
  }
  if (unlisted > 0) parts.push(t(lang, "check-summary-unlisted", { n: unlisted }));
  if (input.configProblems.length > 0) parts.push(renderConfigProblems(lang, input.configProblems));
  if (listIndex >= 0) {
    const limit = GITHUB_LIMITS.checkRunSummary;
    const room = Math.min(limit.chars, limit.bytes) - utf8Length(parts.join("\n\n")) - 1_000;
    const lines: string[] = [];
    let used = 0;
    for (const p of input.postings) {
      const line = postingLines(lang, p);
      if (used + utf8Length(line) + 1 > room) break;
      lines.push(line);
      used += utf8Length(line) + 1;
    }
    const left = input.postings.length - lines.length;
    if (left > 0) lines.push(t(lang, "check-summary-truncated", { n: left }));
    parts[listIndex] = lines.join("\n");
  }
  const summary = fitText(parts.join("\n\n"), GITHUB_LIMITS.checkRunSummary, t(lang, "check-summary-cut"));

  const annotations = input.postings.flatMap((p) => introduced(p).map((d) => annotation(lang, p, d)));
  return { conclusion, title: fitText(title, GITHUB_LIMITS.checkRunTitle), summary, annotations };
}

/** A posting at a glance (its job title, who recruits, contract, closing date, contact), then its verdict. */
function postingLines(lang: Lang, p: ReviewedPosting): string {
  const c = countsOf(introduced(p));
  const verdict =
    c.errors + c.warnings === 0
      ? `✅ ${t(lang, "check-summary-file-ok")}`
      : [
          c.errors > 0 ? `❌ ${t(lang, "count-to-fix", { n: c.errors })}` : null,
          c.warnings > 0 ? `⚠️ ${t(lang, "count-advice", { n: c.warnings })}` : null,
        ]
          .filter((x) => x !== null)
          .join(", ");
  return `- ${codeSpan(p.path)}${colon(lang)}${verdict}\n  ${glance(lang, p)}`;
}

/** « **Développeur·se** · Mon Entreprise · indépendant · clôture le 7 juillet 2021 · contact » */
export function glance(lang: Lang, p: ReviewedPosting): string {
  const r = p.report;
  const parts = [r.roles !== null ? `**${escapeText(r.roles, 120)}**` : t(lang, "glance-no-roles")];
  const who = r.recruiter;
  if (who) parts.push(escapeText(who.kind === "startup" ? (who.title ?? who.id) : who.name, 120));
  if (r.contracts.length > 0) parts.push(r.contracts.join(", "));
  if (r.open === false) parts.push(t(lang, "glance-closed"));
  else
    parts.push(r.closingDate !== null ? t(lang, "glance-closing", { day: dayInWords(lang, r.closingDate) }) : t(lang, "glance-no-closing"));
  if (r.contact) parts.push(escapeText(r.contact, 120));
  return parts.join(" · ");
}

/** French puts a (narrow no-break) space before a colon, English does not. */
function colon(lang: Lang): string {
  return lang === "fr" ? "\u202F: " : ": ";
}

export function renderConfigProblems(lang: Lang, problems: readonly ConfigProblem[]): string {
  const lines = problems.map((p) => {
    const where = p.key === "" ? t(lang, "check-config-whole-file") : codeSpan(p.key, 100);
    const line = p.line !== undefined ? ` (${t(lang, "check-config-line", { line: p.line })})` : "";
    return `- ${where}${line}${colon(lang)}${renderMessageMarkdown(lang, p.code, p.params, p.code, 300)}`;
  });
  return [
    `### ${t(lang, "check-summary-config-title")}`,
    "",
    renderMessageMarkdown(lang, "check-summary-config", { path: CONFIG_PATH }, ""),
    "",
    ...lines,
  ].join("\n");
}

function annotation(lang: Lang, p: ReviewedPosting, d: Diagnostic): Annotation {
  const path = p.path;
  let message = renderMessagePlain(lang, d.messageId, d.params, d.rule);
  if (d.fix) {
    const text = plainText(newLinesOf(p, d.fix).join(" ⏎ "), 200);
    message += "\n" + t(lang, d.fix.certain === false ? "annotation-proposal" : "annotation-fix", { text });
  }
  const line = Math.max(1, d.line);
  return {
    path,
    start_line: line,
    end_line: line,
    ...(d.column >= 1 ? { start_column: d.column, end_column: d.column } : {}),
    annotation_level: d.severity === "error" ? "failure" : "warning",
    title: fitText(`${t(lang, d.severity === "error" ? "severity-error" : "severity-warning")} (${d.rule})`, GITHUB_LIMITS.annotationTitle),
    message: fitText(message, GITHUB_LIMITS.annotationMessage, t(lang, "annotation-cut")),
  };
}

/** Output of a review that could not finish (GitHub unreachable, unexpected answer). */
export function renderFailedCheckRun(lang: Lang): CheckRunOutput {
  return { conclusion: "neutral", title: t(lang, "check-title-failed"), summary: t(lang, "check-summary-failed"), annotations: [] };
}
