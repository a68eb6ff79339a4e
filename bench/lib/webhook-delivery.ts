/**
 * Deliveries as GitHub sends them: a JSON body signed with the webhook secret
 * (`x-hub-signature-256: sha256=<HMAC-SHA256 of the raw body>`), posted over HTTP.
 */
import { createHmac } from "node:crypto";

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export interface Delivery {
  name: string;
  id: string;
  payload: unknown;
}

export interface DeliveryAnswer {
  status: number;
  text: string;
  ms: number;
}

/**
 * Posts one delivery. `signature`: the header to send instead of the right one (null: none).
 * `timeoutMs`: GitHub gives up after 10 s.
 */
export async function deliver(
  url: string,
  d: Delivery,
  secret: string,
  options: { signature?: string | null; timeoutMs?: number } = {},
): Promise<DeliveryAnswer> {
  const body = JSON.stringify(d.payload);
  const signature = options.signature === undefined ? signBody(body, secret) : options.signature;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/bench",
    "x-github-event": d.name,
    "x-github-delivery": d.id,
  };
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  const started = performance.now();
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, text: String((error as Error).message), ms: performance.now() - started };
  }
}
