/**
 * The recovery of missed deliveries, one pass at a time, against GitHub's delivery list (the
 * fake GitHub of test/support/github, every request checked against @octokit/openapi):
 * what counts as missed, paging back to the previous pass, one redelivery per event across
 * instances, one pass per period, the settings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import type { Probot } from "probot";
import { memoryClaimStore } from "../../src/app/claims.js";
import { missedDeliveries, nextCursor, recoverDeliveries, type HookDelivery } from "../../src/app/recover-deliveries.js";
import { createDeliveryRecovery, recoverySettings } from "../../src/app/delivery-recovery.js";
import { checkEnvironment } from "../../src/app/check-environment.js";
import { recordHandledEvents } from "../../src/app/handled-events.js";
import { registerReview } from "../../src/app/register-review.js";
import { registerClosing } from "../../src/app/register-closing.js";
import { mockGitHub, type GitHubMock, fakeHookDeliveries, type HookDeliveries } from "../support/github/index.js";
import { createTestProbot } from "../helpers/probot.js";

const T0 = Date.parse("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const handlesReview = (event: string, action: string | null) => event === "push" || (event === "pull_request" && action === "opened");
const silent = { info: () => {}, warn: () => {} };
/** The app's JWT client as far as these requests go (nock does not check the JWT); no request logging. */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const appOctokit = () => new Octokit({ log: quiet });
const pr = (action: string) => ({ name: "pull_request", payload: { action } });

function delivery(guid: string, minute: number, status_code: number, extra: Partial<HookDelivery> = {}): HookDelivery {
  return {
    id: T0 / 1000 + minute,
    guid,
    delivered_at: at(minute).toISOString(),
    redelivery: false,
    status: status_code === 200 ? "OK" : "failed to connect",
    status_code,
    event: "pull_request",
    action: "opened",
    ...extra,
  };
}

describe("what counts as missed (pure)", () => {
  it("an event none of whose deliveries got a 2xx, last tried since the previous pass, that a handler takes; oldest first", () => {
    const list = [
      delivery("ok", 1, 200),
      delivery("failed-then-redelivered", 2, 502),
      delivery("failed-then-redelivered", 3, 200, { redelivery: true }),
      delivery("failed-twice", 4, 502),
      delivery("failed-twice", 12, 500, { redelivery: true }),
      delivery("failed-before-since", 5, 502),
      delivery("closed-not-handled", 11, 502, { action: "closed" }),
      delivery("issues-not-handled", 11, 502, { event: "issues" }),
      delivery("push-failed", 13, 0, { event: "push", action: null }),
      delivery("timeout", 11, 504),
      delivery("redirect", 11, 301),
    ];
    const missed = missedDeliveries(list, at(10).getTime(), handlesReview);
    // failed-twice happened first (minute 4): it comes first, under its last attempt's id.
    expect(missed.map((d) => [d.guid, d.id - T0 / 1000])).toEqual([
      ["failed-twice", 12],
      ["timeout", 11],
      ["redirect", 11],
      ["push-failed", 13],
    ]);
  });
  it("reads the cursor of the next page from the link header", () => {
    expect(nextCursor('<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_42>; rel="next"')).toBe("v1_42");
    expect(nextCursor('<https://api.github.com/app/hook/deliveries?cursor=v1_1>; rel="prev"')).toBeNull();
    expect(nextCursor(undefined)).toBeNull();
  });
});

let gh: GitHubMock;
let hooks: HookDeliveries;
let clock: Date;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
  clock = at(0);
  hooks = fakeHookDeliveries(gh, { target: () => null, now: () => clock });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const listRequests = () => gh.requests.filter((r) => r.path.startsWith("/app/hook/deliveries?"));

