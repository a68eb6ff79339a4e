/**
 * The Octokit the app runs with (src/app/create-app-octokit.ts), on its own: deadlines,
 * bounded answers, what is retried and what is not, rate limits, and request bodies kept out of
 * the logs. GitHub is nock; Probot hands out installation clients as in production.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import { Probot } from "probot";
import { testPrivateKey } from "../helpers/probot.js";
import { captureLogs, fastAppOctokit, INSTALLATION_TOKEN, mockToken } from "./harness.js";
import type { AppOctokitOptions } from "../../src/github/create-app-octokit.js";

const API = "https://api.github.com";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function client(options: AppOctokitOptions = {}) {
  const { log, logs } = captureLogs("debug");
  const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), secret: "s", log, Octokit: fastAppOctokit(options) });
  const octokit = await probot.auth(1);
  return { octokit, logs };
}

async function failure(p: Promise<unknown>): Promise<{ status?: number; name: string; message: string }> {
  try {
    await p;
  } catch (error) {
    return error as { status?: number; name: string; message: string };
  }
  throw new Error("expected a failure");
}

describe("deadlines and bounded answers", () => {
  it("a GitHub that does not answer: the request gives up at the deadline, is retried with backoff, then fails", async () => {
    const scope = nock(API);
    mockToken(scope);
    let received = 0;
    scope
      .get("/repos/o/r/pulls/1/files")
      .times(4)
      .delay(2_000)
      .reply(() => {
        received++;
        return [200, []];
      });
    const { octokit } = await client({ timeoutMs: 150 });
    const started = Date.now();
    const error = await failure(
      octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner: "o", repo: "r", pull_number: 1 }),
    );
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/timeout/i);
    expect(received).toBe(4); // the first try and three retries
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("the installation-token exchange has the same deadline", async () => {
    nock(API)
      .post("/app/installations/1/access_tokens")
      .delay(2_000)
      .reply(201, { token: INSTALLATION_TOKEN, expires_at: "2999-01-01T00:00:00Z" });
    const { log } = captureLogs();
    const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), secret: "s", log, Octokit: fastAppOctokit({ timeoutMs: 150 }) });
    const octokit = await probot.auth(1);
    const started = Date.now();
    nock(API).get("/repos/o/r").optionally().reply(200, {});
    await failure(octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
    expect(Date.now() - started).toBeLessThan(1_800);
  });

  it("an answer larger than the cap is not read (and not asked again)", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope.post("/graphql").reply(200, { data: { repository: { p0: { text: "x".repeat(200_000) } } } });
    const { octokit } = await client({ maxResponseBytes: 100_000 });
    const error = await failure(octokit.graphql("query { viewer { login } }"));
    // Asked once: a second try would find no interceptor and fail otherwise.
    expect(error.message).toMatch(/larger than 100000 bytes/);
  });

  it("the cap holds when GitHub sends no content-length (chunked answer)", async () => {
    const scope = nock(API);
    mockToken(scope);
    const { Readable } = await import("node:stream");
    scope.get("/repos/o/r/pulls/1/files").reply(
      200,
      () =>
        Readable.from(
          (function* () {
            for (let i = 0; i < 50; i++) yield Buffer.alloc(10_000, 0x20);
          })(),
        ),
      { "content-type": "application/json" },
    );
    const { octokit } = await client({ maxResponseBytes: 100_000 });
    const error = await failure(
      octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner: "o", repo: "r", pull_number: 1 }),
    );
    expect(error.message).toMatch(/larger than 100000 bytes/);
  });
});

describe("retries", () => {
  it("500, 502 and 503 are retried with backoff; the third retry's answer is used", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope
      .get("/repos/o/r")
      .reply(500, {})
      .get("/repos/o/r")
      .reply(502, {})
      .get("/repos/o/r")
      .reply(503, {})
      .get("/repos/o/r")
      .reply(200, { full_name: "o/r" });
    const { octokit } = await client();
    expect((await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })).data).toEqual({ full_name: "o/r" });
    expect(scope.isDone()).toBe(true);
  });

  it("4xx answers are not retried (404, 409, 422)", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope.get("/repos/o/r/contents/x").reply(404, { message: "Not Found" });
    scope.put("/repos/o/r/contents/x").reply(409, { message: "is at abc but expected def" });
    scope.post("/repos/o/r/git/refs").reply(422, { message: "Reference already exists" });
    const { octokit } = await client();
    expect((await failure(octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "o", repo: "r", path: "x" }))).status).toBe(
      404,
    );
    expect(
      (
        await failure(
          octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", { owner: "o", repo: "r", path: "x", message: "m", content: "" }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await failure(
          octokit.request("POST /repos/{owner}/{repo}/git/refs", { owner: "o", repo: "r", ref: "refs/heads/b", sha: "1".repeat(40) }),
        )
      ).status,
    ).toBe(422);
    expect(scope.isDone()).toBe(true);
  });

  it("a request marked `retries: 0` is tried once", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope.post("/repos/o/r/pulls/1/reviews").reply(502, {});
    const { octokit } = await client();
    const error = await failure(
      octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner: "o",
        repo: "r",
        pull_number: 1,
        event: "COMMENT",
        request: { retries: 0 },
      }),
    );
    expect(error.status).toBe(502);
  });
});

describe("rate limits", () => {
  const resetIn = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);

  it("secondary rate limit (403 with retry-after): waits and retries, at most twice", async () => {
    const scope = nock(API);
    mockToken(scope);
    const secondary = { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." };
    scope.post("/repos/o/r/issues/1/comments").times(2).reply(403, secondary, { "retry-after": "3" });
    scope.post("/repos/o/r/issues/1/comments").reply(201, { id: 7 });
    const { octokit, logs } = await client();
    expect(
      (
        await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          owner: "o",
          repo: "r",
          issue_number: 1,
          body: "b",
        })
      ).data,
    ).toEqual({ id: 7 });
    expect(logs.lines.filter((l) => l.msg === "GitHub secondary rate limit: retrying")).toHaveLength(2);

    scope.post("/repos/o/r/issues/1/comments").times(3).reply(403, secondary, { "retry-after": "3" });
    expect(
      (
        await failure(
          octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
            owner: "o",
            repo: "r",
            issue_number: 1,
            body: "b",
          }),
        )
      ).status,
    ).toBe(403);
    expect(scope.isDone()).toBe(true);
  });

  it("primary rate limit exhausted (403 or 429, x-ratelimit-remaining: 0): retried after the reset when it is near", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope
      .get("/repos/o/r")
      .reply(429, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) });
    scope
      .get("/repos/o/r")
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(2) });
    scope.get("/repos/o/r").reply(200, { ok: true });
    const { octokit } = await client();
    expect((await octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })).data).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });

  it("primary rate limit with a reset an hour away: gives up at once (no hour-long wait, no retry storm)", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope
      .get("/repos/o/r")
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(3600) });
    const { octokit, logs } = await client({ throttle: { retryAfterBaseValue: 1000 } });
    const started = Date.now();
    expect((await failure(octokit.request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }))).status).toBe(403);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(logs.lines.some((l) => l.msg === "GitHub primary rate limit: giving up")).toBe(true);
    expect(scope.isDone()).toBe(true);
  });
});

describe("logs", () => {
  it("request bodies (comments, postings being closed) never reach the logs, even at debug level", async () => {
    const scope = nock(API);
    mockToken(scope);
    scope.put("/repos/o/r/contents/content%2F_jobs%2Fa.md").reply(201, {});
    scope.post("/repos/o/r/git/trees").reply(500, {}).post("/repos/o/r/git/trees").reply(201, { sha: "t" });
    const { octokit, logs } = await client();
    const text = "---\nroles: Une ligne distinctive de l'offre 7c1e\n---\n";
    await octokit.request("PUT /repos/{owner}/{repo}/contents/{path}", {
      owner: "o",
      repo: "r",
      path: "content/_jobs/a.md",
      message: "m",
      content: Buffer.from(text).toString("base64"),
    });
    await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      owner: "o",
      repo: "r",
      tree: [{ path: "a.md", mode: "100644", type: "blob", content: text }],
    });
    const all = logs.text();
    expect(all).toContain("GitHub request: PUT https://api.github.com/repos/o/r/contents/content%2F_jobs%2Fa.md - 201");
    expect(all).not.toContain("distinctive");
    expect(all).not.toContain(Buffer.from(text).toString("base64").slice(0, 20));
    expect(all).not.toContain(INSTALLATION_TOKEN);
  });
});

describe("the CLI's and the Action's GitHub client", () => {
  it("with GITHUB_TOKEN or the app's credentials, the same cap on answers", async () => {
    const { githubFromEnv } = await import("../../src/github/github-from-env.js");
    const { MAX_RESPONSE_BYTES } = await import("../../src/github/create-app-octokit.js");
    const { log } = captureLogs();
    const huge = { data: { repository: { text: "x".repeat(MAX_RESPONSE_BYTES + 1024) } } };
    const scope = nock(API);
    scope.post("/graphql").reply(200, huge);
    const withToken = await githubFromEnv({ GITHUB_TOKEN: "ghp_x" }, { owner: "o", repo: "r" }, log);
    expect((await failure(withToken.graphql("query { viewer { login } }"))).message).toMatch(/larger than/);

    scope.get("/repos/o/r/installation").reply(200, { id: 1 });
    mockToken(scope);
    scope.post("/graphql").reply(200, huge);
    const asApp = await githubFromEnv({ APP_ID: "1", PRIVATE_KEY: testPrivateKey() }, { owner: "o", repo: "r" }, log);
    expect((await failure(asApp.graphql("query { viewer { login } }"))).message).toMatch(/larger than/);
  });
});
