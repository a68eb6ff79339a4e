/**
 * Makes GitHub match the closing plan. Each action is independent: one that fails is reported
 * and the others still run.
 *
 * The edit is written byte for byte: one posting through the contents API (base64 of the
 * closed text, with the blob oid it replaces, so a file that changed meanwhile is never
 * overwritten); several postings (grouped) as one commit through the git data API.
 *
 * Several runs at once (two app instances, a timer and a push) still give one pull request per
 * posting: creating a branch that exists (422 "Reference already exists") means another run
 * took it, unless no pull request uses it, in which case the branch is reused; creating a pull
 * request that exists (422 "A pull request already exists") is fine.
 *
 * A closing pull request found without any of its labels (a run that stopped after opening it)
 * is labelled, and its reviewers asked, by the next run. A pull request GitHub refuses (422
 * Validation Failed) does not leave the branch this run created behind.
 */
import type { Logger } from "pino";
import type { DuePosting } from "../../core/closing/find-due.js";
import { actionPaths, type ClosingAction } from "./plan-closing.js";
import { refusalOf, statusOf, type GitHub, type RepoRef } from "../octokit.js";
import { reconcileLabels } from "../labels/reconcile-labels.js";
import { t } from "../../messages/index.js";
import {
  bodyClosedByApp,
  closingLabelPlan,
  renderClosingPullRequest,
  renderCloseComment,
  type RenderContext,
} from "./render-pull-request.js";

export interface ApplyContext {
  repo: RepoRef;
  defaultBranch: string;
  headOid: string;
  treeOid: string;
  render: RenderContext;
  /** Labels of the repository (from the scan); the ones created here are added to it. */
  repositoryLabels: string[];
  /** Labels of the open closing pull requests, as the scan read them. */
  pullRequestLabels?: ReadonlyMap<number, readonly string[]>;
  /** Posting path → login of who added it (closing.notify-author), asked besides closing.reviewers. */
  authors?: ReadonlyMap<string, string>;
  log: Logger;
}

/** Users GitHub lets one request ask for review. */
const MAX_REVIEWERS = 15;

export type ActionOutcome =
  | { kind: "created"; pr: number }
  | { kind: "updated"; pr: number }
  | { kind: "closed"; pr: number }
  /** Kept, and given the labels it had lost. */
  | { kind: "labelled"; pr: number }
  /** Nothing to write (keep, skip-declined, capped), or dry-run. */
  | { kind: "none" }
  /** Another run got there first: its pull request, when known. */
  | { kind: "exists"; pr: number | null }
  | { kind: "failed"; message: string };

export interface ActionResult {
  action: ClosingAction;
  outcome: ActionOutcome;
}

export async function applyClosingPlan(gh: GitHub, plan: readonly ClosingAction[], ctx: ApplyContext): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const action of plan) {
    let outcome: ActionOutcome;
    try {
      outcome = await apply(gh, action, ctx);
    } catch (error) {
      outcome = { kind: "failed", message: refusalOf(error) };
    }
    const paths = actionPaths(action);
    const level = outcome.kind === "failed" ? "error" : "info";
    ctx.log[level](
      { repo: `${ctx.repo.owner}/${ctx.repo.repo}`, action: action.kind, pr: "pr" in action ? action.pr : undefined, paths, outcome },
      `closing: ${action.kind} → ${outcome.kind}`,
    );
    results.push({ action, outcome });
  }
  return results;
}

async function apply(gh: GitHub, action: ClosingAction, ctx: ApplyContext): Promise<ActionOutcome> {
  switch (action.kind) {
    case "create":
      return create(gh, action.branch, action.branchExists, action.postings, ctx);
    case "keep":
      return (await relabelIfBare(gh, action.pr, action.postings, ctx)) ? { kind: "labelled", pr: action.pr } : { kind: "none" };
    case "update": {
      const text = renderClosingPullRequest(action.postings, ctx.render);
      const claim = await commitOnBranch(gh, action.branch, true, action.postings, text.commitMessage, ctx);
      if (claim !== "written") return { kind: "exists", pr: action.pr };
      await gh.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...ctx.repo,
        pull_number: action.pr,
        title: text.title,
        body: text.body,
      });
      await relabelIfBare(gh, action.pr, action.postings, ctx);
      return { kind: "updated", pr: action.pr };
    }
    case "close": {
      await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...ctx.repo,
        issue_number: action.pr,
        body: renderCloseComment(action.reason, ctx.render.lang),
      });
      await gh.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...ctx.repo,
        pull_number: action.pr,
        state: "closed",
        body: bodyClosedByApp(action.body),
      });
      try {
        await gh.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...ctx.repo, ref: `heads/${action.branch}` });
      } catch (error) {
        // Already deleted (by a person, or by GitHub after a merge): nothing to do.
        if (statusOf(error) !== 422 && statusOf(error) !== 404) throw error;
      }
      return { kind: "closed", pr: action.pr };
    }
    default:
      return { kind: "none" };
  }
}

