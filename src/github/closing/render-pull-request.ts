/**
 * The texts of a closing pull request (title, body with its hidden markers, commit message,
 * labels) and of the comment the app leaves when it closes one. Pure. Values copied from
 * postings (roles, paths) are escaped for markdown (src/github/markdown).
 *
 * GitHub refuses a body over 65,536 characters and a title over 256 (422): a grouped pull
 * request's list of postings is cut to fit, « … et N autres », and the full list is in the
 * commit message (which has no such limit). Its hidden markers are never cut: the plan puts at
 * most GROUP_MARKERS_BUDGET characters of markers in one grouped pull request (the other
 * postings wait until it is merged).
 */
import { DEFAULT_LABEL_COLOURS, type Config } from "../../config/schema.js";
import type { DuePosting } from "../../core/closing/find-due.js";
import { ASKED, CLOSED_BY_APP, renderMarker } from "../../core/closing/marker.js";
import { fits, fitText, GITHUB_LIMITS, utf8Length } from "../limits.js";
import type { CloseReason } from "./plan-closing.js";
import { t, type Lang } from "../../messages/index.js";
import { dayInWords } from "../../messages/format-day.js";
import { daysBetween } from "../../core/closing/days.js";
import type { RepoRef } from "../octokit.js";
import { planLabels, type LabelPlan } from "../labels/plan-labels.js";
import { plainText } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";

/**
 * Characters of hidden markers one grouped pull request holds at most (about 450 postings of
 * beta.gouv.fr's file names); the rest of the body's limit is left to its text.
 */
export const GROUP_MARKERS_BUDGET = GITHUB_LIMITS.commentBody.chars - 8_192;

export interface PullRequestText {
  title: string;
  body: string;
  commitMessage: string;
}

export interface RenderContext {
  lang: Lang;
  today: string;
  timeZone: string;
  config: Config;
  /** Where the edit links point: the web host (`https://github.com`, or a GitHub Enterprise Server's), the repository, its default branch. */
  links?: EditLinks;
}

export interface EditLinks {
  web: string;
  repo: RepoRef;
  defaultBranch: string;
}

/** The web address of a GitHub API's: `https://api.github.com` → `https://github.com`; `https://ghe.example/api/v3` → `https://ghe.example`. */
export function webUrlOf(apiUrl: string | undefined): string {
  const api = (apiUrl ?? "https://api.github.com").replace(/\/+$/, "");
  if (/^https?:\/\/api\.github\.com$/i.test(api)) return "https://github.com";
  const ghes = /^(https?:\/\/[^/]+)\/api\/v3$/i.exec(api);
  if (ghes) return ghes[1]!;
  // GHE.com (`https://api.<tenant>.ghe.com`) and other `api.` hosts.
  return api.replace(/^(https?:\/\/)api\./i, "$1").replace(/\/api(\/v3)?$/i, "");
}

/** The base URL the client sends its requests to (Octokit's endpoint defaults). */
export function apiUrlOf(gh: unknown): string | undefined {
  return (gh as { request?: { endpoint?: { DEFAULTS?: { baseUrl?: string } } } }).request?.endpoint?.DEFAULTS?.baseUrl;
}

