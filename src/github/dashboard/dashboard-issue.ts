/**
 * The dashboard issue « Tableau de bord des offres »: its text (from the pure plan,
 * src/core/closing/dashboard.ts) and its one issue per repository.
 *
 * The issue is found by its label (`DASHBOARD_LABEL`: a label filter answers at once, unlike
 * search) and its hidden marker, open or closed: one request (`GET /issues?labels=…&state=all`).
 * Found, it is edited in place when its text changed (nothing is written otherwise); closed by a
 * person, it stays closed and is still kept up to date. Not found, it is created with the label
 * (GitHub creates a missing label with the issue). So three runs give one issue.
 */
import type { Dashboard } from "../../core/closing/dashboard.js";
import { daysBetween } from "../../core/closing/days.js";
import { dayInWords } from "../../messages/format-day.js";
import { t, type Lang } from "../../messages/index.js";
import type { EditLinks } from "../closing/render-pull-request.js";
import { fits, GITHUB_LIMITS } from "../limits.js";
import { escapeText } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import type { GitHub, RepoRef } from "../octokit.js";

export const DASHBOARD_MARKER = "<!-- recrutement-bot:tableau-de-bord -->";
export const DASHBOARD_LABEL = "tableau de bord";

export type DashboardAction = "fermer" | "prolonger";

export function actionMark(action: DashboardAction, path: string): string {
  return `<!-- recrutement-bot:action ${action} path=${encodeURIComponent(path)} -->`;
}

const BOX = /^[ \t]*- \[([ xX])\] .*<!-- recrutement-bot:action (fermer|prolonger) path=(\S+) -->[ \t]*$/gm;

/** The boxes of a dashboard body: `${action} ${path}` → ticked. */
export function readBoxes(body: string | null | undefined): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const m of (body ?? "").matchAll(BOX)) {
    try {
      out.set(`${m[2]} ${decodeURIComponent(m[3]!)}`, m[1] !== " ");
    } catch {
      // not one of ours
    }
  }
  return out;
}

/** The body with every box unticked. */
export function untickAll(body: string): string {
  return body.replace(BOX, (line) => line.replace(/- \[[xX]\]/, "- [ ]"));
}

export function renderDashboard(board: Dashboard, lang: Lang, links: EditLinks, noticeDays: number, staleDays: number): string {
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id, 200);
  const fileUrl = (path: string) =>
    `${links.web}/${links.repo.owner}/${links.repo.repo}/blob/${links.defaultBranch.split("/").map(encodeURIComponent).join("/")}/${path.split("/").map(encodeURIComponent).join("/")}`;
  const name = (p: { path: string; roles: string | null }) =>
    `[${escapeText(p.roles?.trim() || (p.path.split("/").pop() ?? p.path), 120)}](${fileUrl(p.path)})`;
  const relative = (days: number, id: "closing-day-ago" | "closing-day-in") => t(lang, id, { days });
  // Renovate's way: a box per action, its hidden mark saying which (src/github/dashboard/dashboard-actions.ts acts on a tick).
  const boxes = (path: string, extend: boolean) =>
    `\n  - [ ] ${t(lang, "dashboard-box-close")} ${actionMark("fermer", path)}` +
    (extend ? `\n  - [ ] ${t(lang, "dashboard-box-extend")} ${actionMark("prolonger", path)}` : "");
  const sections = (max: number): string[] => {
    const list = (rows: string[]) =>
      rows.length === 0
        ? md("dashboard-none")
        : [...rows.slice(0, max), ...(rows.length > max ? [md("dashboard-more", { count: rows.length - max })] : [])].join("\n");
    return [
      md("dashboard-due-heading"),
      list(
        board.due.map(
          (d) =>
            `- ${name(d)} — ${d.date ? md("dashboard-due-date", { day: dayInWords(lang, d.date), ago: relative(daysBetween(d.date, board.today), "closing-day-ago") }) : md("dashboard-due-filled")}`,
        ),
      ),
      md("dashboard-open-heading", { days: noticeDays }),
      list(
        board.open.map(
          (o) =>
            `- ${o.soon ? "⚠️ " : ""}${name(o)} — ${md("dashboard-open-row", { day: dayInWords(lang, o.date), left: relative(o.daysLeft, "closing-day-in") })}${boxes(o.path, true)}`,
        ),
      ),
      md("dashboard-stale-heading", { days: staleDays }),
      list(
        board.stale.map(
          (s) => `- ${name(s)} — ${md("dashboard-stale-row", { day: dayInWords(lang, s.openedOn), days: s.days })}${boxes(s.path, false)}`,
        ),
      ),
      md("dashboard-waiting-heading"),
      list(
        board.waiting.map(
          (w) =>
            `- ${w.days === null ? `#${w.number}` : md("dashboard-waiting-row", { pr: w.number, age: relative(w.days, "closing-day-ago") })}`,
        ),
      ),
      md("dashboard-contracts-heading"),
      list(board.contracts.map((c) => `- ${c.type === null ? md("dashboard-contract-none") : escapeText(c.type)}\u202F: ${c.count}`)),
      // Only when some open posting does not pass the checks (`npx recrutement-bot check` says why).
      ...(board.failing.length > 0
        ? [md("dashboard-failing-heading"), list(board.failing.map((f) => `- ${name(f)} — ${f.rules.map((r) => `\`${r}\``).join(", ")}`))]
        : []),
    ];
  };
  const intro = md("dashboard-intro", {
    today: dayInWords(lang, board.today),
    open: board.openCount,
    noDate: board.noDateCount,
    due: board.due.length,
    soon: board.open.filter((o) => o.soon).length,
  });
  // Lists cut (« … et N autres ») until the body fits GitHub's limit.
  for (let max = 500; ; max = Math.floor(max / 2)) {
    const body = [intro, ...sections(max), DASHBOARD_MARKER].join("\n\n");
    if (fits(body, GITHUB_LIMITS.commentBody) || max === 0) return body;
  }
}

export type DashboardOutcome = { kind: "created" | "updated" | "unchanged"; issue: number };

interface IssueItem {
  number: number;
  body?: string | null;
  pull_request?: unknown;
}

export async function syncDashboard(gh: GitHub, repo: RepoRef, title: string, body: string): Promise<DashboardOutcome> {
  const found = await gh.request("GET /repos/{owner}/{repo}/issues", { ...repo, labels: DASHBOARD_LABEL, state: "all", per_page: 100 });
  const issue = (found.data as IssueItem[])
    .filter((i) => !i.pull_request && (i.body ?? "").includes(DASHBOARD_MARKER))
    .sort((a, b) => a.number - b.number)[0];
  if (issue) {
    if (issue.body === body) return { kind: "unchanged", issue: issue.number };
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...repo, issue_number: issue.number, body });
    return { kind: "updated", issue: issue.number };
  }
  const created = await gh.request("POST /repos/{owner}/{repo}/issues", { ...repo, title, body, labels: [DASHBOARD_LABEL] });
  return { kind: "created", issue: created.data.number };
}