async function create(
  gh: GitHub,
  branch: string,
  branchExists: boolean,
  postings: DuePosting[],
  ctx: ApplyContext,
): Promise<ActionOutcome> {
  const text = renderClosingPullRequest(postings, ctx.render);
  const claim = await commitOnBranch(gh, branch, branchExists, postings, text.commitMessage, ctx);
  if (claim !== "written") return { kind: "exists", pr: claim === "taken" ? null : claim.pr };
  let pr: number;
  try {
    const res = await gh.request("POST /repos/{owner}/{repo}/pulls", {
      ...ctx.repo,
      title: text.title,
      head: branch,
      base: ctx.defaultBranch,
      body: text.body,
      maintainer_can_modify: true,
    });
    pr = res.data.number;
  } catch (error) {
    if (statusOf(error) === 422 && !/already exists/i.test(refusalOf(error)) && !branchExists) {
      // Refused as it is (Validation Failed): the branch made for it goes too, or it would stay behind.
      await gh.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...ctx.repo, ref: `heads/${branch}` }).catch(() => {});
    }
    if (statusOf(error) !== 422 || !/already exists/i.test(refusalOf(error))) throw error;
    // Opened by another run, or by this one when GitHub's answer was lost and the request
    // retried: then nobody else labels it. Labels and reviewers are the same whoever adds them.
    const open = await gh.request("GET /repos/{owner}/{repo}/pulls", {
      ...ctx.repo,
      head: `${ctx.repo.owner}:${branch}`,
      state: "open",
      per_page: 1,
    });
    const existing = open.data[0]?.number;
    if (existing === undefined) return { kind: "exists", pr: null };
    await labelAndAskReviewers(gh, existing, postings, ctx);
    return { kind: "exists", pr: existing };
  }
  await labelAndAskReviewers(gh, pr, postings, ctx);
  return { kind: "created", pr };
}

async function labelAndAskReviewers(gh: GitHub, pr: number, postings: DuePosting[], ctx: ApplyContext): Promise<void> {
  const labels = closingLabelPlan(postings, ctx.render, ctx.repositoryLabels);
  await reconcileLabels(gh, ctx.repo, pr, labels);
  ctx.repositoryLabels.push(...labels.create.map((l) => l.name));
  await requestReviewers(gh, pr, postings, ctx);
}

/**
 * A pull request of the app that has none of the labels it should have (the run that opened it
 * stopped before labelling it): labelled, and its reviewers asked. One that has some of them
 * is left as people made it. True when labels were added.
 */
async function relabelIfBare(gh: GitHub, pr: number, postings: DuePosting[], ctx: ApplyContext): Promise<boolean> {
  const current = ctx.pullRequestLabels?.get(pr);
  if (!current || postings.length === 0) return false;
  const wanted = closingLabelPlan(postings, ctx.render, ctx.repositoryLabels).add;
  if (wanted.length === 0 || wanted.some((l) => current.includes(l))) return false;
  await labelAndAskReviewers(gh, pr, postings, ctx);
  return true;
}

/**
 * Points `branch` at a new commit holding the edits, on top of the default branch's head.
 * "taken": another run owns the branch (or the file changed meanwhile); `{ pr }`: a pull
 * request already uses it.
 */
