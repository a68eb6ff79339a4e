/**
 * Nothing missed while the app is down. Three posting pull requests are opened while nobody
 * listens: GitHub's three deliveries fail ("failed to connect"). Then the app starts (Probot's
 * real server on loopback, src/app/create-app.ts with its recovery): its start-up pass lists the app's
 * deliveries, asks GitHub to redeliver the three, and each pull request is reviewed once. Then
 * the same with two instances sharing Redis behind a round-robin balancer: one pass, three
 * redeliveries, each pull request reviewed once.
 *
 * The start-up pass comes DEFAULT_RECOVERY_START_DELAY_MS (10 s) after start in production; the
 * test shortens it (and the period) through createApp's options, not real minutes.
 */
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import { Redis } from "ioredis";
import { createApp } from "../../src/app/create-app.js";
import { memoryClaimStore, redisClaimStore, type ClaimStore } from "../../src/app/claims.js";
import { DEFAULT_RECOVERY_START_DELAY_MS, type DeliveryRecovery } from "../../src/app/delivery-recovery.js";
import {
  mockGitHub,
  type GitHubMock,
  assertRequestMatchesOpenApi,
  defaultState,
  fakeGitHub,
  type FakeState,
  fakeHookDeliveries,
  type HookDeliveries,
} from "../support/github/index.js";
import { redisServerPath, startRedis, type RedisServer } from "../helpers/redis.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { mockToken, startAppServer, WEBHOOK_SECRET, type RunningServer } from "./harness.js";

