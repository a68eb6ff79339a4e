/**
 * The hardening tests' tools: the app as production runs it (Probot with the app's Octokit:
 * timeouts, bounded answers, retry and throttling on, only with tiny delays), its logs kept
 * line by line, GitHub faults injected ahead of the review's fake GitHub, and a real Probot
 * `Server` on loopback for signed deliveries.
 */
import Bottleneck from "bottleneck";
import nock from "nock";
import pino from "pino";
import { Probot, Server, type ApplicationFunction } from "probot";
import { createAppOctokit, type AppOctokitOptions } from "../../src/github/create-app-octokit.js";
import { testPrivateKey } from "../helpers/probot.js";
import type { GitHubMock } from "../support/github/index.js";
import { captureLogs, type CapturedLogs } from "../support/logs.js";
import { freePort } from "../helpers/free-port.js";

export { freePort, captureLogs, type CapturedLogs };

export const WEBHOOK_SECRET = "hardening-webhook-secret-4f1c9a7e2b";
export const INSTALLATION_TOKEN = "ghs_hardeningToken4f1c9a7e2b0123456789AB";

/** The production Octokit with the waits shrunk: backoff in ms instead of s, a short timeout. */
export function fastAppOctokit(options: AppOctokitOptions = {}) {
  const group = (maxConcurrent: number) => new Bottleneck.Group({ maxConcurrent, minTime: 0 });
  return createAppOctokit({
    retryBaseMs: 1,
    timeoutMs: 600,
    ...options,
    throttle: {
      retryAfterBaseValue: 1,
      global: group(10),
      auth: group(1),
      write: group(1),
      notifications: group(1),
      search: group(1),
      ...options.throttle,
    },
  });
}

export interface AppUnderTest {
  probot: Probot;
  logs: CapturedLogs;
}

/** A Probot running `app` with the production Octokit (fast waits). */
export function appUnderTest(
  app: ApplicationFunction,
  options: { baseUrl?: string; octokit?: AppOctokitOptions; level?: pino.Level } = {},
): AppUnderTest {
  const { log, logs } = captureLogs(options.level);
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: WEBHOOK_SECRET,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    log,
    Octokit: fastAppOctokit(options.octokit),
  });
  void probot.load(app);
  return { probot, logs };
}

/** The installation-token exchange, for any number of Probot instances. */
export function mockToken(scope: nock.Scope, installationId = 1): void {
  scope
    .post(`/app/installations/${installationId}/access_tokens`)
    .optionally()
    .times(100)
    .reply(201, { token: INSTALLATION_TOKEN, expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" });
}

export interface Fault {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Matched against the path (query string included). */
  path: RegExp;
  /** How many requests it catches (1 unless told). */
  times?: number;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answers after this delay (beyond the client's timeout: a timeout). */
  delayMs?: number;
  /** Done before answering: what GitHub did although its answer is lost. */
  effect?: (body: unknown) => void;
}

/** Registers faults on the mock's scope; call before the fake GitHub so that they come first. */
export function injectFaults(gh: GitHubMock, faults: readonly Fault[]): void {
  for (const f of faults) {
    const match = (uri: string) => f.path.test(uri);
    const interceptor =
      f.method === "GET"
        ? gh.scope.get(match)
        : f.method === "POST"
          ? gh.scope.post(match)
          : f.method === "PATCH"
            ? gh.scope.patch(match)
            : f.method === "PUT"
              ? gh.scope.put(match)
              : gh.scope.delete(match);
    const delayed = f.delayMs ? interceptor.times(f.times ?? 1).delay(f.delayMs) : interceptor.times(f.times ?? 1);
    delayed.reply((_uri, body) => {
      f.effect?.(typeof body === "string" && body ? JSON.parse(body) : body);
      return [f.status, (f.body ?? { message: `Injected ${f.status}` }) as nock.Body, f.headers ?? {}];
    });
  }
}

export interface RunningServer {
  /** The webhook endpoint. */
  url: string;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

/** Probot's HTTP server (as `npm start` runs it) on a loopback port, `app` loaded. */
export async function startAppServer(
  app: ApplicationFunction,
  options: {
    baseUrl?: string;
    secret?: string;
    octokit?: AppOctokitOptions;
    level?: pino.Level;
    Octokit?: ReturnType<typeof createAppOctokit>;
  } = {},
): Promise<RunningServer> {
  const { log, logs } = captureLogs(options.level ?? "info");
  const port = await freePort();
  const server = new Server({
    host: "127.0.0.1",
    port,
    log,
    Probot: Probot.defaults({
      appId: 123,
      privateKey: testPrivateKey(),
      secret: options.secret ?? WEBHOOK_SECRET,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      log,
      Octokit: options.Octokit ?? fastAppOctokit(options.octokit),
    }),
  });
  await server.load(app);
  await server.start();
  return { url: `http://127.0.0.1:${port}/api/github/webhooks`, logs, stop: () => server.stop() };
}

/** GitHub's documented limits on what the review writes; returns what exceeds them. */
export function overGitHubLimits(gh: GitHubMock): string[] {
  const problems: string[] = [];
  for (const r of gh.requests) {
    const body = (r.body ?? {}) as Record<string, unknown>;
    const where = `${r.method} ${r.path}`;
    if (/\/comments$/.test(r.path) || /\/issues\/comments\/\d+$/.test(r.path)) {
      if (String(body.body ?? "").length > 65_536) problems.push(`${where}: comment over 65,536 characters`);
    }
    if (/\/check-runs(\/\d+)?$/.test(r.path)) {
      const output = (body.output ?? {}) as {
        title?: string;
        summary?: string;
        annotations?: { message: string; title?: string; path: string }[];
      };
      if ((output.summary ?? "").length > 65_535) problems.push(`${where}: summary over 65,535 characters`);
      if ((output.annotations ?? []).length > 50) problems.push(`${where}: more than 50 annotations`);
      for (const a of output.annotations ?? []) if (a.message.length > 65_535) problems.push(`${where}: annotation message too long`);
    }
    if (/\/pulls\/\d+\/reviews$/.test(r.path)) {
      const comments = (body.comments ?? []) as { body: string }[];
      if (String(body.body ?? "").length > 65_536 || comments.some((c) => c.body.length > 65_536))
        problems.push(`${where}: review comment too long`);
    }
    if (r.method === "POST" && /\/labels$/.test(r.path) && typeof body.name === "string" && body.name.length > 50)
      problems.push(`${where}: label name over 50 characters`);
  }
  return problems;
}
