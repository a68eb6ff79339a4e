/**
 * The living comment's markdown: per file, per problem, its line, what is wrong and how to fix
 * it, in words for people who are not developers. Values from postings go through
 * src/github/markdown, and the body stays under GitHub's size limit. Pure.
 */
import { t, type Lang } from "../../messages/index.js";
import type { Diagnostic } from "../../core/types.js";
import { codeSpan } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import { COMMENT_MARKER, MAX_BODY_LENGTH, counts, countsOf, type ReviewedPosting } from "./reviewed-posting.js";

export interface CommentInput {
  lang: Lang;
  postings: readonly ReviewedPosting[];
  /** Diagnostics whose fix is offered as a one-click suggestion. */
  suggested: ReadonlySet<Diagnostic>;
  skipped: readonly string[];
  maxFiles: number;
}

const ICON = { error: "❌", warning: "⚠️" } as const;

export function renderProblemsComment(input: CommentInput, maxLength = MAX_BODY_LENGTH): string {
  const { lang } = input;
  const total = counts(input.postings);
  const head = [
    COMMENT_MARKER,
    `### ${t(lang, "comment-title")}`,
    "",
    t(lang, "comment-intro", {
      postings: t(lang, "count-postings", { n: input.postings.length }),
      errors: t(lang, "count-errors", { n: total.errors }),
      warnings: t(lang, "count-warnings", { n: total.warnings }),
    }),
  ].join("\n");

  const tail: string[] = [];
  const clean = input.postings.filter((p) => p.report.diagnostics.length === 0);
  if (clean.length > 0) tail.push(`✅ ${t(lang, "comment-files-ok")} ${clean.map((p) => codeSpan(p.path)).join(", ")}`);
  if (input.skipped.length > 0) {
    tail.push(`ℹ️ ${t(lang, "check-summary-skipped", { skipped: t(lang, "count-postings", { n: input.skipped.length }), max: input.maxFiles })}`);
  }
  tail.push(`<sub>${t(lang, "comment-footer")}</sub>`);
  const foot = tail.join("\n\n");

  // Sections, problem by problem, as long as they fit.
  let body = head;
  let omitted = 0;
  const reserve = foot.length + 200;
  for (const posting of input.postings) {
    const diagnostics = posting.report.diagnostics;
    if (diagnostics.length === 0) continue;
    const c = countsOf(diagnostics);
    const heading = `\n\n#### ${c.errors > 0 ? ICON.error : ICON.warning} ${codeSpan(posting.path)}\n`;
    let section = heading;
    let shown = 0;
    for (const d of diagnostics) {
      const item = "\n" + renderItem(lang, d, input.suggested.has(d));
      if (body.length + section.length + item.length + reserve > maxLength) {
        omitted += diagnostics.length - shown;
        break;
      }
      section += item;
      shown++;
    }
    if (shown > 0) body += section;
    if (shown < diagnostics.length) {
      // Everything after this point is counted, not shown.
      const rest = input.postings.slice(input.postings.indexOf(posting) + 1);
      omitted += rest.reduce((n, p) => n + p.report.diagnostics.length, 0);
      break;
    }
  }
  if (omitted > 0) body += `\n\n${t(lang, "comment-truncated", { more: omitted })}`;
  return `${body}\n\n${foot}\n`;
}

function renderItem(lang: Lang, d: Diagnostic, suggested: boolean): string {
  const message = renderMessageMarkdown(lang, d.messageId, d.params, d.rule);
  // `message` is already escaped markdown: it goes through `t` as is.
  let item = `- ${ICON[d.severity]} ${t(lang, "comment-item", { line: d.line, message })}`;
  if (d.fix) {
    item += suggested
      ? `\n  ✏️ ${t(lang, "comment-fix-suggested")}`
      : `\n  ✏️ ${renderMessageMarkdown(lang, "comment-fix-manual", { text: d.fix.text }, "", 200)}`;
  }
  return item;
}

/** Short text the comment becomes once every problem is fixed. */
export function renderResolvedComment(lang: Lang): string {
  return `${COMMENT_MARKER}\n${t(lang, "comment-resolved")}\n`;
}
