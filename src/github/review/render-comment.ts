/**
 * The living comment's markdown, short: a welcome line with the verdict, then per posting one
 * table row per problem (line, problem, what to write), the one-click instruction once, the
 * problems that were there before the pull request folded away, and the problems of the last
 * version that are now fixed crossed out (found in the previous comment by their row marker).
 * Values from postings go through src/github/markdown; the body stays under GitHub's size limit.
 * Pure.
 */
import { createHash } from "node:crypto";
import { t, type Lang } from "../../messages/index.js";
import type { Diagnostic } from "../../core/types.js";
import { codeSpan } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import { GITHUB_LIMITS, fitText, utf8Length } from "../limits.js";
import { COMMENT_MARKER } from "./review-markers.js";
import { counts, introduced, newLinesOf, preExisting, type ReviewedPosting } from "./reviewed-posting.js";

export interface CommentInput {
  lang: Lang;
  postings: readonly ReviewedPosting[];
  /** Diagnostics whose fix is offered as a one-click suggestion. */
  suggested: ReadonlySet<Diagnostic>;
  skipped: readonly string[];
  maxFiles: number;
  /** The living comment as it is on GitHub, or null: its rows that are fixed now are crossed out. */
  previous: string | null;
  /** Postings (or files) of the pull request that could not be checked: the check run names them. */
  unseen?: number;
}

const ICON = { error: "❌", warning: "⚠️" } as const;
const ROW_MARKER = "<!-- recrutement-bot:row:";
const ROW = /^(\|.*\|)<!-- recrutement-bot:row:([0-9a-f]{12})(:fixed)? -->$/;
/** Crossed-out rows kept from earlier versions of the comment, at most. */
const MAX_FIXED_ROWS = 20;

/** Room the living comment's rows may take, in UTF-8 bytes: under GitHub's limit (src/github/limits.ts) with a margin. */
export const MAX_BODY_LENGTH = 60_000;

/**
 * The comment's body, or null when there is nothing to say and nothing was ever said. Sizes are
 * counted in UTF-8 bytes (never fewer than characters) against `maxLength`, under GitHub's limit.
 */
export function renderComment(input: CommentInput, maxLength = MAX_BODY_LENGTH): string | null {
  const body = renderBody(input, maxLength);
  // Whatever the budget missed, GitHub never refuses the comment: cut, pointing to the check run.
  return body === null ? null : fitText(body, GITHUB_LIMITS.commentBody, t(input.lang, "comment-cut"));
}

function renderBody(input: CommentInput, maxLength: number): string | null {
  const { lang } = input;
  const total = counts(input.postings);
  const earlierErrors = input.postings.some((p) => preExisting(p).some((d) => d.severity === "error"));
  const current = new Set(input.postings.flatMap((p) => p.report.diagnostics.map((d) => rowHash(p.path, d))));
  const fixed = fixedRows(lang, input.previous, current);
  const unseen = input.unseen ?? 0;
  if (total.errors + total.warnings === 0 && !earlierErrors) {
    // Nothing to fix in what was read; what could not be read is said (never "all good").
    if (unseen > 0)
      return finish(
        [COMMENT_MARKER + "\n" + t(lang, "comment-unseen", { n: unseen }), ...(fixed.length > 0 ? [table(lang, fixed)] : [])],
        lang,
      );
    if (input.previous === null) return null;
    return finish([COMMENT_MARKER + "\n" + t(lang, "comment-all-fixed"), ...(fixed.length > 0 ? [table(lang, fixed)] : [])], lang);
  }

  const verdict = [
    total.errors > 0
      ? t(lang, "comment-verdict-to-fix", { toFix: t(lang, "count-to-fix", { n: total.errors }) })
      : t(lang, "comment-verdict-nothing-blocking"),
    ...(total.warnings > 0 ? [t(lang, "count-advice", { n: total.warnings })] : []),
  ].join(", ");
  const head = COMMENT_MARKER + "\n" + t(lang, "comment-intro", { n: input.postings.length, verdict });

  const tail: string[] = [];
  if (input.skipped.length > 0) {
    tail.push(`ℹ️ ${t(lang, "check-summary-skipped", { n: input.skipped.length, max: input.maxFiles })}`);
  }
  if (unseen > 0) tail.push(t(lang, "comment-unseen", { n: unseen }));
  const reserve = utf8Length(tail.join("\n\n")) + 600;

  const sections: string[] = [head];
  let length = utf8Length(head);
  let omitted = 0;
  let oneClick = false;
  const fits = (text: string) => length + utf8Length(text) + reserve <= maxLength;
  const add = (text: string) => {
    sections.push(text);
    length += utf8Length(text) + 2;
  };

  for (const p of input.postings) {
    const rows = introduced(p).map((d) => ({ d, text: row(lang, p, d, input.suggested.has(d)) }));
    if (rows.length === 0) continue;
    const shown = rows.filter((r) => {
      if (!fits(r.text) || omitted > 0) {
        omitted++;
        return false;
      }
      length += utf8Length(r.text) + 1;
      return true;
    });
    if (shown.length === 0) continue;
    if (shown.some((r) => input.suggested.has(r.d))) oneClick = true;
    sections.push(
      codeSpan(p.path) +
        "\n\n" +
        table(
          lang,
          shown.map((r) => r.text),
        ),
    );
  }
  if (fixed.length > 0 && fits(fixed.join("\n"))) add(table(lang, fixed));

  const earlier = input.postings.filter((p) => p.preExisting.size > 0);
  let details: string | null = null;
  if (earlier.length > 0) {
    const n = earlier.reduce((k, p) => k + p.preExisting.size, 0);
    const blocks = earlier.map(
      (p) =>
        codeSpan(p.path) +
        "\n\n" +
        table(
          lang,
          preExisting(p).map((d) => row(lang, p, d, input.suggested.has(d))),
        ),
    );
    details = `<details><summary>${t(lang, "comment-earlier-title", { n })}</summary>\n\n${blocks.join("\n\n")}\n\n</details>`;
    if (!fits(details)) {
      details = null;
      omitted += n;
    } else if (earlier.some((p) => preExisting(p).some((d) => input.suggested.has(d)))) oneClick = true;
  }
  if (oneClick) add(t(lang, "comment-one-click"));
  if (details !== null) add(details);
  if (omitted > 0) add(t(lang, "comment-truncated", { more: omitted }));
  return finish([...sections, ...tail], lang);
}

