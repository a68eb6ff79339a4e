/**
 * Which job an event runs (one Action, both jobs, as release-drafter chooses by event):
 * - `pull_request`, `pull_request_target`: the review of that pull request, as the app does it;
 * - `schedule`, `workflow_dispatch`, `push` (and no event: a run outside a runner): the closing.
 *
 * On `pull_request_target` the workflow runs with the base repository's token, also for a
 * fork's pull request: the review reads the pull request through the API, as data (its files,
 * the postings' text), and never checks out nor runs its code.
 */
import type { ReviewTarget } from "../github/review/review-pull-request.js";
import { REVIEW_EVENTS, reviewTargetFromPayload, type PullRequestPayload } from "../github/review/review-target.js";

export type { PullRequestPayload } from "../github/review/review-target.js";

export type ActionJob = "review" | "close" | "unsupported";

export const REVIEW_EVENT_NAMES = ["pull_request", "pull_request_target"] as const;
export const CLOSING_EVENT_NAMES = ["schedule", "workflow_dispatch", "push"] as const;

export function jobFor(eventName: string | undefined): ActionJob {
  if (!eventName) return "close";
  if ((REVIEW_EVENT_NAMES as readonly string[]).includes(eventName)) return "review";
  if ((CLOSING_EVENT_NAMES as readonly string[]).includes(eventName)) return "close";
  return "unsupported";
}

/** The actions of a pull request event that review it, as the app's (src/app/register-review.ts). */
const REVIEWED_ACTIONS = new Set(REVIEW_EVENTS.map((e) => e.slice("pull_request.".length)));

/**
 * The review this event asks for, or null (a title edit, a closed pull request…). As the app:
 * opened, synchronize, reopened, ready_for_review; edited when the base changed; a label added
 * or removed by a person (the repository's override label, whatever its name in the config,
 * changes the verdict; the review of another label writes nothing new). Labels the workflow's
 * own token writes start no workflow (GitHub's rule), so the review never triggers itself.
 */
export function reviewTargetOf(payload: PullRequestPayload): ReviewTarget | null {
  const action = payload.action ?? "";
  const reviewed =
    REVIEWED_ACTIONS.has(action) ||
    (action === "edited" && payload.changes?.base !== undefined) ||
    ((action === "labeled" || action === "unlabeled") && payload.sender?.type !== "Bot");
  return reviewed ? reviewTargetFromPayload(payload) : null;
}