const WITH_ERRORS = readFileSync(new URL("../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const PATH = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";
const TWO_MINUTES = 120_000;

let gh: GitHubMock;
let hooks: HookDeliveries;
let targets: string[];
/** Added to the instances' clock: one period (an hour) moves them to the next period. */
let shift = 0;
const PERIOD_MS = 3_600_000;
const running: { server: RunningServer; recovery: DeliveryRecovery }[] = [];

beforeAll(() => {
  // The first check against GitHub's REST description loads it (13 MB): not inside the app's 600 ms timeout.
  assertRequestMatchesOpenApi("GET", "/app/hook/deliveries?per_page=100", undefined);
});
beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  gh = mockGitHub();
  mockToken(gh.scope);
  targets = [];
  shift = 0;
  let turn = 0;
  // GitHub posts to the app's public address: a balancer that takes turns; nobody while it is down.
  hooks = fakeHookDeliveries(gh, {
    target: () => (targets.length === 0 ? null : targets[turn++ % targets.length]!),
    secret: WEBHOOK_SECRET,
  });
});
afterEach(async () => {
  for (const r of running.splice(0)) {
    r.recovery.stop();
    await r.server.stop();
  }
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Three repositories, each with a pull request adding a posting with errors. */
function threePullRequests(): FakeState[] {
  return [1, 2, 3].map((n) => {
    const state = defaultState({
      owner: "betagouv",
      repo: `offres-${n}`,
      number: 10 + n,
      files: [{ filename: PATH, status: "added", content: WITH_ERRORS }],
    });
    fakeGitHub(gh, state);
    return state;
  });
}

/** An instance as `npm start` runs it (src/app/create-app.ts), its claims given, its recovery fast. */
async function startInstance(claims: ClaimStore): Promise<{ server: RunningServer; recovery: DeliveryRecovery }> {
  let recovery!: DeliveryRecovery;
  const server = await startAppServer(
    createApp({
      env: { CLOSING_SCHEDULE: "off", REDIS_URL: "" },
      claims,
      // The start-up pass after 300 ms (10 s in production); the next one an hour later.
      recovery: { startDelayMs: 300, intervalMs: PERIOD_MS, now: () => Date.now() + shift },
      onRecovery: (r) => (recovery = r),
    }),
  );
  const instance = { server, recovery };
  running.push(instance);
  return instance;
}

async function openWhileDown(states: FakeState[]): Promise<void> {
  for (const state of states) {
    const d = await hooks.send({ name: "pull_request", payload: pullRequestEvent(state, "opened") });
    expect(d).toMatchObject({ status: "failed to connect", status_code: 502, redelivery: false, event: "pull_request", action: "opened" });
  }
}

/** Waits until GitHub's stand-in has redelivered `n` events and the app has answered each. */
async function redelivered(n: number, deadlineMs: number): Promise<number> {
  const started = Date.now();
  while (hooks.redeliveryRequests.length < n) {
    if (Date.now() - started > deadlineMs) throw new Error(`${hooks.redeliveryRequests.length} redeliveries after ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await hooks.settled();
  return Date.now() - started;
}

function expectReviewedOnce(states: FakeState[]): void {
  for (const state of states) {
    expect(
      state.checkRuns.map((c) => c.head_sha),
      state.repo,
    ).toEqual([state.headSha]);
    expect(state.checkRuns[0]!.conclusion).toBe("failure");
    expect(state.comments, state.repo).toHaveLength(1);
    expect(state.reviewComments, state.repo).toHaveLength(3);
  }
}

const listPasses = () => gh.requests.filter((r) => r.method === "GET" && r.path.startsWith("/app/hook/deliveries")).length;

describe("the app was down while three pull requests were opened", () => {
  it("production's start-up pass comes well within two minutes of start", () => {
    expect(DEFAULT_RECOVERY_START_DELAY_MS).toBeLessThanOrEqual(TWO_MINUTES / 4);
  });

  it("one instance started: its start-up pass redelivers the three, each reviewed once", async () => {
    const states = threePullRequests();
    await openWhileDown(states);
    expect(states.every((s) => s.checkRuns.length === 0)).toBe(true);

    const { server, recovery } = await startInstance(memoryClaimStore());
    targets.push(server.url);
    const took = await redelivered(3, 10_000);
    expect(took).toBeLessThan(TWO_MINUTES);
    expectReviewedOnce(states);
    expect(listPasses()).toBe(1);
    // GitHub's list now shows each event delivered: the original failure, then the redelivery (200).
    for (const guid of new Set(hooks.attempts.map((a) => a.guid))) {
      expect(hooks.attempts.filter((a) => a.guid === guid).map((a) => [a.redelivery, a.status_code])).toEqual([
        [false, 502],
        [true, 200],
      ]);
    }

    // A later pass (the next period) finds nothing missed: nothing redelivered, nothing reviewed again.
    shift = PERIOD_MS;
    const next = await recovery.run();
    expect(next).toMatchObject({ redelivered: [], refused: [] });
    expect(hooks.redeliveryRequests).toHaveLength(3);
    expectReviewedOnce(states);
    expect(server.logs.lines.filter((l) => l.msg === "missed delivery redelivered")).toHaveLength(3);
    expect(server.logs.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(gh.invalid).toEqual([]);
  });

  describe.skipIf(!redisServerPath)("two instances sharing Redis (needs redis-server; skipped without it)", () => {
    let redis: RedisServer;
    const clients: Redis[] = [];
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      for (const c of clients) c.disconnect();
      await redis.stop();
    });

    it("both start at once: one start-up pass, three redeliveries spread over both, each pull request reviewed once", async () => {
      const states = threePullRequests();
      await openWhileDown(states);

      const stores = [0, 1].map(() => {
        const client = new Redis(redis.url);
        clients.push(client);
        return redisClaimStore(client);
      });
      const [a, b] = await Promise.all(stores.map((s) => startInstance(s)));
      targets.push(a!.server.url, b!.server.url);
      const took = await redelivered(3, 10_000);
      expect(took).toBeLessThan(TWO_MINUTES);
      // Give a second pass, had one been started, the time to show itself.
      await new Promise((r) => setTimeout(r, 500));
      expect(listPasses()).toBe(1);
      expect(hooks.redeliveryRequests).toHaveLength(3);
      expectReviewedOnce(states);
      // The balancer sent redeliveries to both instances.
      const reviewedBy = [a!, b!].map((i) => i.server.logs.lines.filter((l) => l.msg === "pull request reviewed").length);
      expect(reviewedBy.reduce((x, y) => x + y)).toBe(3);
      expect(reviewedBy.every((n) => n > 0)).toBe(true);

      // Both pass again in the next period: one of them lists, nothing is redelivered twice.
      shift = PERIOD_MS;
      const results = await Promise.all([a!, b!].map((i) => i.recovery.run()));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(hooks.redeliveryRequests).toHaveLength(3);
      expectReviewedOnce(states);
      expect(gh.invalid).toEqual([]);
    });
  });
});
