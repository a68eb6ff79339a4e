/**
 * The Probot app: wires GitHub events to the jobs. Each job registers its own events; the
 * claims (handled deliveries, closing runs) are shared through Redis when REDIS_URL is set.
 */
import type { Probot } from "probot";
import { registerClosing } from "./github/closing/register.js";
import { registerReview } from "./github/review/register.js";
import { createClaimStore } from "./server/create-claim-store.js";

export default (app: Probot): void => {
  const claims = createClaimStore();
  registerReview(app, { claims });
  registerClosing(app, { claims });
};
