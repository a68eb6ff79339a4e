/**
 * The Probot app: wires GitHub events to the jobs. Each job registers its own events; the
 * claims (handled deliveries, closing runs, recovery passes) are shared through Redis when
 * REDIS_URL is set. Deliveries missed while the app was down are redelivered by GitHub at
 * start and every few minutes (delivery-recovery.ts), for the events registered here.
 */
import type { Probot } from "probot";
import { registerClosing } from "./register-closing.js";
import { registerClosingCommands } from "./register-closing-commands.js";
import { registerReview } from "./register-review.js";
import type { ClaimStore } from "./claims.js";
import { createClaimStore } from "./create-claim-store.js";
import { createDeliveryRecovery, recoverySettings, type DeliveryRecovery, type DeliveryRecoveryOptions } from "./delivery-recovery.js";
import { recordHandledEvents } from "./handled-events.js";
import { protectErrorLogs } from "./protect-error-logs.js";

export interface AppOptions {
  /** The environment read (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The claims store (default: Redis when REDIS_URL is set, else memory). */
  claims?: ClaimStore;
  /** Overrides of the recovery's settings (tests: short periods). */
  recovery?: Pick<DeliveryRecoveryOptions, "intervalMs" | "startDelayMs" | "now" | "maxPages">;
  /** Told the recovery once made, whether started or not (tests stop it). */
  onRecovery?: (recovery: DeliveryRecovery) => void;
}

export function createApp(options: AppOptions = {}): (probot: Probot) => void {
  return (probot) => {
    const env = options.env ?? process.env;
    // Errors are logged without the requests, answers and payloads they carry.
    protectErrorLogs(probot.log);
    const claims = options.claims ?? createClaimStore(env);
    const { app, handles } = recordHandledEvents(probot);
    registerReview(app, { claims });
    registerClosing(app, { claims, env });
    registerClosingCommands(app, { claims });
    const settings = recoverySettings(env);
    const recovery = createDeliveryRecovery(probot, { claims, handles, intervalMs: settings.intervalMs, ...options.recovery });
    if (settings.enabled) recovery.start();
    options.onRecovery?.(recovery);
  };
}

export default createApp();
