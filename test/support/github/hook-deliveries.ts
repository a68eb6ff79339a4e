/**
 * GitHub's side of an app's webhook: it sends each event to the app's URL over HTTP (signed, as
 * bench/lib/webhook-delivery.ts does), records every attempt the way `GET /app/hook/deliveries`
 * lists them (newest first, `per_page` at most 100, a `cursor` in the `link` header), and
 * redelivers one on `POST /app/hook/deliveries/{delivery_id}/attempts` (202, then the same event
 * under the same guid, `redelivery: true`). Nobody listening: "failed to connect", 502, as the
 * example of @octokit/openapi shows.
 */
import { randomUUID } from "node:crypto";
import { deliver } from "../../../bench/lib/webhook-delivery.js";
import type { HookDelivery } from "../../../src/app/recover-deliveries.js";
import type { Reply } from "./limits.js";

export interface SentEvent {
  name: string;
  payload: Record<string, unknown>;
}

export type DeliveryAttempt = HookDelivery & {
  installation_id: number | null;
  repository_id: number | null;
  duration: number;
  throttled_at: null;
};

export interface HookDeliveryOptions {
  /** Where GitHub sends events (null: nobody listens). */
  target: () => string | null;
  /** The webhook secret deliveries are signed with (needed once someone listens). */
  secret?: string;
  now?: () => Date;
}

let nextDeliveryId = 9_000_000_000;

export class HookDeliveries {
  /** Every attempt, oldest first (GitHub lists them newest first). */
  readonly attempts: DeliveryAttempt[] = [];
  /** Redeliveries asked for (`POST …/attempts`), in order: the delivery ids. */
  readonly redeliveryRequests: number[] = [];
  private readonly events = new Map<string, SentEvent>();
  private readonly pending: Promise<unknown>[] = [];

  constructor(private readonly options: HookDeliveryOptions) {}

  /** Records an attempt without sending it (lists built by hand). */
  record(d: Partial<HookDelivery> & Pick<HookDelivery, "guid">, event?: SentEvent): HookDelivery {
    if (event) this.events.set(d.guid, event);
    const sent = event ?? this.events.get(d.guid);
    const item: DeliveryAttempt = {
      id: nextDeliveryId++,
      delivered_at: (this.options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
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
    this.attempts.push(item);
    return item;
  }

  /** GitHub sends `event` to the app: an HTTP delivery to the target (null: nobody listens), recorded. */
  async send(event: SentEvent, guid: string = randomUUID(), redelivery = false): Promise<HookDelivery> {
    this.events.set(guid, event);
    const url = this.options.target();
    if (url && this.options.secret === undefined) throw new Error("fakeHookDeliveries: a target needs the webhook secret");
    const answer = url
      ? await deliver(url, { name: event.name, id: guid, payload: event.payload }, this.options.secret!)
      : { status: 0, text: "", ms: 0 };
    const outcome =
      answer.status === 0
        ? { status: "failed to connect", status_code: 502 }
        : answer.status >= 200 && answer.status < 300
          ? { status: "OK", status_code: answer.status }
          : { status: `Invalid HTTP Response: ${answer.status}`, status_code: answer.status };
    return this.record({ guid, redelivery, ...outcome });
  }

  /** Resolves once every redelivery asked for so far has been sent and answered. */
  async settled(): Promise<void> {
    for (let seen = 0; seen < this.pending.length; seen = this.pending.length) await Promise.all(this.pending);
  }

  /** `GET /app/hook/deliveries`. */
  list(query: URLSearchParams): Reply {
    const perPage = Number(query.get("per_page") ?? 30);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return [
        422,
        {
          message: "Validation Failed",
          errors: [{ resource: "Hook", code: "custom", field: "per_page", message: "per_page must be between 1 and 100" }],
          documentation_url: "https://docs.github.com/rest/apps/webhooks#list-deliveries-for-an-app-webhook",
        },
      ];
    }
    // The cursor names the first delivery of the page: deliveries listed newest first from it.
    const cursor = query.get("cursor");
    const newestFirst = [...this.attempts].reverse().filter((d) => cursor === null || d.id <= Number(cursor.replace(/^v1_/, "")));
    const next = newestFirst[perPage];
    const headers: Record<string, string> = {};
    if (next) headers.link = `<https://api.github.com/app/hook/deliveries?per_page=${perPage}&cursor=v1_${next.id}>; rel="next"`;
    return [200, newestFirst.slice(0, perPage), headers];
  }

  /** `POST /app/hook/deliveries/{delivery_id}/attempts`: accepted at once, delivered afterwards. */
  redeliver(id: number): Reply {
    this.redeliveryRequests.push(id);
    const original = this.attempts.find((d) => d.id === id);
    const event = original && this.events.get(original.guid);
    if (!original || !event)
      return [
        404,
        { message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/webhooks#redeliver-a-delivery-for-an-app-webhook" },
      ];
    this.pending.push(new Promise((resolve) => setTimeout(resolve, 5)).then(() => this.send(event, original.guid, true)));
    return [202, {}];
  }
}
