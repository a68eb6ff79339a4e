/**
 * Many things at once. One app receiving 20 deliveries for the same pull request together; and
 * two app instances (two Probot instances, as two processes would be) running the daily
 * closing job at the same minute against one GitHub, with their claims shared through Redis
 * (REDIS_URL) or not shared at all. Whatever the interleaving: one comment, each suggestion
 * once, one closing pull request per posting.
 *
 * The Redis tests need Debian's `redis-server` (installed by .ci/run); without it they are
 * skipped, and say so.
 */
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import { Redis } from "ioredis";
import type { Probot } from "probot";
import { registerReview } from "../../src/app/register-review.js";
import { registerClosing } from "../../src/app/register-closing.js";
import { createClosingSchedule } from "../../src/app/closing-schedule.js";
import { memoryClaimStore, redisClaimStore, type ClaimStore } from "../../src/app/claims.js";
import {
  mockGitHub,
  type GitHubMock,
  defaultState,
  fakeGitHub,
  closingRepo,
  fakeClosingGitHub,
  type ClosingRepo,
} from "../support/github/index.js";
import { redisServerPath, startRedis, type RedisServer } from "../helpers/redis.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { posting } from "../github/closing/fixtures.js";
import { appUnderTest, mockToken } from "./harness.js";
import { push } from "./payloads.js";

const WITH_ERRORS = readFileSync(new URL("../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const PATH = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";
/** 07:30 in Paris: the default closing hour (7) has come. */
const NOW = new Date("2021-07-08T05:30:00Z");

let gh: GitHubMock;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
  mockToken(gh.scope);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("one app, 20 deliveries for the same pull request at once", () => {
  it("20 different deliveries: reviewed one after the other, one comment, each suggestion once, one label", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    fakeGitHub(gh, state);
    // Throttling off: only the review's own ordering is tested here.
    const { probot, logs } = appUnderTest((app: Probot) => registerReview(app), { octokit: { throttle: { enabled: false } } });
    const events = ["opened", "synchronize", "reopened", "ready_for_review"] as const;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        probot.receive({ id: `burst-${i}`, name: "pull_request", payload: pullRequestEvent(state, events[i % 4]!) as never }),
      ),
    );
    expect(state.comments).toHaveLength(1);
    expect(state.reviewComments).toHaveLength(3);
    expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
    expect(state.repositoryLabels.map((l) => l.name)).toEqual(["contrat: indépendant"]);
    // The same head commit each time: the first check run already says it all (no second one for nothing new).
    expect(state.checkRuns).toHaveLength(1);
    expect(gh.calls().filter((c) => c.endsWith("/issues/2/comments"))).toHaveLength(1);
    expect(logs.lines.filter((l) => l.level === 50)).toEqual([]);
    gh.done();
  });

  it("the same delivery 20 times at once: one review", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    fakeGitHub(gh, state);
    const { probot } = appUnderTest((app: Probot) => registerReview(app), { octokit: { throttle: { enabled: false } } });
    const payload = pullRequestEvent(state, "opened");
    await Promise.all(Array.from({ length: 20 }, () => probot.receive({ id: "same", name: "pull_request", payload: payload as never })));
    expect(state.checkRuns).toHaveLength(1);
    expect(state.comments).toHaveLength(1);
  });
});

/** Three postings due, one not. */
function dueRepository(): ClosingRepo {
  return closingRepo({
    "content/_jobs/2021-06-01-a.md": posting({ roles: "Poste A" }),
    "content/_jobs/2021-06-02-b.md": posting({ roles: "Poste B", contract: "CDD" }),
    "content/_jobs/2021-06-03-c.md": posting({ roles: "Poste C" }),
    "content/_jobs/2021-06-04-pas-encore.md": posting({ roles: "Poste D", closing: "2099-01-01" }),
  });
}

/** Two app instances as `src/app/create-app.ts` wires them (claims for the review and the closing job), the schedule driven by hand. */
function twoInstances(claims: [ClaimStore, ClaimStore]) {
  return claims.map((c) => {
    const { probot, logs } = appUnderTest((app: Probot) => {
      registerReview(app, { claims: c });
      registerClosing(app, { claims: c, env: { CLOSING_SCHEDULE: "off" }, now: () => NOW });
    });
    return { probot, logs, schedule: createClosingSchedule(probot, { claims: c, now: () => NOW }) };
  });
}