async function commitOnBranch(
  gh: GitHub,
  branch: string,
  branchExists: boolean,
  postings: DuePosting[],
  message: string,
  ctx: ApplyContext,
): Promise<"written" | "taken" | { pr: number }> {
  if (postings.length === 1) {
    const d = postings[0]!;
    const claim = await pointBranch(gh, branch, ctx.headOid, branchExists, ctx);
    if (claim !== "ok") return claim;
    try {
      await gh.request("PUT /repos/{owner}/{repo}/contents/{path}", {
        ...ctx.repo,
        path: d.path,
        branch,
        message,
        content: Buffer.from(d.closedText, "utf8").toString("base64"),
        sha: d.blob,
      });
    } catch (error) {
      // 409: the file on the branch is no longer the blob we read (another run wrote first, or the posting changed).
      if (statusOf(error) === 409 || statusOf(error) === 422) return "taken";
      throw error;
    }
    return "written";
  }
  const tree = await gh.request("POST /repos/{owner}/{repo}/git/trees", {
    ...ctx.repo,
    base_tree: ctx.treeOid,
    tree: postings.map((d) => ({ path: d.path, mode: "100644" as const, type: "blob" as const, content: d.closedText })),
  });
  const commit = await gh.request("POST /repos/{owner}/{repo}/git/commits", {
    ...ctx.repo,
    message,
    tree: tree.data.sha,
    parents: [ctx.headOid],
  });
  const claim = await pointBranch(gh, branch, commit.data.sha, branchExists, ctx);
  return claim === "ok" ? "written" : claim;
}

async function pointBranch(
  gh: GitHub,
  branch: string,
  sha: string,
  exists: boolean,
  ctx: ApplyContext,
): Promise<"ok" | "taken" | { pr: number }> {
  if (!exists) {
    try {
      await gh.request("POST /repos/{owner}/{repo}/git/refs", { ...ctx.repo, ref: `refs/heads/${branch}`, sha });
      return "ok";
    } catch (error) {
      if (statusOf(error) !== 422 || !/already exists/i.test(refusalOf(error))) throw error;
      // Created meanwhile by another run: its pull request, if it has one already.
      const open = await gh.request("GET /repos/{owner}/{repo}/pulls", {
        ...ctx.repo,
        head: `${ctx.repo.owner}:${branch}`,
        state: "open",
        per_page: 1,
      });
      const pr = open.data[0];
      if (pr) return { pr: pr.number };
    }
  }
  try {
    await gh.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", { ...ctx.repo, ref: `heads/${branch}`, sha, force: true });
    return "ok";
  } catch (error) {
    if (statusOf(error) === 422) return "taken";
    throw error;
  }
}

/**
 * Asks the configured reviewers and the people who added the postings (`authors`) in one
 * request. GitHub refuses the whole request (422) when one of them cannot be asked (not a
 * collaborator, the pull request's own author): then the configured reviewers are asked alone,
 * the authors alone, and an author GitHub still refuses is mentioned in a comment only if they
 * are a collaborator of the repository (`GET /collaborators/{username}`: 204). Someone outside
 * the repository (a fork's author) is never mentioned.
 */
async function requestReviewers(gh: GitHub, pr: number, postings: readonly DuePosting[], ctx: ApplyContext): Promise<void> {
  const wanted = ctx.render.config.closing.reviewers;
  const users = wanted.filter((r) => !r.includes("/"));
  const teams = wanted.filter((r) => r.includes("/")).map((r) => r.split("/")[1]!);
  const known = new Set(users.map((u) => u.toLowerCase()));
  const authors = [...new Set(postings.flatMap((d) => ctx.authors?.get(d.path) ?? []))]
    .filter((a) => !known.has(a.toLowerCase()))
    .slice(0, Math.max(0, MAX_REVIEWERS - users.length));
  if (wanted.length === 0 && authors.length === 0) return;
  const ask = async (reviewers: string[], team_reviewers: string[]): Promise<boolean> => {
    try {
      await gh.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
        ...ctx.repo,
        pull_number: pr,
        reviewers,
        ...(team_reviewers.length > 0 ? { team_reviewers } : {}),
      });
      return true;
    } catch (error) {
      // A reviewer who is not a collaborator, or the author: the pull request stands without them.
      ctx.log.warn({ pr, status: statusOf(error) }, "closing: reviewers not requested");
      return false;
    }
  };
  if (await ask([...users, ...authors], teams)) return;
  if (authors.length === 0) return;
  if (wanted.length > 0) {
    await ask(users, teams);
    if (await ask(authors, [])) return;
  }
  const mention: string[] = [];
  for (const login of authors) {
    try {
      await gh.request("GET /repos/{owner}/{repo}/collaborators/{username}", { ...ctx.repo, username: login });
      mention.push(login);
    } catch (error) {
      if (statusOf(error) !== 404) ctx.log.warn({ pr, status: statusOf(error) }, "closing: collaborator check failed");
    }
  }
  if (mention.length === 0) return;
  await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...ctx.repo,
    issue_number: pr,
    body: t(ctx.render.lang, "closing-pr-asked", { login: mention.join(", @") }),
  });
}
