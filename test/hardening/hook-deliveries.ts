/**
 * GitHub's side of an app's webhook: it sends each event to the app's URL over HTTP (signed, as
 * bench/lib/webhook-delivery.ts does), records every attempt the way `GET /app/hook/deliveries`
 * lists them (newest first, `per_page` at most 100, a `cursor` in the `link` header), and
 * redelivers one on `POST /app/hook/deliveries/{delivery_id}/attempts` (202, then the same
 * event under the same guid, `redelivery: true`). Nobody listening: "failed to connect", 502,
 * as the example of @octokit/openapi shows.
 */
import { randomUUID } from "node:crypto";
import type { GitHubMock } from "../helpers/github-mock.js";
import { deliver } from "../../bench/lib/webhook-delivery.js";
import type { HookDelivery } from "../../src/app/recover-deliveries.js";
import { WEBHOOK_SECRET } from "./harness.js";

export interface SentEvent {
  name: string;
  payload: Record<string, unknown>;
}

export interface HookDeliveries {
  /** Every attempt, oldest first (GitHub lists them newest first). */
  attempts: (HookDelivery & { installation_id: number | null; repository_id: number | null; duration: number; throttled_at: null })[];
  /** GitHub sends `event` to the app: an HTTP delivery to `target()` (null: nobody listens), recorded. */
  send(event: SentEvent, guid?: string): Promise<HookDelivery>;
  /** Records an attempt without sending it (lists built by hand). */
  record(delivery: Partial<HookDelivery> & Pick<HookDelivery, "guid">, event?: SentEvent): HookDelivery;
  /** Redeliveries asked for (`POST …/attempts`), in order: the delivery ids. */
  redeliveryRequests: number[];
  /** Resolves once every redelivery asked for so far has been sent and answered. */
  settled(): Promise<void>;
}

let nextDeliveryId = 9_000_000_000;

export function fakeHookDeliveries(gh: GitHubMock, options: { target: () => string | null; now?: () => Date }): HookDeliveries {
  const now = options.now ?? (() => new Date());
  const attempts: HookDeliveries["attempts"] = [];
  const events = new Map<string, SentEvent>();
  const redeliveryRequests: number[] = [];
  const pending: Promise<unknown>[] = [];

  const record: HookDeliveries["record"] = (d, event) => {
    if (event) events.set(d.guid, event);
    const sent = event ?? events.get(d.guid);
    const item = {
      id: nextDeliveryId++,
      delivered_at: now().toISOString().replace(/\.\d{3}Z$/, "Z"),
      redelivery: false,
      duration: 0.01,
      status: "OK",
      status_code: 200,
      event: sent?.name ?? "pull_request",
      action: typeof sent?.payload.action === "string" ? sent.payload.action : null,
      installation_id: 1,
      repository_id: 1296269,
      throttled_at: null,
      ...d,
    };
    attempts.push(item);
    return item;
  };

  async function send(event: SentEvent, guid: string = randomUUID(), redelivery = false): Promise<HookDelivery> {
    events.set(guid, event);
    const url = options.target();
    const answer = url ? await deliver(url, { name: event.name, id: guid, payload: event.payload }, WEBHOOK_SECRET) : { status: 0, text: "", ms: 0 };
    const outcome =
      answer.status === 0
        ? { status: "failed to connect", status_code: 502 }
        : answer.status >= 200 && answer.status < 300
          ? { status: "OK", status_code: answer.status }
          : { status: `Invalid HTTP Response: ${answer.status}`, status_code: answer.status };
    return record({ guid, redelivery, ...outcome });
  }

  gh.scope
    .get((uri) => uri.split("?")[0] === "/app/hook/deliveries")
    .query(true)
    .optionally()
    .times(10_000)
    .reply((uri) => {
      const query = new URLSearchParams(uri.split("?")[1]);
      const perPage = Number(query.get("per_page") ?? 30);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
        return [422, { message: "Validation Failed", errors: [{ resource: "Hook", code: "custom", field: "per_page", message: "per_page must be between 1 and 100" }], documentation_url: "https://docs.github.com/rest/apps/webhooks#list-deliveries-for-an-app-webhook" }];
      }
      // The cursor names the first delivery of the page: deliveries listed newest first from it.
      const cursor = query.get("cursor");
      const newestFirst = [...attempts].reverse().filter((d) => cursor === null || d.id <= Number(cursor.replace(/^v1_/, "")));
      const page = newestFirst.slice(0, perPage);
      const next = newestFirst[perPage];
      const headers: Record<string, string> = {};
      if (next) headers.link = `<https://api.github.com/app/hook/deliveries?per_page=${perPage}&cursor=v1_${next.id}>; rel="next"`;
      return [200, page, headers];
    });

  gh.scope
    .post(/^\/app\/hook\/deliveries\/\d+\/attempts$/)
    .optionally()
    .times(10_000)
    .reply((uri) => {
      const id = Number(uri.split("/")[4]);
      redeliveryRequests.push(id);
      const original = attempts.find((d) => d.id === id);
      const event = original && events.get(original.guid);
      if (!original || !event) return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/webhooks#redeliver-a-delivery-for-an-app-webhook" }];
      // GitHub answers at once and delivers afterwards.
      pending.push(new Promise((resolve) => setTimeout(resolve, 5)).then(() => send(event, original.guid, true)));
      return [202, {}];
    });

  return {
    attempts,
    send: (event, guid) => send(event, guid),
    record,
    redeliveryRequests,
    async settled() {
      for (let seen = 0; seen < pending.length; seen = pending.length) await Promise.all(pending);
    },
  };
}