/** A link to GitHub's editor for `path` on the default branch (each path segment encoded; `/` kept). */
export function editUrl(links: EditLinks, path: string): string {
  const enc = (x: string) => encodeURIComponent(x).replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${links.web}/${enc(links.repo.owner)}/${enc(links.repo.repo)}/edit/${links.defaultBranch.split("/").map(enc).join("/")}/${path.split("/").map(enc).join("/")}`;
}

/** A closing day said as people say it: « 7 juillet 2021 » and « hier », « il y a 3 jours ». */
export function dayWords(lang: Lang, date: string, today: string): { day: string; ago: string } {
  return { day: dayInWords(lang, date), ago: t(lang, "closing-day-ago", { days: Math.max(0, daysBetween(date, today)) }) };
}

/** Placeholder of a link in a rendered message (letters only: markdown escaping leaves it as it is). */
const LINK = "RBLINKRB";

/** What a posting is called in texts: its `roles`, else its file name. */
export function postingName(d: DuePosting): string {
  return d.roles?.trim() || (d.path.split("/").pop() ?? d.path);
}

export function renderClosingPullRequest(postings: readonly DuePosting[], ctx: RenderContext): PullRequestText {
  const { lang } = ctx;
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id, 120);
  const markers = postings.map((d) => renderMarker({ path: d.path, blob: d.blob }));
  if (postings.length === 1) {
    const d = postings[0]!;
    const roles = postingName(d);
    const why =
      d.reason.kind === "date"
        ? md("closing-pr-why-date", {
            roles,
            path: d.path,
            field: d.reason.field,
            date: d.reason.date,
            ...dayWords(lang, d.reason.date, ctx.today),
          })
        : d.reason.kind === "asked"
          ? md("closing-pr-why-asked", { roles, path: d.path, login: d.reason.login })
          : md("closing-pr-why-filled", { roles, path: d.path });
    const link = (label: "closing-pr-edit-label" | "closing-pr-edit-file-label") =>
      ctx.links ? `[${t(lang, label)}](${editUrl(ctx.links, d.path)})` : t(lang, label);
    const keep =
      d.reason.kind === "date"
        ? md("closing-pr-list-keep-date", { edit: LINK }).replace(LINK, link("closing-pr-edit-label"))
        : md("closing-pr-list-keep-filled", { edit: LINK }).replace(LINK, link("closing-pr-edit-file-label"));
    const list = (
      d.reason.kind === "asked"
        ? [`- ${md("closing-pr-list-merge", { line: d.openLine })}`, `- ${md("closing-pr-list-asked-keep")}`]
        : [`- ${md("closing-pr-list-merge", { line: d.openLine })}`, `- ${keep}`, `- ${md("closing-pr-list-decline")}`]
    ).join("\n");
    const body = [
      why,
      md("closing-pr-merge", { line: d.openLine }),
      "---",
      list,
      md("closing-pr-signature"),
      ...markers,
      ...(d.reason.kind === "asked" ? [ASKED] : []),
    ].join("\n\n");
    return {
      title: fitText(t(lang, "closing-pr-title", { roles: plainText(roles, 100) }), GITHUB_LIMITS.title),
      body,
      commitMessage: t(lang, "closing-commit", { roles: plainText(roles, 100) }),
    };
  }
  const items = postings.map((d) => {
    const roles = postingName(d);
    return `- ${
      d.reason.kind === "date"
        ? md("closing-pr-grouped-item-date", {
            roles,
            path: d.path,
            line: d.openLine,
            field: d.reason.field,
            date: d.reason.date,
            ...dayWords(lang, d.reason.date, ctx.today),
          })
        : md("closing-pr-grouped-item-filled", { roles, path: d.path, line: d.openLine })
    }`;
  });
  const before = md("closing-pr-grouped-intro", { count: postings.length, today: dayInWords(lang, ctx.today) });
  const after = [md("closing-pr-grouped-merge"), md("closing-pr-grouped-keep"), md("closing-pr-signature"), markers.join("\n")];
  const body = (list: string) => [before, list, ...after].join("\n\n");
  // The list, cut where the body would pass GitHub's limit; the cut says how many are left out.
  let shown = items.length;
  let list = items.join("\n");
  while (!fits(body(list), GITHUB_LIMITS.commentBody) && shown > 0) {
    const over = Math.max(utf8Length(body(list)) - GITHUB_LIMITS.commentBody.bytes, body(list).length - GITHUB_LIMITS.commentBody.chars);
    // Drop about as many lines as the excess needs, at least one.
    let drop = 0;
    for (let freed = 0; shown - drop > 0 && freed < over; drop++) freed += utf8Length(items[shown - drop - 1]!) + 1;
    shown -= Math.max(1, drop);
    list = [...items.slice(0, shown), md("closing-pr-grouped-more", { count: items.length - shown })].join("\n");
  }
  const commitItems = postings.map((d) => {
    const params = { path: d.path, line: d.openLine, roles: plainText(postingName(d), 100) };
    return `- ${d.reason.kind === "date" ? t(lang, "cli-close-due-date", { ...params, field: d.reason.field, date: d.reason.date }) : t(lang, "cli-close-due-filled", params)}`;
  });
  return {
    title: fitText(t(lang, "closing-pr-title-grouped", { count: postings.length }), GITHUB_LIMITS.title),
    body: body(list),
    commitMessage: [t(lang, "closing-commit-grouped", { count: postings.length }), "", ...commitItems].join("\n"),
  };
}

/**
 * The labels of a new closing pull request: `closing.labels`, then the contract labels of its
 * postings (when contract labels are on), the missing contract labels created with the colour
 * and description the review gives them (src/github/labels).
 */
export function closingLabelPlan(postings: readonly DuePosting[], ctx: RenderContext, repositoryLabels: readonly string[]): LabelPlan {
  const { config } = ctx;
  const contracts = config.labels.enabled
    ? planLabels({
        contracts: postings.flatMap((d) => d.contracts),
        complete: false,
        prefix: config.labels.prefix,
        colours: config.labels.colours,
        defaultColours: DEFAULT_LABEL_COLOURS,
        lang: ctx.lang,
        pullRequestLabels: [],
        repositoryLabels,
      })
    : { add: [], remove: [], create: [] };
  return { add: [...new Set([...config.closing.labels, ...contracts.add])], remove: [], create: contracts.create };
}

export function renderCloseComment(reason: CloseReason, lang: Lang): string {
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id);
  switch (reason.kind) {
    case "closed-by-hand":
      return md("closing-obsolete-closed-by-hand");
    case "extended":
      return md("closing-obsolete-extended", { field: reason.field, date: reason.date });
    case "not-due":
      return md("closing-obsolete-not-due");
    case "removed":
      return md("closing-obsolete-removed");
    case "nothing-left":
      return md("closing-obsolete-nothing-left");
  }
}

/** The body of a pull request the app closes: unchanged, plus the mark that no person refused it. */
export function bodyClosedByApp(body: string): string {
  return body.includes(CLOSED_BY_APP) ? body : `${body}\n${CLOSED_BY_APP}`;
}
