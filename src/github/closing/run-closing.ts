/**
 * The closing job for one repository, end to end: scan the default branch, find the postings
 * due, look up the refusals that matter, plan, then apply the plan (or only report it in
 * dry-run). Returns a report; never writes when dry-run is on.
 */
import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { findDue } from "../../core/closing/find-due.js";
import { PostingCache } from "../../core/posting-cache.js";
import { actionPaths, branchesToLookUp, planClosing, type ClosingAction } from "./plan-closing.js";
import { todayIn } from "../../core/dates.js";
import { checkOptionsFor } from "../../config/check-options.js";
import type { GitHub, RepoRef } from "../octokit.js";
import { applyClosingPlan, type ActionResult } from "./apply-closing-plan.js";
import { listClosedClosingPrs } from "./list-closing-prs.js";
import { scanPostings } from "./scan-postings.js";
import { apiUrlOf, editUrl, GROUP_MARKERS_BUDGET, webUrlOf } from "./render-pull-request.js";
import { findAuthors, type AddedBy } from "./find-authors.js";
import { addDays, daysBetween } from "../../core/closing/days.js";
import { dayInWords } from "../../messages/format-day.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import { planDashboard } from "../../core/closing/dashboard.js";
import { parseMarkers } from "../../core/closing/marker.js";
import { dayOfInstant } from "../../core/dates.js";
import { t } from "../../messages/index.js";
import { renderDashboard, syncDashboard, type DashboardOutcome } from "../dashboard/dashboard-issue.js";
import type { RepositoryScan } from "./scan-postings.js";

export interface RunClosingOptions {
  config: Config;
  now: Date;
  /** Reference day (YYYY-MM-DD); default: today in the configured time zone. */
  today?: string;
  /** Overrides `closing.dry-run`. */
  dryRun?: boolean;
  log: Logger;
  /** Readings of postings kept by blob id from a run to the next (the app keeps one). */
  cache?: PostingCache;
}

export interface ClosingReport {
  repo: string;
  today: string;
  dryRun: boolean;
  /**
   * Why nothing was done: closing disabled, an empty repository, or no postings folder (a
   * folder misnamed in the config must not close every pull request as "file removed").
   */
  skipped: "disabled" | "empty" | "no-folder" | null;
  postings: number;
  plan: ClosingAction[];
  /** One per action of the plan; empty in dry-run. */
  results: ActionResult[];
  /** Read requests (scan, history, and who added the postings of new pull requests); writes are the results' business. */
  readRequests: number; /** The dashboard issue (closing.dashboard), when it was updated: what was done, and its counts. */
  dashboard?: DashboardReport;
}

export interface DashboardReport extends DashboardOutcome {
  open: number;
  noDate: number;
  due: number;
  soon: number;
  stale: number;
  waiting: number;
}

