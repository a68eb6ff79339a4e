/**
 * The review inside a workflow: the pull request of the event reviewed by the app's own code
 * (reviewPullRequest: check run, living comment, suggestions, labels) with a client built from
 * the workflow's token, GITHUB_API_URL and GITHUB_GRAPHQL_URL (githubFromEnv, as the closing).
 * Outputs: reviewed, conclusion, title, failed-steps; the job summary is the check run's.
 * Exit code 0 when reviewed (the verdict is the check run's, not the job's), 1 when reading or
 * a write failed (the check run or the log says which).
 */
import pino from "pino";
import { githubFromEnv } from "../github/github-from-env.js";
import { reviewPullRequest } from "../github/review/review-pull-request.js";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "../cli/io.js";
import { t, type Lang } from "../messages/index.js";
import type { Env } from "./action-args.js";
import { reviewTargetOf, type PullRequestPayload } from "./event.js";
import { appendSummary, setOutputs } from "./outputs.js";

export async function runReview(io: CliIo, env: Env, payload: PullRequestPayload, lang: Lang): Promise<number> {
  const target = reviewTargetOf(payload);
  const pull = payload.pull_request.number;
  if (!target) {
    io.stdout.write(`${t(lang, "action-review-skipped", { pull, action: payload.action ?? "" })}\n`);
    setOutputs(env, { "reviewed": false, "conclusion": "", "title": "", "failed-steps": "" });
    return EXIT_OK;
  }
  // Structured logs on stderr (level from LOG_LEVEL, warnings by default), as the closing command.
  const log = pino({ level: env.LOG_LEVEL ?? "warn" }, { write: (s: string) => void io.stderr.write(s) });
  const gh = await githubFromEnv(env, { owner: target.owner, repo: target.repo }, log, io.cwd);
  const outcome = await reviewPullRequest(gh, target, log);
  const run = outcome.plan?.checkRun;
  if (outcome.status === "read-failed" || !run) {
    io.stderr.write(`::error title=recrutement-bot::${t(lang, "action-review-read-failed", { pull })}\n`);
    setOutputs(env, { "reviewed": false, "conclusion": "neutral", "title": "", "failed-steps": outcome.failedSteps.join(",") });
    return EXIT_ERRORS;
  }
  io.stdout.write(`${t(lang, "action-review-done", { pull, conclusion: run.conclusion, title: run.title })}\n`);
  setOutputs(env, { "reviewed": true, "conclusion": run.conclusion, "title": run.title, "failed-steps": outcome.failedSteps.join(",") });
  appendSummary(env, `## ${t(lang, "action-summary-review-title", { pull })}\n\n**${run.title}**\n\n${run.summary}\n`);
  if (outcome.failedSteps.length > 0) {
    io.stderr.write(`::error title=recrutement-bot::${t(lang, "action-review-failed-steps", { steps: outcome.failedSteps.join(", ") })}\n`);
    return EXIT_ERRORS;
  }
  return EXIT_OK;
}
