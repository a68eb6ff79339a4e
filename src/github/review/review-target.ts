/** What a `pull_request` event's payload says of the review to do: one reading for the app and the Action. */
import type { ReviewTarget } from "./review-pull-request.js";

/** The `pull_request` actions that always ask for a review (the app registers them; the Action follows them). */
export const REVIEW_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

/** The part of a pull_request event's payload the review reads. */
export interface PullRequestPayload {
  action?: string;
  changes?: { base?: unknown };
  sender?: { type?: string };
  repository: { name: string; owner: { login: string }; default_branch: string };
  pull_request: { number: number; head: { sha: string }; base: { sha: string }; changed_files?: number };
}

export function reviewTargetFromPayload(payload: PullRequestPayload): ReviewTarget {
  const { repository, pull_request: pr } = payload;
  return {
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    defaultBranch: repository.default_branch,
    ...(typeof pr.changed_files === "number" ? { changedFiles: pr.changed_files } : {}),
  };
}