export async function runClosing(gh: GitHub, repo: RepoRef, options: RunClosingOptions): Promise<ClosingReport> {
  const { config, log } = options;
  const closing = config.closing;
  const today = options.today ?? todayIn(closing["time-zone"], options.now);
  const dryRun = options.dryRun ?? closing["dry-run"];
  const report: ClosingReport = {
    repo: `${repo.owner}/${repo.repo}`,
    today,
    dryRun,
    skipped: null,
    postings: 0,
    plan: [],
    results: [],
    readRequests: 0,
  };
  if (!closing.enabled) return { ...report, skipped: "disabled" };

  const scan = await scanPostings(gh, repo, config.postings);
  if (!scan) return { ...report, skipped: "empty", readRequests: 1 };
  if (!scan.folderFound) {
    log.warn({ repo: report.repo, folder: config.postings }, "closing: no postings folder on the default branch");
    return { ...report, skipped: "no-folder", readRequests: scan.requests };
  }
  const cache = options.cache ?? new PostingCache();
  const { statuses, due } = findDue(scan.postings, checkOptionsFor(config, null, false), today, cache);
  const lookUp = due.length > 0 ? branchesToLookUp(statuses, scan.openPullRequests, closing.grouped, config.postings) : [];
  const history = await listClosedClosingPrs(gh, repo, lookUp);
  const plan = planClosing({
    statuses,
    pullRequests: [...scan.openPullRequests, ...history.pullRequests],
    branches: scan.branches,
    grouped: closing.grouped,
    maxPullRequests: closing["max-pull-requests"],
    postingsFolder: config.postings,
    groupMarkersBudget: GROUP_MARKERS_BUDGET,
  });
  const readRequests = scan.requests + history.requests;
  log.info(
    { repo: report.repo, today, dryRun, postings: scan.postings.length, due: due.length, actions: countKinds(plan), readRequests },
    "closing: plan",
  );
  const done = { ...report, postings: scan.postings.length, plan, readRequests };
  if (dryRun) {
    for (const action of plan)
      log.info(
        { repo: report.repo, action: action.kind, pr: "pr" in action ? action.pr : undefined, paths: actionPaths(action) },
        `closing (dry-run): ${action.kind}`,
      );
    return done;
  }

  const created = closing["notify-author"] ? plan.flatMap((a) => (a.kind === "create" ? a.postings.map((d) => d.path) : [])) : [];
  // Closing within closing.notice-days: the pull request that added the posting is told, once per date.
  const notices = closing["notify-author"]
    ? statuses.flatMap((s) =>
        s.state === "open-until" && daysBetween(today, s.date) <= closing["notice-days"] ? [{ path: s.path, date: s.date }] : [],
      )
    : [];
  const lookUpAuthors = [...new Set([...created, ...notices.map((n) => n.path)])];
  const found =
    lookUpAuthors.length > 0
      ? await findAuthors(gh, repo, scan.headOid, lookUpAuthors).catch((error: unknown) => {
          log.warn({ repo: report.repo, err: error }, "closing: authors not found");
          return null;
        })
      : null;
  const results = await applyClosingPlan(gh, plan, {
    repo,
    defaultBranch: scan.defaultBranch,
    headOid: scan.headOid,
    treeOid: scan.treeOid,
    render: {
      lang: config.language,
      today,
      timeZone: closing["time-zone"],
      config,
      links: { web: webUrlOf(apiUrlOf(gh)), repo, defaultBranch: scan.defaultBranch },
    },
    ...(found ? { authors: found.authors } : {}),
    repositoryLabels: [...scan.labels],
    pullRequestLabels: new Map(scan.openPullRequests.flatMap((p) => (p.labels ? [[p.number, p.labels] as const] : []))),
    log,
  });
  if (found) await giveNotices(gh, repo, notices, found, scan, { config, today, log });
  const dashboard = closing.dashboard ? await updateDashboard(gh, repo, scan, results, { config, today, log, cache }) : null;
  return { ...done, readRequests: readRequests + (found?.requests ?? 0), results, ...(dashboard ? { dashboard } : {}) };
}

/** Hidden in a notice comment: which posting, which closing date (a date noticed once is never noticed again). */
export function noticeMarker(path: string, date: string): string {
  return `<!-- recrutement-bot:preavis path=${encodeURIComponent(path)} date=${date} -->`;
}

/**
 * The notice before the date: on the merged pull request that added the posting (its
 * participants are notified), one comment per posting and closing date, found again by its
 * hidden marker among the pull request's last comments. A posting added without a pull
 * request gets none (the dashboard flags it). A failure is logged and never fails the run.
 */
