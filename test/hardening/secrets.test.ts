/**
 * Secrets and privacy in the logs. Full runs, failures included, with every log line kept (at
 * debug level, the most talkative): the private key, the installation token, the webhook secret
 * and GITHUB_TOKEN appear in no log line and in nothing written to GitHub; the logs are pino
 * JSON lines; no log line holds a posting's text (a distinctive line of it is looked for).
 * Through the real server in the test process, through `npm start`'s entry point spawned as in
 * production (NODE_ENV=production, against the fake GitHub on loopback), and through the CLI.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import app from "../../src/app/create-app.js";
import {
  closingRepo,
  defaultState,
  fakeClosingGitHub,
  FakeGitHub,
  fakeGitHub,
  mockGitHub,
  startGitHubServer,
  type GitHubMock,
  type GitHubServer,
} from "../support/github/index.js";
import { testPrivateKey } from "../helpers/probot.js";
import { runCli } from "../cli/helpers.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { deliver, signBody } from "../../bench/lib/webhook-delivery.js";
import {
  freePort,
  injectFaults,
  INSTALLATION_TOKEN,
  mockToken,
  startAppServer,
  WEBHOOK_SECRET,
  type CapturedLogs,
  type RunningServer,
} from "./harness.js";
import { push } from "./payloads.js";
import { posting } from "../github/closing/fixtures.js";

const DISTINCTIVE_BODY = "Une phrase que seule cette offre contient : 7f3c-lamantin-bleu.";
const DISTINCTIVE_VALUE = "ornithorynque-9e1d";
const POSTING = [
  "---",
  `roles: Développeur·se ${DISTINCTIVE_VALUE}`,
  "startup: mon-entreprize",
  "contrat: independent",
  "open: oui",
  "---",
  "",
  DISTINCTIVE_BODY,
  "",
].join("\n");
const PATH = "content/_jobs/2026-03-01-offre.md";
const GITHUB_TOKEN = "ghp_cliTokenThatMustNeverShow0123456789abcd";

/** Lines of the private key long enough to be recognised (not the BEGIN/END markers). */
const keyLines = () =>
  testPrivateKey()
    .split("\n")
    .filter((l) => l.length > 40);

function expectNoSecret(text: string): void {
  expect(text).not.toContain(INSTALLATION_TOKEN);
  expect(text).not.toContain(WEBHOOK_SECRET);
  expect(text).not.toContain(GITHUB_TOKEN);
  for (const line of keyLines()) expect(text).not.toContain(line);
  expect(text).not.toMatch(/BEGIN (RSA )?PRIVATE KEY/);
}

function expectNoPostingText(text: string): void {
  expect(text).not.toContain(DISTINCTIVE_BODY);
  expect(text).not.toContain("7f3c-lamantin-bleu");
  expect(text).not.toContain(Buffer.from(POSTING).toString("base64").slice(0, 24));
}

function expectJsonLines(logs: CapturedLogs): void {
  const raw = logs
    .text()
    .split("\n")
    .filter((l) => l.trim());
  expect(raw.length).toBeGreaterThan(5);
  for (const line of raw) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(typeof parsed.level).toBe("number");
    expect(typeof parsed.time).toBe("number");
  }
}

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

describe("`npm start`'s entry point, spawned as in production", () => {
  let github: GitHubServer | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await github?.close();
  });

  it("NODE_ENV=production, LOG_LEVEL=debug: signed and forged deliveries, a GitHub that fails; stdout is JSON lines without secrets or posting text", async () => {
    // Fewer errors, no suggestions: production's pacing (1 s between writes and GraphQL
    // queries, 3 s between comments) keeps the test short.
    const clean = POSTING.replace("mon-entreprize", "mon-entreprise")
      .replace("independent", "indépendant")
      .replace("open: oui", "open: true");
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: clean }] });
    const fake = new FakeGitHub({ installationToken: INSTALLATION_TOKEN });
    fake.add(state.repository);
    const labels = `/repos/${state.owner}/${state.repo}/labels`;
    github = await startGitHubServer(fake, { latencyMs: 5, fault: (method, path) => (method === "POST" && path === labels ? 403 : null) });
    const port = await freePort();
    const out: string[] = [];
    const err: string[] = [];
    // As `npm start` runs it: the bundle (test/docs/dist.e2e.test.ts keeps it equal to the sources).
    child = spawn(process.execPath, ["dist/server.js"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        LOG_LEVEL: "debug",
        APP_ID: "123",
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
        GHE_HOST: github.origin.replace("http://", ""),
        GHE_PROTOCOL: "http",
        CLOSING_SCHEDULE: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => out.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => err.push(d.toString()));
    await vi.waitFor(() => expect(out.join("")).toContain("Listening on"), { timeout: 20_000, interval: 100 });

    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    const payload = pullRequestEvent(state, "opened");
    expect((await deliver(url, { name: "pull_request", id: "prod-1", payload }, WEBHOOK_SECRET)).status).toBe(200);
    expect((await deliver(url, { name: "pull_request", id: "prod-2", payload }, "development")).status).toBe(400);
    expect(
      (await deliver(url, { name: "pull_request", id: "prod-3", payload }, WEBHOOK_SECRET, { signature: signBody("{}", WEBHOOK_SECRET) }))
        .status,
    ).toBe(400);
    expect(state.checkRuns).toHaveLength(1);
    expect(github.requests.filter((r) => r.path.endsWith("/pulls/2/reviews"))).toEqual([]);
    expect(github.requests.filter((r) => r.method === "POST" && r.path === labels).map((r) => r.status)).toEqual([403]); // refused, not retried

    const stdout = out.join("");
    const lines = stdout.split("\n").filter((l) => l.trim());
    for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
    expect(lines.some((l) => l.includes("GitHub request: POST"))).toBe(true); // debug level really on
    expect(lines.some((l) => l.includes('"msg":"review step failed"'))).toBe(true);
    expectNoSecret(stdout + err.join(""));
    expectNoPostingText(stdout + err.join(""));
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
