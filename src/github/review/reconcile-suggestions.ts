/**
 * Posts the new suggestions as one review (`event: "COMMENT"`), each a ```suggestion block on
 * its line of the diff with a hidden marker, so that the next review does not post it again.
 * Never retried: GitHub may have posted a review whose answer was lost (a 502, a timeout), and
 * a second one would repeat every suggestion; what failed is posted by the next review.
 */
import type { GitHub, RepoRef } from "../octokit.js";
import type { ReviewPlan } from "./plan-review.js";

export async function reconcileSuggestions(
  octokit: GitHub,
  repo: RepoRef,
  pullNumber: number,
  headSha: string,
  plan: ReviewPlan["suggestions"],
): Promise<number | null> {
  if (!plan || plan.comments.length === 0) return null;
  const res = await octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    ...repo,
    pull_number: pullNumber,
    commit_id: headSha,
    event: "COMMENT",
    body: plan.body,
    comments: plan.comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT", body: c.body })),
    request: { retries: 0 },
  });
  return Number(res.data.id);
}
