/**
 * Secrets and privacy in the logs. Full runs, failures included, with every log line kept (at
 * debug level, the most talkative): the private key, the installation token, the webhook secret
 * and GITHUB_TOKEN appear in no log line and in nothing written to GitHub; the logs are pino
 * JSON lines; no log line holds a posting's text (a distinctive line of it is looked for).
 * Through the real server in the test process and through the CLI; `npm start`'s entry point
 * spawned as in production: secrets-production.e2e.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import app from "../../src/app/create-app.js";
import { closingRepo, defaultState, fakeClosingGitHub, fakeGitHub, mockGitHub, type GitHubMock } from "../support/github/index.js";
import { runCli } from "../cli/helpers.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import {
  DISTINCTIVE_BODY,
  DISTINCTIVE_VALUE,
  expectJsonLines,
  expectNoPostingText,
  expectNoSecret,
  GITHUB_TOKEN,
  PATH,
  POSTING,
} from "./secrets-checks.js";
import { deliver } from "../../bench/lib/webhook-delivery.js";
import { injectFaults, mockToken, startAppServer, WEBHOOK_SECRET, type RunningServer } from "./harness.js";
import { push } from "./payloads.js";
import { posting } from "../github/closing/fixtures.js";

describe("the app in the test process, at debug level, through its HTTP server", () => {
  let server: RunningServer;
  let gh: GitHubMock;

  beforeAll(async () => {
    vi.stubEnv("CLOSING_SCHEDULE", "off");
    vi.stubEnv("DELIVERY_RECOVERY", "off");
    vi.stubEnv("REDIS_URL", "");
    server = await startAppServer((probot: Probot) => app(probot), { level: "debug" });
  });
  afterAll(async () => {
    await server.stop();
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reviews that succeed and fail, forged deliveries, closing runs that fail: no secret, no posting text, JSON lines", async () => {
    let id = 0;
    const review = async (faults: Parameters<typeof injectFaults>[1] = []) => {
      nock.cleanAll();
      const state = defaultState({ files: [{ filename: PATH, status: "added", content: POSTING }] });
      gh = mockGitHub();
      mockToken(gh.scope);
      injectFaults(gh, faults);
      fakeGitHub(gh, state);
      const answer = await deliver(
        server.url,
        { name: "pull_request", id: `secret-${++id}`, payload: pullRequestEvent(state, "opened") },
        WEBHOOK_SECRET,
      );
      expect(answer.status).toBe(200);
      return state;
    };
    // A review that works, then reviews where GitHub fails in every way the review meets.
    const ok = await review();
    expect(ok.comments[0]!.body).toContain("mon-entreprize"); // values are quoted to the author, on GitHub only
    const written = JSON.stringify(gh.requests.map((r) => r.body));
    expectNoSecret(written);
    await review([{ method: "POST", path: /^\/graphql$/, status: 500, times: 4 }]);
    await review([
      {
        method: "POST",
        path: /\/check-runs$/,
        status: 422,
        body: { message: "Validation Failed", errors: [{ resource: "CheckRun", code: "invalid" }] },
      },
      { method: "POST", path: /\/issues\/2\/comments$/, status: 403, body: { message: "Resource not accessible by integration" } },
      { method: "POST", path: /\/pulls\/2\/reviews$/, status: 502 },
      { method: "POST", path: /\/labels$/, status: 500, times: 4 },
    ]);

    // Forged and malformed deliveries.
    const forged = { name: "pull_request", id: "forged", payload: { action: "opened", secret_probe: DISTINCTIVE_BODY } };
    expect((await deliver(server.url, forged, "wrong-secret-000000000000")).status).toBe(400);
    expect((await deliver(server.url, forged, WEBHOOK_SECRET, { signature: null })).status).toBe(400);

    // Closing runs on push: a write that fails, then a scan answered with errors next to the postings' text.
    nock.cleanAll();
    const closingText = posting({ roles: "A" }).replace("Texte de l'offre.", DISTINCTIVE_BODY);
    const repo = closingRepo({ "content/_jobs/2021-06-01-a.md": closingText });
    gh = mockGitHub();
    mockToken(gh.scope);
    injectFaults(gh, [{ method: "PUT", path: /\/contents\//, status: 500, times: 4 }]);
    fakeClosingGitHub(gh, repo);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2021-07-08T05:30:00Z") });
    try {
      expect(
        (await deliver(server.url, { name: "push", id: "push-1", payload: push(repo, ["content/_jobs/2021-06-01-a.md"]) }, WEBHOOK_SECRET))
          .status,
      ).toBe(200);
      nock.cleanAll();
      gh = mockGitHub();
      mockToken(gh.scope);
      gh.scope.get(/\/contents\//).reply(404, { message: "Not Found" });
      gh.scope.post("/graphql").reply(200, {
        data: {
          repository: {
            defaultBranchRef: {
              name: "main",
              target: {
                oid: "1".repeat(40),
                tree: { oid: "2".repeat(40) },
                file: {
                  type: "tree",
                  object: {
                    entries: [
                      {
                        name: "a.md",
                        type: "blob",
                        mode: 33188,
                        oid: "3".repeat(40),
                        object: { text: POSTING, byteSize: 10, isBinary: false, isTruncated: false },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
        errors: [{ type: "INTERNAL", message: "Something else went wrong" }],
      });
      expect(
        (await deliver(server.url, { name: "push", id: "push-2", payload: push(repo, ["content/_jobs/2021-06-01-a.md"]) }, WEBHOOK_SECRET))
          .status,
      ).toBe(500);
    } finally {
      vi.useRealTimers();
    }

    const logs = server.logs.text();
    expect(server.logs.lines.some((l) => l.msg === "review failed while reading: neutral check run")).toBe(true);
    expect(server.logs.lines.some((l) => l.msg === "review step failed")).toBe(true);
    expect(server.logs.lines.some((l) => String(l.msg).startsWith("closing: create → failed"))).toBe(true);
    expectNoSecret(logs);
    expectNoPostingText(logs);
    expect(logs).not.toContain(DISTINCTIVE_VALUE);
    // The PUT that failed carried the closed posting in base64 (its start is the original's).
    expect(logs).not.toContain(Buffer.from(closingText).toString("base64").slice(0, 40));
    expectJsonLines(server.logs);
  });
});

describe("the CLI against GitHub with GITHUB_TOKEN", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("GitHub refusing or failing: the message says why, never the token, even at debug level", async () => {
    const scope = nock("https://api.github.com");
    scope.get("/repos/betagouv/offres").reply(401, { message: "Bad credentials" });
    const refused = await runCli(["close", "--repo", "betagouv/offres"], { env: { GITHUB_TOKEN, LOG_LEVEL: "debug" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Bad credentials");
    scope.get("/repos/betagouv/offres").reply(200, { default_branch: "main" });
    scope.get(/\/contents\//).reply(404, { message: "Not Found" });
    scope.post("/graphql").reply(502, "<html>Bad gateway</html>");
    const failed = await runCli(["close", "--repo", "betagouv/offres"], { env: { GITHUB_TOKEN, LOG_LEVEL: "debug" } });
    expect(failed.code).not.toBe(0);
    for (const r of [refused, failed]) expectNoSecret(r.stdout + r.stderr);
  });
});
