/**
 * Publishes a review's check run on the head commit: created completed with the first 50
 * annotations (GitHub's limit per request), then updated with the rest, 50 at a time (each
 * update appends its annotations). A new check run per review: the latest one of that name is
 * the one GitHub shows, and a "Re-run" asks for a new one.
 */
import type { GitHub, RepoRef } from "../octokit.js";
import type { CheckRunOutput } from "./render-check-run.js";
import { CHECK_RUN_NAME } from "./reviewed-posting.js";

export const ANNOTATIONS_PER_REQUEST = 50;

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