describe("a pass against GitHub's list", () => {
  it("pages 100 at a time, newest first, back to the previous pass only; redelivers what failed", async () => {
    // 250 deliveries, one a minute: the 10 at minutes 200, 210… 290 failed.
    for (let m = 0; m < 250; m++) {
      clock = at(m);
      hooks.record({ guid: `g${m}`, ...(m >= 200 && m % 10 === 0 ? { status: "failed to connect", status_code: 502 } : {}) }, pr("opened"));
    }
    // Previous pass at minute 140: pages 1 (249…150) and 2 (149…50) are read, not page 3.
    const result = await recoverDeliveries(appOctokit(), {
      claims: memoryClaimStore(),
      handles: handlesReview,
      since: at(140).getTime(),
      log: silent,
    });
    expect(listRequests().map((r) => r.path)).toEqual([
      "/app/hook/deliveries?per_page=100",
      `/app/hook/deliveries?per_page=100&cursor=v1_${hooks.attempts[149]!.id}`,
    ]);
    expect(result).toMatchObject({ listed: 200, pages: 2, complete: true, refused: [] });
    expect(result.redelivered).toEqual(["g200", "g210", "g220", "g230", "g240"]);
    expect(hooks.redeliveryRequests).toEqual([200, 210, 220, 230, 240].map((m) => hooks.attempts[m]!.id));
    expect(gh.invalid).toEqual([]);
  });

  it("stops at the page limit and says the list was cut", async () => {
    for (let m = 0; m < 250; m++) hooks.record({ guid: `g${m}` }, pr("opened"));
    const result = await recoverDeliveries(appOctokit(), {
      claims: memoryClaimStore(),
      handles: handlesReview,
      since: 0,
      log: silent,
      maxPages: 2,
    });
    expect(result).toMatchObject({ listed: 200, pages: 2, complete: false });
  });

  it("two instances passing at once, claims shared: each missed event redelivered once", async () => {
    for (const g of ["a", "b", "c"]) hooks.record({ guid: g, status: "failed to connect", status_code: 502 }, pr("opened"));
    const claims = memoryClaimStore();
    const [x, y] = await Promise.all(
      [0, 1].map(() => recoverDeliveries(appOctokit(), { claims, handles: handlesReview, since: 0, log: silent })),
    );
    expect([...x!.redelivered, ...y!.redelivered].sort()).toEqual(["a", "b", "c"]);
    expect(hooks.redeliveryRequests).toHaveLength(3);
    // A later pass does not redeliver them again (the redeliveries failed too: nobody listens).
    await hooks.settled();
    const again = await recoverDeliveries(appOctokit(), { claims, handles: handlesReview, since: 0, log: silent });
    expect(again.redelivered).toEqual([]);
    expect(hooks.redeliveryRequests).toHaveLength(3);
  });

  it("a redelivery GitHub refuses gives its claim back: the next pass asks again", async () => {
    // A 422 ahead of the stand-in's answer, once.
    nock.cleanAll();
    gh = mockGitHub();
    gh.scope
      .post(/\/attempts$/)
      .reply(422, { message: "Validation Failed", errors: [], documentation_url: "https://docs.github.com/rest" });
    hooks = fakeHookDeliveries(gh, { target: () => null, now: () => clock });
    hooks.record({ guid: "refused-once", status: "failed to connect", status_code: 502 }, pr("opened"));
    const claims = memoryClaimStore();
    const logs: string[] = [];
    const log = { info: () => {}, warn: (_o: object, msg: string) => void logs.push(msg) };
    const first = await recoverDeliveries(appOctokit(), { claims, handles: handlesReview, since: 0, log });
    expect(first).toMatchObject({ redelivered: [], refused: ["refused-once"] });
    expect(logs).toEqual(["redelivery refused by GitHub: tried again at the next pass"]);
    const second = await recoverDeliveries(appOctokit(), { claims, handles: handlesReview, since: 0, log });
    expect(second).toMatchObject({ redelivered: ["refused-once"], refused: [] });
  });
});

describe("the events the app handles: those its jobs register", () => {
  it("review and closing register pull_request actions, check_run.rerequested and push", async () => {
    let recorded!: ReturnType<typeof recordHandledEvents>;
    let probot!: Probot;
    createTestProbot((app: Probot) => {
      probot = app;
      recorded = recordHandledEvents(app);
      registerReview(recorded.app, { claims: memoryClaimStore() });
      registerClosing(recorded.app, { claims: memoryClaimStore(), env: { CLOSING_SCHEDULE: "off" } });
    });
    await vi.waitFor(() => expect(recorded).toBeDefined());
    expect(recorded.handles("pull_request", "opened")).toBe(true);
    expect(recorded.handles("pull_request", "synchronize")).toBe(true);
    expect(recorded.handles("pull_request", "closed")).toBe(false);
    expect(recorded.handles("check_run", "rerequested")).toBe(true);
    expect(recorded.handles("check_run", "completed")).toBe(false);
    expect(recorded.handles("push", null)).toBe(true);
    expect(recorded.handles("issues", "opened")).toBe(false);
    // The view is Probot itself for everything else (getters and methods on its private state).
    expect(recorded.app.log).toBe(probot.log);
    expect(recorded.app.webhooks).toBe(probot.webhooks);
  });
});

