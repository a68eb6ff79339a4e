/**
 * Makes the pull request's contract labels match a LabelPlan: creates the missing labels (with
 * their colour and description), adds the wanted ones in one request, removes the stale ones.
 * A label someone created meanwhile (422) or removed meanwhile (404) is not an error.
 */
import { statusOf, type GitHub, type RepoRef } from "../octokit.js";
import type { LabelPlan } from "./plan-labels.js";

export async function reconcileLabels(octokit: GitHub, repo: RepoRef, issueNumber: number, plan: LabelPlan): Promise<void> {
  for (const label of plan.create) {
    try {
      await octokit.request("POST /repos/{owner}/{repo}/labels", { ...repo, ...label });
    } catch (error) {
      if (statusOf(error) !== 422) throw error; // already_exists: created by someone else meanwhile
    }
  }
  if (plan.add.length > 0) {
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...repo,
      issue_number: issueNumber,
      labels: plan.add,
    });
  }
  for (const name of plan.remove) {
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...repo,
        issue_number: issueNumber,
        name,
      });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
