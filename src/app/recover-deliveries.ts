/**
 * One pass of the recovery of missed deliveries, as GitHub's docs recommend ("Handling failed
 * webhook deliveries": GitHub never redelivers a failed delivery by itself). With the app's JWT:
 *
 * 1. `GET /app/hook/deliveries`, newest first, 100 a page, following the `cursor` of the `link`
 *    header, back to `since` (the previous pass, or GitHub's three days at the first one);
 * 2. an event (a `guid`, shared by its delivery and every redelivery) was missed when none of
 *    its deliveries got a 2xx answer;
 * 3. `POST /app/hook/deliveries/{delivery_id}/attempts` for each missed event a handler takes,
 *    oldest first (a pull request's events arrive in the order they happened).
 *
 * Each event is redelivered once across instances: a claim `redeliver:<guid>` held for GitHub's
 * three days, given back when GitHub refuses the redelivery (the next pass tries again).
 */
import type { Octokit } from "@octokit/rest";
import { statusOf } from "../github/octokit.js";
import type { ClaimStore } from "./claims.js";

/** GitHub keeps an app's webhook deliveries three days. */
export const DELIVERY_RETENTION_MS = 3 * 24 * 3600 * 1000;
/** GitHub's largest page (`per_page`). */
export const DELIVERIES_PER_PAGE = 100;
/** At most this many pages a pass (10,000 deliveries): far more than three days of this app's events. */
export const MAX_DELIVERY_PAGES = 100;
const REDELIVER_CLAIM_SECONDS = DELIVERY_RETENTION_MS / 1000;

/** The fields of GitHub's `hook-delivery-item` the recovery reads. */
export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
}

interface Log {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

export interface RecoverOptions {
  claims: ClaimStore;
  /** Whether the app handles this event (handled-events.ts). */
  handles: (event: string, action: string | null) => boolean;
  /** Deliveries older than this (ms since epoch) were seen by an earlier pass. */
  since: number;
  log: Log;
  maxPages?: number;
}

export interface RecoverResult {
  /** Deliveries read. */
  listed: number;
  pages: number;
  /** Whether the list was read back to `since` (false: stopped at `maxPages`). */
  complete: boolean;
  /** Guids of the events redelivered by this pass. */
  redelivered: string[];
  /** Guids whose redelivery GitHub refused (tried again by the next pass). */
  refused: string[];
}

export const succeeded = (d: HookDelivery): boolean => d.status_code >= 200 && d.status_code < 300;

/**
 * The missed events to redeliver, oldest first: one delivery for each guid none of whose
 * deliveries succeeded, whose last attempt is not older than `since`, for an event the app handles.
 */
export function missedDeliveries(deliveries: readonly HookDelivery[], since: number, handles: RecoverOptions["handles"]): HookDelivery[] {
  const byGuid = new Map<string, HookDelivery[]>();
  for (const d of deliveries) byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
  const missed: { first: number; last: HookDelivery }[] = [];
  for (const attempts of byGuid.values()) {
    if (attempts.some(succeeded)) continue;
    const times = attempts.map((d) => Date.parse(d.delivered_at));
    const last = attempts[times.indexOf(Math.max(...times))]!;
    if (Date.parse(last.delivered_at) < since || !handles(last.event, last.action)) continue;
    missed.push({ first: Math.min(...times), last });
  }
  return missed.sort((a, b) => a.first - b.first || a.last.id - b.last.id).map((m) => m.last);
}

/** The `cursor` of the `rel="next"` link, if any. */
export function nextCursor(link: string | undefined): string | null {
  for (const part of (link ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return new URL(m[1]!).searchParams.get("cursor");
  }
  return null;
}

/** Reads the deliveries newest first, back to `since`. */
async function listSince(
  octokit: Pick<Octokit, "request">,
  since: number,
  maxPages: number,
): Promise<{ deliveries: HookDelivery[]; pages: number; complete: boolean }> {
  const deliveries: HookDelivery[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= maxPages; pages++) {
    const response = await octokit.request("GET /app/hook/deliveries", { per_page: DELIVERIES_PER_PAGE, ...(cursor ? { cursor } : {}) });
    const page = response.data as HookDelivery[];
    deliveries.push(...page);
    cursor = nextCursor(response.headers.link);
    const reachedSince = page.some((d) => Date.parse(d.delivered_at) < since);
    if (!cursor || reachedSince || page.length === 0) return { deliveries, pages, complete: true };
  }
  return { deliveries, pages: maxPages, complete: false };
}

export async function recoverDeliveries(octokit: Pick<Octokit, "request">, options: RecoverOptions): Promise<RecoverResult> {
  const { deliveries, pages, complete } = await listSince(octokit, options.since, options.maxPages ?? MAX_DELIVERY_PAGES);
  if (!complete) options.log.warn({ pages, listed: deliveries.length }, "delivery recovery: list cut at the page limit");
  const redelivered: string[] = [];
  const refused: string[] = [];
  for (const d of missedDeliveries(deliveries, options.since, options.handles)) {
    const claim = await options.claims.claim(`redeliver:${d.guid}`, REDELIVER_CLAIM_SECONDS);
    if (!claim) continue;
    try {
      await octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: d.id });
      redelivered.push(d.guid);
      options.log.info({ delivery: d.guid, event: d.event, action: d.action, failedWith: d.status_code }, "missed delivery redelivered");
    } catch (error) {
      await options.claims.release(claim);
      refused.push(d.guid);
      options.log.warn(
        { delivery: d.guid, event: d.event, status: statusOf(error) },
        "redelivery refused by GitHub: tried again at the next pass",
      );
    }
  }
  return { listed: deliveries.length, pages, complete, redelivered, refused };
}
