/**
 * Publishes a review's check run on the head commit: created completed with the first 50
 * annotations (GitHub's limit per request), then updated with the rest, 50 at a time (each
 * update appends its annotations). A new check run per review: the latest one of that name is
 * the one GitHub shows, and a "Re-run" asks for a new one.
 *
 * `external_id` is `<pull request number>:<hash of the output>`: the number tells a "Re-run"
 * which pull request to review (a fork's check run has no pull request attached), the hash lets
 * the next review see that the latest check run already says what it would say (reopened,
 * ready for review, the same delivery under a new id): no second check run for nothing new.
 */
import { createHash } from "node:crypto";
import type { GitHub, RepoRef } from "../octokit.js";
import { GITHUB_LIMITS } from "../limits.js";
import type { CheckRunOutput } from "./render-check-run.js";
import { CHECK_RUN_NAME } from "./review-markers.js";

export const ANNOTATIONS_PER_REQUEST = GITHUB_LIMITS.annotationsPerRequest;

/** The check run's `external_id` for this pull request and this output. */
export function checkRunKey(pullNumber: number, output: CheckRunOutput): string {
  const hash = createHash("sha256")
    .update(JSON.stringify([output.conclusion, output.title, output.summary, output.annotations]))
    .digest("hex")
    .slice(0, 16);
  return `${pullNumber}:${hash}`;
}

/** The pull request number in an `external_id` written by the app (`2`, or `2:<hash>`). */
export function pullNumberOf(externalId: string | null | undefined): number | undefined {
  const m = /^(\d+)(?::[0-9a-f]+)?$/.exec(externalId ?? "");
  return m ? Number(m[1]) : undefined;
}

export async function reconcileCheckRun(
  octokit: GitHub,
  repo: RepoRef,
  headSha: string,
  output: CheckRunOutput,
  externalId: string,
): Promise<number> {
  const { title, summary, annotations } = output;
  const first = annotations.slice(0, ANNOTATIONS_PER_REQUEST);
  const res = await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    external_id: externalId,
    status: "completed",
    conclusion: output.conclusion,
    output: { title, summary, annotations: first },
  });
  const id = Number(res.data.id);
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...repo,
      check_run_id: id,
      output: { title, summary, annotations: annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) },
    });
  }
  return id;
}
