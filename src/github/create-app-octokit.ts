/**
 * The Octokit class the app runs with (`npm start`): Probot's own (retry and throttling plugins
 * on) with the limits a server facing GitHub needs.
 *
 * - Every request gives up after `timeoutMs` (GitHub itself stops a request after 10 s), the
 *   installation-token exchange included (it goes through the same hooks), and no answer larger
 *   than `maxResponseBytes` is read.
 * - Retries with backoff where they are safe: the retry plugin retries 5xx answers and timeouts
 *   ((n+1)² × 1 s, three times), never 4xx (Probot's list would retry a 409 three times). Rate
 *   limits are the throttling plugin's alone: secondary, after `retry-after`; primary, only when
 *   the reset is near (Probot's choice waits for the reset, up to an hour, three times, holding
 *   the review). A write retried after GitHub did it may be done twice: the living comment
 *   removes its duplicate; the review with the suggestions is never retried
 *   (reconcile-suggestions.ts).
 * - Probot's request logging writes each request's body at debug level (a comment, a posting
 *   being closed): only the method, the route and the status are kept.
 */
import { ProbotOctokit } from "probot";

export const REQUEST_TIMEOUT_MS = 10_000;
/** Far above any answer the app needs (100 postings of 10 KiB in one GraphQL answer is 1 MiB). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** The longest wait for a rate limit before giving up (the next event reviews again). */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
const RATE_LIMIT_RETRIES = 2;

export interface AppOctokitOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Base of the retry plugin's backoff, in ms (1000 in production; tests use 1). */
  retryBaseMs?: number;
  maxRateLimitWaitSeconds?: number;
  /** Merged over the throttling options (tests: `retryAfterBaseValue`, fast Bottleneck groups). */
  throttle?: Record<string, unknown>;
}

type Fetch = typeof globalThis.fetch;
interface Log {
  debug: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
}
interface ThrottledRequest {
  method: string;
  url: string;
}

const BOUNDED = Symbol("recrutement-bot.bounded-fetch");
const QUIET = Symbol("recrutement-bot.quiet-log");

export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
  constructor(
    readonly url: string,
    readonly limit: number,
  ) {
    super(`GitHub answer larger than ${limit} bytes: not read (${url.split("?")[0]})`);
  }
}

/** `fetch` with a deadline for the whole exchange (body included) and a cap on the answer's size. */
export function boundedFetch(inner: Fetch, timeoutMs: number, maxBytes: number): Fetch {
  if ((inner as Fetch & { [BOUNDED]?: true })[BOUNDED]) return inner;
  const bounded = async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]): Promise<Response> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await inner(input, { ...init, signal });
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!response.body) return response;
    if (Number(response.headers.get("content-length")) > maxBytes) {
      await response.body.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(url, maxBytes);
      }
      chunks.push(value);
    }
    const copy = new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
  };
  return Object.assign(bounded, { [BOUNDED]: true as const });
}

/**
 * Thrown from `fetch`, an error named AbortError reaches the caller as is: the retry plugin
 * does not retry it (reading the same answer again would not make it smaller).
 */
function tooLarge(url: string, limit: number): Error {
  const error = new ResponseTooLargeError(url, limit);
  error.name = "AbortError";
  return error;
}

/** The logger without the request bodies Probot's request logging adds at debug level. */
function withoutBodies<L extends Log | undefined>(log: L): L {
  if (!log || (log as Log & { [QUIET]?: true })[QUIET]) return log;
  const quiet = Object.create(log) as Log & { [QUIET]: true };
  quiet.debug = (...args: unknown[]) => {
    const [first, message] = args;
    if (typeof first === "object" && first !== null && typeof message === "string" && message.startsWith("GitHub request: "))
      log.debug(message);
    else log.debug(...args);
  };
  quiet[QUIET] = true;
  return quiet as unknown as L;
}

export function createAppOctokit(options: AppOctokitOptions = {}): typeof ProbotOctokit {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const maxWait = options.maxRateLimitWaitSeconds ?? MAX_RATE_LIMIT_WAIT_SECONDS;
  const onLimit = (kind: string) => (retryAfter: number, request: ThrottledRequest, octokit: { log: Log }, retryCount: number) => {
    const retry = retryCount < RATE_LIMIT_RETRIES && retryAfter <= maxWait;
    octokit.log.warn(
      { method: request.method, route: request.url, retryAfter, retryCount, retry },
      `GitHub ${kind} rate limit: ${retry ? "retrying" : "giving up"}`,
    );
    return retry;
  };
  return ProbotOctokit.defaults((instance: Record<string, unknown>) => {
    const request = (instance.request ?? {}) as { fetch?: Fetch };
    const fetch = boundedFetch(request.fetch ?? globalThis.fetch, timeoutMs, maxBytes);
    return {
      ...instance,
      log: withoutBodies(instance.log as Log | undefined),
      request: { ...request, fetch },
      retry: {
        ...(instance.retry as object),
        // The plugin's list plus 409 (a conflict, e.g. a file changed meanwhile, does not go away
        // by asking again) and 429 (a rate limit: the throttling plugin decides).
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        retries: 3,
        ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
      },
      throttle: {
        ...(instance.throttle as object),
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
        ...options.throttle,
      },
    };
  });
}