describe("one pass per period across instances", () => {
  it("two instances at the same moment: one reads GitHub's list; a pass that fails gives its period back", async () => {
    for (const g of ["a", "b"]) hooks.record({ guid: g, status: "failed to connect", status_code: 502 }, pr("opened"));
    const claims = memoryClaimStore();
    const now = () => at(3).getTime();
    const recoveries = [0, 1].map(() => {
      let made!: ReturnType<typeof createDeliveryRecovery>;
      createTestProbot(
        (app: Probot) => void (made = createDeliveryRecovery(app, { claims, handles: handlesReview, intervalMs: 5 * 60_000, now })),
      );
      return () => made;
    });
    await vi.waitFor(() => expect(recoveries.every((r) => r() !== undefined)).toBe(true));
    const results = await Promise.all(recoveries.map((r) => r().run()));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(results.find((r) => r !== null)!.redelivered).toEqual(["a", "b"]);
    expect(listRequests()).toHaveLength(1);

    // Next period: GitHub's list fails (500): the pass gives its period back, the other instance makes it.
    const later = () => at(6).getTime();
    nock.cleanAll();
    gh = mockGitHub();
    gh.scope.get(/^\/app\/hook\/deliveries/).reply(500, { message: "Server Error" });
    gh.scope.get(/^\/app\/hook\/deliveries/).reply(200, []);
    const [p, q] = [0, 1].map(() => {
      let made!: ReturnType<typeof createDeliveryRecovery>;
      createTestProbot(
        (app: Probot) => void (made = createDeliveryRecovery(app, { claims, handles: handlesReview, intervalMs: 5 * 60_000, now: later })),
      );
      return () => made;
    });
    await vi.waitFor(() => expect(p!() !== undefined && q!() !== undefined).toBe(true));
    expect(await p!().run()).toBeNull();
    expect(await q!().run()).toMatchObject({ listed: 0, redelivered: [] });
    expect(gh.requests.map((r) => r.path)).toEqual(["/app/hook/deliveries?per_page=100", "/app/hook/deliveries?per_page=100"]);
  });
});

describe("settings (environment)", () => {
  it("on by default, every 5 minutes; off; minutes from 1 to 1440; anything else refused at start", () => {
    expect(recoverySettings({})).toEqual({ enabled: true, intervalMs: 300_000, problems: [] });
    expect(recoverySettings({ DELIVERY_RECOVERY: "off" })).toMatchObject({ enabled: false, problems: [] });
    expect(recoverySettings({ DELIVERY_RECOVERY: "on", DELIVERY_RECOVERY_MINUTES: "2" })).toEqual({
      enabled: true,
      intervalMs: 120_000,
      problems: [],
    });
    for (const [variable, value] of [
      ["DELIVERY_RECOVERY", "non"],
      ["DELIVERY_RECOVERY", "false"],
      ["DELIVERY_RECOVERY_MINUTES", "0"],
      ["DELIVERY_RECOVERY_MINUTES", "5m"],
      ["DELIVERY_RECOVERY_MINUTES", "2000"],
    ] as const) {
      const problems = checkEnvironment({ [variable]: value });
      expect(
        problems.map((p) => p.variable),
        value,
      ).toEqual([variable]);
    }
    expect(checkEnvironment({ DELIVERY_RECOVERY: "non" })[0]!.message).toBe(
      "DELIVERY_RECOVERY vaut «\u202Fnon\u202F»\u202F: on ou off attendu.",
    );
    // A value refused at start still leaves the app running the recovery (fails safe: on, 5 minutes).
    expect(recoverySettings({ DELIVERY_RECOVERY: "non", DELIVERY_RECOVERY_MINUTES: "0" })).toMatchObject({
      enabled: true,
      intervalMs: 300_000,
    });
  });
});
