/**
 * On this event, review that pull request: `pull_request` opened, synchronize, reopened and
 * ready_for_review, edited when its base changed (another branch, so other versions before), the
 * override label added or removed by a person, and a "Re-run" of the app's check run (always a
 * new check run; otherwise none when the latest one on the commit already says the same).
 * Reviews of the same pull request
 * run one after the other, across app instances too; a handler never throws (errors are logged).
 */
import type { Context, Probot } from "probot";
import { createKeyedQueue } from "./keyed-queue.js";
import { newReviewMemory, reviewPullRequest, type ReviewTarget } from "../github/review/review-pull-request.js";
import { DEFAULT_CONFIG } from "../config/schema.js";
import { REVIEW_EVENTS, reviewTargetFromPayload } from "../github/review/review-target.js";
import { CHECK_RUN_NAME } from "../github/review/review-markers.js";
import { pullNumberOf } from "../github/review/reconcile-check-run.js";
import { memoryClaimStore, type ClaimStore } from "./claims.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { withClaim } from "./with-claim.js";

/** A review lock outlives any review; a holder that died frees it after this. */
const REVIEW_LOCK_SECONDS = 120;
const REVIEW_LOCK_WAIT_MS = 60_000;

export interface RegisterReviewOptions {
  /** Where handled deliveries are remembered (shared Redis with several instances). */
  claims?: ClaimStore;
}

export function registerReview(app: Probot, options: RegisterReviewOptions = {}): void {
  const claims = options.claims ?? memoryClaimStore();
  const queue = createKeyedQueue();
  const kept = newReviewMemory();
  const memory = kept.configs;

  const review = async (context: Context, target: ReviewTarget): Promise<void> => {
    const key = `${target.owner}/${target.repo}#${target.pullNumber}`;
    // One review of a pull request at a time: in this process (the queue keeps arrival order),
    // and across app instances (a claim in the shared store), else two instances reviewing at
    // once would both post the same suggestions.
    const exclusive = () =>
      withClaim(
        claims,
        `review-lock:${key}`,
        {
          ttlSeconds: REVIEW_LOCK_SECONDS,
          waitMs: REVIEW_LOCK_WAIT_MS,
          onTimeout: () => context.log.warn({ pull: key }, "review lock still held elsewhere: reviewing anyway"),
        },
        () => reviewPullRequest(context.octokit, target, context.log, kept),
      );
    try {
      await queue.run(key, exclusive);
    } catch (error) {
      context.log.error(
        { pull: key, delivery: context.id, err: String((error as Error).message ?? error).slice(0, 300) },
        "review crashed",
      );
    }
  };

  app.on(
    [...REVIEW_EVENTS],
    oncePerDelivery(claims, "review", async (context) => {
      await review(context, reviewTargetFromPayload(context.payload));
    }),
  );

  // The base branch changed: what the pull request is compared with changed (a title or body edit changes nothing).
  app.on(
    "pull_request.edited",
    oncePerDelivery(claims, "review", async (context) => {
      if (!context.payload.changes?.base) return;
      await review(context, reviewTargetFromPayload(context.payload));
    }),
  );

  // The override label changes the verdict: added or removed by a person (the app's own contract
  // labels, and other labels, change nothing). The label's name is the one of the config last
  // seen for the repository (the default before the first review).
  app.on(
    ["pull_request.labeled", "pull_request.unlabeled"],
    oncePerDelivery(claims, "review", async (context) => {
      const { repository, label, sender } = context.payload;
      const repoKey = `${repository.owner.login}/${repository.name}`.toLowerCase();
      const wanted = (memory.get(repoKey) ?? DEFAULT_CONFIG)["override-label"].toLowerCase();
      if (!label || label.name.toLowerCase() !== wanted || sender.type === "Bot") return;
      await review(context, reviewTargetFromPayload(context.payload));
    }),
  );

  app.on(
    "check_run.rerequested",
    oncePerDelivery(claims, "review", async (context) => {
      const run = context.payload.check_run;
      if (run.name !== CHECK_RUN_NAME) return;
      // The review stores the pull request number in external_id: pull_requests is empty for forks.
      const pullNumber = pullNumberOf(run.external_id) ?? run.pull_requests[0]?.number;
      if (pullNumber === undefined) {
        context.log.info({ checkRun: run.id }, "re-run requested for a check run without pull request: skipped");
        return;
      }
      const { repository } = context.payload;
      const repo = { owner: repository.owner.login, repo: repository.name };
      // The check run does not say what the pull request is compared with: ask (a fork's pull request is not in its payload).
      let baseSha = run.pull_requests.find((p) => p.number === pullNumber)?.base.sha;
      try {
        baseSha ??= (await context.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: pullNumber }))
          .data.base.sha;
      } catch (error) {
        context.log.error(
          { pull: pullNumber, err: String((error as Error).message ?? error).slice(0, 300) },
          "re-run: the pull request could not be read",
        );
        return;
      }
      await review(context, {
        ...repo,
        pullNumber,
        headSha: run.head_sha,
        baseSha,
        defaultBranch: repository.default_branch,
        forceCheckRun: true,
      });
    }),
  );
}
