/**
 * The closing job for one repository, end to end: scan the default branch, find the postings
 * due, look up the refusals that matter, plan, then apply the plan (or only report it in
 * dry-run). Returns a report; never writes when dry-run is on.
 */
import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { findDue } from "../../core/closing/find-due.js";
import { actionPaths, branchesToLookUp, planClosing, type ClosingAction } from "../../core/closing/plan-closing.js";
import { todayIn } from "../../core/dates.js";
import { checkOptionsFor } from "../../config/check-options.js";
import type { GitHub, RepoRef } from "../octokit.js";
import { applyClosingPlan, type ActionResult } from "./apply-closing-plan.js";
import { listClosedClosingPrs } from "./list-closing-prs.js";
import { scanPostings } from "./scan-postings.js";
import { GROUP_MARKERS_BUDGET } from "./render-pull-request.js";

export interface RunClosingOptions {
  config: Config;
  now: Date;
  /** Reference day (YYYY-MM-DD); default: today in the configured time zone. */
  today?: string;
  /** Overrides `closing.dry-run`. */
  dryRun?: boolean;
  log: Logger;
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
  /** Read requests (scan and history); writes are the results' business. */
  readRequests: number;
}

export async function runClosing(gh: GitHub, repo: RepoRef, options: RunClosingOptions): Promise<ClosingReport> {
  const { config, log } = options;
  const closing = config.closing;
  const today = options.today ?? todayIn(closing["time-zone"], options.now);
  const dryRun = options.dryRun ?? closing["dry-run"];
  const report: ClosingReport = { repo: `${repo.owner}/${repo.repo}`, today, dryRun, skipped: null, postings: 0, plan: [], results: [], readRequests: 0 };
  if (!closing.enabled) return { ...report, skipped: "disabled" };

  const scan = await scanPostings(gh, repo, config.postings);
  if (!scan) return { ...report, skipped: "empty", readRequests: 1 };
  if (!scan.folderFound) {
    log.warn({ repo: report.repo, folder: config.postings }, "closing: no postings folder on the default branch");
    return { ...report, skipped: "no-folder", readRequests: scan.requests };
  }
  const { statuses, due } = findDue(scan.postings, checkOptionsFor(config, null, false), today);
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
  log.info({ repo: report.repo, today, dryRun, postings: scan.postings.length, due: due.length, actions: countKinds(plan), readRequests }, "closing: plan");
  const done = { ...report, postings: scan.postings.length, plan, readRequests };
  if (dryRun) {
    for (const action of plan) log.info({ repo: report.repo, action: action.kind, pr: "pr" in action ? action.pr : undefined, paths: actionPaths(action) }, `closing (dry-run): ${action.kind}`);
    return done;
  }

  const results = await applyClosingPlan(gh, plan, {
    repo,
    defaultBranch: scan.defaultBranch,
    headOid: scan.headOid,
    treeOid: scan.treeOid,
    render: { lang: config.language, today, timeZone: closing["time-zone"], config },
    repositoryLabels: [...scan.labels],
    pullRequestLabels: new Map(scan.openPullRequests.flatMap((p) => (p.labels ? [[p.number, p.labels] as const] : []))),
    log,
  });
  return { ...done, results };
}

function countKinds(plan: readonly ClosingAction[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of plan) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return counts;
}