async function giveNotices(
  gh: GitHub,
  repo: RepoRef,
  notices: readonly { path: string; date: string }[],
  found: { authors: ReadonlyMap<string, string>; pulls: ReadonlyMap<string, AddedBy> },
  scan: RepositoryScan,
  ctx: { config: Config; today: string; log: Logger },
): Promise<void> {
  const lang = ctx.config.language;
  const links = { web: webUrlOf(apiUrlOf(gh)), repo, defaultBranch: scan.defaultBranch };
  for (const n of notices) {
    const pull = found.pulls.get(n.path);
    const marker = noticeMarker(n.path, n.date);
    if (!pull || pull.comments.some((c) => c.includes(marker))) continue;
    const login = found.authors.get(n.path);
    const text = scan.postings.find((p) => p.path === n.path)?.text ?? "";
    const roles =
      /^roles:[ \t]*(.+)$/m
        .exec(text)?.[1]
        ?.replace(/^["']|["']$/g, "")
        .trim() ||
      (n.path.split("/").pop() ?? n.path);
    const body = [
      renderMessageMarkdown(
        lang,
        "closing-notice",
        {
          who: login ?? "",
          roles,
          day: dayInWords(lang, n.date),
          left: t(lang, "closing-day-in", { days: daysBetween(ctx.today, n.date) }),
          proposal: dayInWords(lang, addDays(n.date, 1)),
        },
        "closing-notice",
        120,
      ).replace("RBEDITRB", `[${t(lang, "closing-pr-edit-label")}](${editUrl(links, n.path)})`),
      marker,
    ].join("\n\n");
    try {
      await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: pull.number, body });
    } catch (error) {
      ctx.log.warn({ repo: `${repo.owner}/${repo.repo}`, pr: pull.number, err: error }, "closing: notice not given");
    }
  }
}

/**
 * The dashboard issue, after the plan is applied: the postings as the scan read them, the
 * closing pull requests open now (those of the scan the run did not close, and those it opened
 * today). A failure is logged and never fails the run.
 */
async function updateDashboard(
  gh: GitHub,
  repo: RepoRef,
  scan: RepositoryScan,
  results: readonly ActionResult[],
  ctx: { config: Config; today: string; log: Logger; cache: PostingCache },
): Promise<DashboardReport | null> {
  const { closing } = ctx.config;
  const closed = new Set(results.flatMap((r) => (r.outcome.kind === "closed" ? [r.outcome.pr] : [])));
  const pullRequests = [
    ...scan.openPullRequests
      .filter((p) => !closed.has(p.number))
      .map((p) => ({
        number: p.number,
        openedOn: p.createdAt ? dayOfInstant(Date.parse(p.createdAt), closing["time-zone"]) : null,
        paths: parseMarkers(p.body).map((m) => m.path),
      })),
    ...results.flatMap((r) =>
      r.outcome.kind === "created" ? [{ number: r.outcome.pr, openedOn: ctx.today, paths: actionPaths(r.action) }] : [],
    ),
  ];
  const board = planDashboard({
    postings: scan.postings,
    options: checkOptionsFor(ctx.config, null, false),
    today: ctx.today,
    noticeDays: closing["notice-days"],
    staleDays: closing["stale-days"],
    pullRequests,
    cache: ctx.cache,
  });
  const links = { web: webUrlOf(apiUrlOf(gh)), repo, defaultBranch: scan.defaultBranch };
  const summary = {
    open: board.openCount,
    noDate: board.noDateCount,
    due: board.due.length,
    soon: board.open.filter((o) => o.soon).length,
    stale: board.stale.length,
    waiting: board.waiting.length,
  };
  try {
    const outcome = await syncDashboard(
      gh,
      repo,
      t(ctx.config.language, "dashboard-title"),
      renderDashboard(board, ctx.config.language, links, closing["notice-days"], closing["stale-days"]),
    );
    ctx.log.info({ repo: `${repo.owner}/${repo.repo}`, ...outcome, ...summary }, "closing: dashboard");
    return { ...outcome, ...summary };
  } catch (error) {
    ctx.log.warn({ repo: `${repo.owner}/${repo.repo}`, err: error }, "closing: dashboard not updated");
    return null;
  }
}

function countKinds(plan: readonly ClosingAction[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of plan) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return counts;
}
