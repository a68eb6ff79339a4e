/**
 * The Probot app: wires GitHub events to the jobs. Each job registers its own events; the
 * claims (handled deliveries, closing runs) are shared through Redis when REDIS_URL is set.
 */
import type { Probot } from "probot";
import { registerClosing } from "./github/closing/register.js";
import { registerReview } from "./github/review/register.js";
import { createClaimStore } from "./server/create-claim-store.js";
import { protectErrorLogs } from "./server/protect-error-logs.js";

export default (app: Probot): void => {
  // Errors are logged without the requests, answers and payloads they carry.
  protectErrorLogs(app.log);
  const claims = createClaimStore();
  registerReview(app, { claims });
  registerClosing(app, { claims });
};
