/**
 * What an error becomes in the logs: its type, message (cut), status and code, and the first
 * frames of its stack; never the objects errors carry around. Octokit's errors hold the request
 * (a posting being closed, in base64, in a PUT body) and the answer (a GraphQL error keeps the
 * data that came with it: every posting's text); a refused webhook delivery's error holds the
 * whole unauthenticated payload, which anyone could make as large as they like.
 *
 * Installed on the app's logger (pino's `err` serializer, public through `pino.symbols`), so
 * that Probot's own error logging (a handler that threw, a bad signature) goes through it too.
 */
import { inspect } from "node:util";
import pino, { type Logger } from "pino";

const MAX_MESSAGE = 500;
const MAX_FRAMES = 8;

export function safeError(value: unknown, depth = 0): Record<string, unknown> {
  if (typeof value !== "object" || value === null) return { message: String(value).slice(0, MAX_MESSAGE) };
  const e = value as {
    name?: unknown;
    message?: unknown;
    status?: unknown;
    code?: unknown;
    stack?: unknown;
    errors?: unknown;
    constructor?: { name?: string };
  };
  const out: Record<string, unknown> = {
    type: typeof e.name === "string" ? e.name : (e.constructor?.name ?? "Object"),
    message: (typeof e.message === "string" ? e.message : e.message === undefined ? "" : inspect(e.message, { depth: 1 })).slice(
      0,
      MAX_MESSAGE,
    ),
  };
  if (typeof e.status === "number") out.status = e.status;
  if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
  if (typeof e.stack === "string") {
    out.stack = e.stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, MAX_FRAMES)
      .join("\n");
  }
  // AggregateError (Probot wraps handler errors in one) and GraphQL's list of errors.
  if (Array.isArray(e.errors) && depth < 2) out.errors = e.errors.slice(0, 5).map((x) => safeError(x, depth + 1));
  return out;
}

/** Makes `log` and the loggers made from it from now on serialise errors with `safeError`. */
export function protectErrorLogs(log: Logger): void {
  const current = (Reflect.get(log, pino.symbols.serializersSym) ?? {}) as Record<string, unknown>;
  (log as unknown as Record<symbol, unknown>)[pino.symbols.serializersSym] = Object.assign(Object.create(null) as object, current, {
    err: safeError,
  });
}
