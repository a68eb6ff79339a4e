/**
 * One review of one pull request at one head commit: read (config, files, one GraphQL query),
 * run the engine, plan, then reconcile the check run, the living comment, the suggestions and
 * the labels. When reading fails, a neutral check run says so; a failing write is logged and
 * the other writes still happen.
 */
import type { Logger } from "pino";
import type { GitHub, RepoRef } from "../octokit.js";
import { loadConfig } from "../load-config.js";
import { readPullRequestFiles } from "../read-pull-request-files.js";
import { readBotComments, readReviewState } from "../read-review-state.js";
import { reconcileLabels } from "../labels/reconcile-labels.js";
import { checkOptionsFor, checkPostings } from "./check-postings.js";
import { planReview, type ReviewPlan } from "./plan-review.js";
import { reconcileCheckRun } from "./reconcile-check-run.js";
import { reconcileComment } from "./reconcile-comment.js";
import { reconcileSuggestions } from "./reconcile-suggestions.js";
import { renderFailedCheckRun } from "./render-check-run.js";
import { selectPostings } from "./select-postings.js";
import { COMMENT_MARKER, counts } from "./reviewed-posting.js";

export interface ReviewTarget extends RepoRef {
  pullNumber: number;
  headSha: string;
  defaultBranch: string;
}

export interface ReviewOutcome {
  status: "reviewed" | "read-failed";
  plan?: ReviewPlan;
  /** Writes that failed (logged), by step. */
  failedSteps: string[];
}

export async function reviewPullRequest(octokit: GitHub, target: ReviewTarget, log: Logger): Promise<ReviewOutcome> {
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const where = { repo: `${target.owner}/${target.repo}`, pull: target.pullNumber, sha: target.headSha };

  let plan: ReviewPlan;
  try {
    const { config, problems } = await loadConfig(octokit, repo, target.defaultBranch);
    if (problems.length > 0) log.warn({ ...where, problems: problems.map((p) => p.key || "(file)") }, "invalid config: defaults apply to these keys");
    const files = await readPullRequestFiles(octokit, repo, target.pullNumber);
    const selection = selectPostings(files, config.postings, config["max-files"]);
    const state = await readReviewState(octokit, repo, {
      pullNumber: target.pullNumber,
      headSha: target.headSha,
      defaultBranch: target.defaultBranch,
      postingPaths: selection.postings.map((p) => p.path),
      startupsDir: config.startups,
      labelPrefix: config.labels.prefix,
      marker: COMMENT_MARKER,
    });
    const postings = checkPostings(selection.postings, state.blobs, checkOptionsFor(config, state.startupIds));
    plan = planReview({
      config,
      configProblems: problems,
      postings,
      skipped: selection.skipped,
      existing: {
        comments: state.botComments,
        pullRequestLabels: state.pullRequestLabels,
        repositoryLabels: state.repositoryLabels,
        reviewCommentBodies: state.botReviewCommentBodies,
      },
    });
    const total = counts(postings);
    log.info(
      { ...where, postings: postings.length, skipped: selection.skipped.length, errors: total.errors, warnings: total.warnings, comment: plan.comment.action },
      "pull request reviewed",
    );
  } catch (error) {
    log.error({ ...where, err: describe(error) }, "review failed while reading: neutral check run");
    try {
      await reconcileCheckRun(octokit, repo, target.headSha, renderFailedCheckRun("fr"), String(target.pullNumber));
    } catch (again) {
      log.error({ ...where, err: describe(again) }, "could not report the failure in a check run");
    }
    return { status: "read-failed", failedSteps: ["read"] };
  }

  const failedSteps: string[] = [];
  const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      failedSteps.push(name);
      log.error({ ...where, step: name, err: describe(error) }, "review step failed");
    }
  };
  await step("check-run", () => reconcileCheckRun(octokit, repo, target.headSha, plan.checkRun, String(target.pullNumber)));
  await step("comment", () =>
    reconcileComment(octokit, repo, target.pullNumber, plan.comment, plan.deleteComments, () => readBotComments(octokit, repo, target.pullNumber, COMMENT_MARKER)),
  );
  await step("suggestions", () => reconcileSuggestions(octokit, repo, target.pullNumber, target.headSha, plan.suggestions));
  if (plan.labels) {
    const labels = plan.labels;
    await step("labels", () => reconcileLabels(octokit, repo, target.pullNumber, labels));
  }
  return { status: "reviewed", plan, failedSteps };
}

/** What to log of an error: its status and message, never a request body (it may hold posting text). */
function describe(error: unknown): { status?: number; message: string } {
  const e = error as { status?: number; message?: string };
  return { ...(typeof e.status === "number" ? { status: e.status } : {}), message: String(e.message ?? error).slice(0, 300) };
}