function finish(sections: string[], lang: Lang): string {
  return `${sections.join("\n\n")}\n\n<sub>${t(lang, "comment-footer")}</sub>\n`;
}

function table(lang: Lang, rows: readonly string[]): string {
  const header = `| ${t(lang, "comment-column-line")} | ${t(lang, "comment-column-problem")} | ${t(lang, "comment-column-write")} |\n| ---: | --- | --- |`;
  return `${header}\n${rows.join("\n")}`;
}

/** One problem: its line, what is wrong, what to write (✏️ when a one-click suggestion is there). */
function row(lang: Lang, p: ReviewedPosting, d: Diagnostic, suggested: boolean): string {
  const message = renderMessageMarkdown(lang, d.messageId, d.params, d.rule);
  let write = "";
  if (d.fix) {
    const text = codeSpan(newLinesOf(p, d.fix).join(" ⏎ "), 200);
    write = d.fix.certain === false ? t(lang, "comment-proposal", { text }) : text;
    if (suggested) write += " ✏️";
  }
  return `| ${d.line} | ${ICON[d.severity]} ${cell(message)} | ${cell(write)} |${ROW_MARKER}${rowHash(p.path, d)} -->`;
}

/** A table cell: a pipe, even in a code span, would end it. */
function cell(markdown: string): string {
  return markdown.replace(/(?<!\\)\|/g, "\\|");
}

/** Same file, same problem (rule, message, texts): the same row from one push to the next. */
export function rowHash(path: string, d: Diagnostic): string {
  const texts = Object.entries(d.params).filter(([, v]) => typeof v === "string");
  return createHash("sha256")
    .update(JSON.stringify([path, d.rule, d.messageId, texts]))
    .digest("hex")
    .slice(0, 12);
}

/** Rows of the previous comment whose problem is gone, crossed out (rows crossed out before are kept as they were). */
function fixedRows(lang: Lang, previous: string | null, current: ReadonlySet<string>): string[] {
  if (previous === null) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of previous.split("\n")) {
    const m = ROW.exec(line);
    if (!m || current.has(m[2]!) || seen.has(m[2]!)) continue;
    seen.add(m[2]!);
    if (m[3]) {
      out.push(line);
      continue;
    }
    const cells = m[1]!
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    out.push(`| ~~${cells[0] ?? ""}~~ | ~~${cells[1] ?? ""}~~ | ${t(lang, "comment-fixed")} |${ROW_MARKER}${m[2]}:fixed -->`);
  }
  return out.slice(0, MAX_FIXED_ROWS);
}