function expectOnePullRequestPerDuePosting(repo: ClosingRepo): void {
  const open = repo.pulls.filter((p) => p.state === "open");
  const heads = open.map((p) => p.head).sort();
  expect(heads).toHaveLength(3);
  expect(new Set(heads).size).toBe(3);
  expect(heads.every((h) => h.startsWith("recrutement-bot/fermeture/"))).toBe(true);
  for (const p of open) {
    const files = repo.branches.get(p.head)!;
    const changed = Object.entries(files).filter(([path, text]) => repo.files[path] !== text);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toMatch(/^open: false/m);
  }
}

const scans = () =>
  gh.requests.filter((r) => r.path === "/graphql" && String((r.body as { query: string }).query).startsWith("query ClosingScan")).length;

describe("two app instances run the daily closing job at the same minute", () => {
  it("claims not shared (each instance its own memory): both run, GitHub's 422s make it one pull request per posting", async () => {
    const repo = dueRepository();
    fakeClosingGitHub(gh, repo);
    const [a, b] = twoInstances([memoryClaimStore(), memoryClaimStore()]);
    await Promise.all([a!.schedule.tick(), b!.schedule.tick()]);
    expect(scans()).toBe(2);
    expectOnePullRequestPerDuePosting(repo);
    // A second pass the same day does nothing more.
    await Promise.all([a!.schedule.tick(), b!.schedule.tick()]);
    expect(scans()).toBe(2);
    expect(gh.invalid).toEqual([]);
  });

  describe.skipIf(!redisServerPath)("claims shared through Redis (needs redis-server; skipped without it)", () => {
    let redis: RedisServer;
    const clients: Redis[] = [];
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      for (const c of clients) c.disconnect();
      await redis.stop();
    });
    const shared = (): [ClaimStore, ClaimStore] => {
      const [x, y] = [new Redis(redis.url), new Redis(redis.url)];
      clients.push(x, y);
      return [redisClaimStore(x), redisClaimStore(y)];
    };

    it("one instance runs the repository; one pull request per posting", async () => {
      const repo = dueRepository();
      fakeClosingGitHub(gh, repo);
      const [a, b] = twoInstances(shared());
      await Promise.all([a!.schedule.tick(), b!.schedule.tick()]);
      expect(scans()).toBe(1);
      expectOnePullRequestPerDuePosting(repo);
    });

    it("the same push delivery reaching both instances: one closing run", async () => {
      const repo = dueRepository();
      fakeClosingGitHub(gh, repo);
      const [a, b] = twoInstances(shared());
      const payload = push(repo, ["content/_jobs/2021-06-01-a.md"]);
      await Promise.all([
        a!.probot.receive({ id: "push-1", name: "push", payload: payload as never }),
        b!.probot.receive({ id: "push-1", name: "push", payload: payload as never }),
      ]);
      expect(scans()).toBe(1);
      expectOnePullRequestPerDuePosting(repo);
    });

    it("20 review deliveries spread over both instances: reviewed one at a time across them (a claim in Redis): one comment, each suggestion once", async () => {
      const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
      fakeGitHub(gh, state);
      const [a, b] = twoInstances(shared());
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? a! : b!).probot.receive({
            id: `spread-${i}`,
            name: "pull_request",
            payload: pullRequestEvent(state, "synchronize") as never,
          }),
        ),
      );
      expect(state.comments).toHaveLength(1);
      expect(state.reviewComments).toHaveLength(3);
      expect(gh.calls().filter((c) => c.endsWith("/issues/2/comments"))).toHaveLength(1);
      expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
    });
  });
});

describe("the review lock (withClaim)", () => {
  it("a second holder waits for the first to give the claim back; a claim never given back is waited for at most waitMs", async () => {
    const { withClaim } = await import("../../src/app/with-claim.js");
    const store = memoryClaimStore();
    const order: string[] = [];
    let release!: () => void;
    const first = withClaim(
      store,
      "lock",
      { ttlSeconds: 60, waitMs: 5_000, pollMs: 10 },
      () => new Promise<void>((r) => (order.push("first starts"), (release = r))),
    );
    const second = withClaim(store, "lock", { ttlSeconds: 60, waitMs: 5_000, pollMs: 10 }, async () => void order.push("second runs"));
    await new Promise((r) => setTimeout(r, 100));
    expect(order).toEqual(["first starts"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "second runs"]);

    await store.claim("dead-holder", 60);
    let timedOut = false;
    const started = Date.now();
    await withClaim(
      store,
      "dead-holder",
      { ttlSeconds: 60, waitMs: 150, pollMs: 10, onTimeout: () => (timedOut = true) },
      async () => void order.push("ran anyway"),
    );
    expect(timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(order.at(-1)).toBe("ran anyway");
  });
});
