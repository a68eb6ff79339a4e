/**
 * GitHub may deliver the same event twice (a redelivery, a replay by an attacker who captured a
 * signed body): a delivery id is handled once. If the handler fails, the claim is given back so
 * that a redelivery (GitHub's "Redeliver", or the app's own recovery: recover-deliveries.ts) can
 * try again.
 */
import type { ClaimStore } from "./claims.js";

export const DELIVERY_TTL_SECONDS = 3 * 24 * 3600;

/** Wraps `handler` of job `job` (one delivery may feed several jobs: each handles it once). */
export function oncePerDelivery<C extends { id: string; log: { info: (obj: object, msg: string) => void } }>(
  claims: ClaimStore,
  job: string,
  handler: (context: C) => Promise<void>,
): (context: C) => Promise<void> {
  return async (context) => {
    const claim = await claims.claim(`delivery:${job}:${context.id}`, DELIVERY_TTL_SECONDS);
    if (!claim) {
      context.log.info({ delivery: context.id }, "delivery already handled: skipped");
      return;
    }
    try {
      await handler(context);
    } catch (error) {
      await claims.release(claim);
      throw error;
    }
  };
}
