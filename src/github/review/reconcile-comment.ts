/**
 * Makes the living comment match its plan: one comment per pull request, found again by its
 * hidden marker. After creating it, the comments are read again: if another instance created
 * one at the same time, or a retried request created it twice, the oldest is kept (with the
 * newest text) and the others are removed. A comment deleted since it was read is created again.
 */
import { statusOf, type GitHub, type RepoRef } from "../octokit.js";
import type { BotComment } from "../read-review-state.js";
import type { CommentPlan } from "./plan-review.js";

export interface CommentOutcome {
  /** Id of the living comment after reconciling, when there is one. */
  commentId: number | null;
  action: CommentPlan["action"];
  deleted: number[];
}

async function deleteComment(octokit: GitHub, repo: RepoRef, id: number): Promise<void> {
  try {
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

export async function reconcileComment(
  octokit: GitHub,
  repo: RepoRef,
  issueNumber: number,
  plan: CommentPlan,
  duplicates: readonly number[],
  reread: () => Promise<BotComment[]>,
): Promise<CommentOutcome> {
  const deleted: number[] = [];
  for (const id of duplicates) {
    await deleteComment(octokit, repo, id);
    deleted.push(id);
  }
  if (plan.action === "none") return { commentId: null, action: "none", deleted };
  if (plan.action === "update") {
    try {
      await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        ...repo,
        comment_id: plan.commentId,
        body: plan.body,
      });
      return { commentId: plan.commentId, action: "update", deleted };
    } catch (error) {
      // Deleted meanwhile (by a person): the pull request still needs its comment.
      if (statusOf(error) !== 404) throw error;
    }
  }
  const created = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    body: plan.body,
  });
  const mine = Number(created.data.id);
  const all = await reread();
  const [oldest, ...others] = all.some((c) => c.id === mine)
    ? all
    : [...all, { id: mine, body: plan.body, createdAt: created.data.created_at }];
  if (!oldest || oldest.id === mine) {
    for (const c of others) {
      await deleteComment(octokit, repo, c.id);
      deleted.push(c.id);
    }
    return { commentId: mine, action: "create", deleted };
  }
  // Another review created one first: keep that one, with this text, and drop the rest.
  if (oldest.body !== plan.body) {
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...repo, comment_id: oldest.id, body: plan.body });
  }
  for (const c of others) {
    await deleteComment(octokit, repo, c.id);
    deleted.push(c.id);
  }
  return { commentId: oldest.id, action: "create", deleted };
}
