/**
 * A real Probot instance for tests: real webhook dispatch, real Octokit, GitHub replaced by
 * nock (test/support/github). Retries and throttling are off unless a test turns them on.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit, type ApplicationFunction } from "probot";
import type nock from "nock";
import { captureLogs } from "../support/logs.js";

let cachedKey: string | undefined;
/** A throwaway RSA key (Probot signs its app JWT with it; nock never checks it). */
export function testPrivateKey(): string {
  cachedKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return cachedKey;
}

export interface TestProbot {
  probot: Probot;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
}

export function createTestProbot(app: ApplicationFunction, options: { baseUrl?: string; retry?: boolean } = {}): TestProbot {
  const { log, logs } = captureLogs("debug");
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: "test-secret",
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    log,
    // The function form: Probot merges its own throttle/retry settings over a plain object.
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
      ...o,
      retry: { ...(o.retry as object), enabled: options.retry ?? false },
      throttle: { ...(o.throttle as object), enabled: false },
    })),
  });
  void probot.load(app);
  return { probot, logs: logs.lines };
}

/** Replies to the installation-token exchange every authenticated handler begins with. */
export function mockInstallationToken(scope: nock.Scope, installationId = 1): void {
  scope
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" });
}
