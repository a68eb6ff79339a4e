/**
 * GitHub failing under the review, through the real app with the production Octokit (retry and
 * throttling on, waits shrunk): 5xx answers, timeouts, secondary and primary rate limits,
 * writes GitHub did although its answer was lost, races on labels and comments. For each fault
 * the pull request ends as it would without it (the same latest check run, one comment, the
 * same suggestions once, the same labels); where a fault cannot be undone at once (a write
 * that must not be retried, a rate limit an hour long), the next delivery completes it, with
 * nothing twice.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { registerReview } from "../../src/app/register-review.js";
import { mockGitHub, type GitHubMock, defaultState, fakeGitHub, newId, now, type FakeState } from "../support/github/index.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { appUnderTest, injectFaults, mockToken, type AppUnderTest, type Fault } from "./harness.js";

const WITH_ERRORS = readFileSync(new URL("../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const PATH = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";

/** The production Octokit; `quick` without the throttling plugin, for faults that are not rate limits. */
let app: AppUnderTest;
let quick: AppUnderTest;
let gh: GitHubMock;
let n = 0;

beforeAll(() => {
  app = appUnderTest((probot: Probot) => registerReview(probot), { level: "info" });
  quick = appUnderTest((probot: Probot) => registerReview(probot), { level: "info", octokit: { throttle: { enabled: false } } });
});
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function freshState(): FakeState {
  return defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
}

/** What people see on the pull request. */
function visible(state: FakeState) {
  const latest = state.checkRuns.at(-1);
  return {
    checkRun: latest && { conclusion: latest.conclusion, title: latest.title, summary: latest.summary, annotations: latest.annotations },
    comments: state.comments.map((c) => c.body),
    suggestions: state.reviewComments.map((c) => `${c.path}:${c.line}:${c.body}`).sort(),
    labels: [...state.pullRequestLabels].sort(),
    repositoryLabels: state.repositoryLabels.map((l) => l.name).sort(),
  };
}

async function run(state: FakeState, faults: (s: FakeState) => Fault[] = () => [], on = quick): Promise<{ ms: number }> {
  nock.cleanAll();
  gh = mockGitHub();
  mockToken(gh.scope);
  injectFaults(gh, faults(state));
  fakeGitHub(gh, state);
  const started = performance.now();
  await on.probot.receive({ id: `fault-${++n}`, name: "pull_request", payload: pullRequestEvent(state, "opened") as never });
  expect(on.logs.lines.filter((l) => l.msg === "review crashed")).toEqual([]);
  return { ms: performance.now() - started };
}

let baseline: ReturnType<typeof visible>;

const secondary = { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." };
const resetIn = (seconds: number) => String(Math.floor(Date.now() / 1000) + seconds);
const comment = (s: FakeState) => (body: unknown) =>
  s.comments.push({ id: newId(), body: String((body as { body: string }).body), created_at: now(), bot: true });

/** [name, faults]: each ends in the baseline state after one delivery. */
const RECOVERED: [string, (s: FakeState) => Fault[]][] = [
  ["500 on the file list", () => [{ method: "GET", path: /\/pulls\/2\/files/, status: 500 }]],
  ["502 twice on the file list", () => [{ method: "GET", path: /\/pulls\/2\/files/, status: 502, times: 2 }]],
  ["503 on the GraphQL read", () => [{ method: "POST", path: /^\/graphql$/, status: 503 }]],
  [
    "GraphQL's own 'Something went wrong' (200 with errors)",
    () => [
      {
        method: "POST",
        path: /^\/graphql$/,
        status: 200,
        body: {
          data: null,
          errors: [{ message: "Something went wrong while executing your query. Please include `ABCD` when reporting this issue." }],
        },
      },
    ],
  ],
  ["a timeout on the file list", () => [{ method: "GET", path: /\/pulls\/2\/files/, status: 200, body: [], delayMs: 1_500 }]],
  ["a timeout on the GraphQL read", () => [{ method: "POST", path: /^\/graphql$/, status: 200, body: { data: null }, delayMs: 1_500 }]],
  ["502 on the check run, not created", () => [{ method: "POST", path: /\/check-runs$/, status: 502 }]],
  ["500 on the comment, not created", () => [{ method: "POST", path: /\/issues\/2\/comments$/, status: 500 }]],
  [
    "500 on the comment although GitHub created it: retried, the duplicate removed",
    (s) => [{ method: "POST", path: /\/issues\/2\/comments$/, status: 500, effect: comment(s) }],
  ],
  [
    "a timeout on the comment although GitHub created it: retried, the duplicate removed",
    (s) => [{ method: "POST", path: /\/issues\/2\/comments$/, status: 201, body: {}, delayMs: 1_500, effect: comment(s) }],
  ],
  [
    "secondary rate limit on the comment (403, retry-after)",
    () => [{ method: "POST", path: /\/issues\/2\/comments$/, status: 403, body: secondary, headers: { "retry-after": "2" } }],
  ],
  [
    "secondary rate limit on the GraphQL read",
    () => [{ method: "POST", path: /^\/graphql$/, status: 403, body: secondary, headers: { "retry-after": "1" } }],
  ],
  [
    "primary rate limit exhausted, reset in 1 s (429)",
    () => [
      {
        method: "GET",
        path: /\/pulls\/2\/files/,
        status: 429,
        body: { message: "API rate limit exceeded" },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
      },
    ],
  ],
  [
    "primary rate limit exhausted, reset in 1 s (403)",
    () => [
      {
        method: "POST",
        path: /\/check-runs$/,
        status: 403,
        body: { message: "API rate limit exceeded for installation ID 1." },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
      },
    ],
  ],
  [
    "GraphQL rate limit (RATE_LIMITED), reset in 1 s",
    () => [
      {
        method: "POST",
        path: /^\/graphql$/,
        status: 200,
        body: { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(1) },
      },
    ],
  ],
  [
    "the contract label created meanwhile by someone else (422 already_exists)",
    (s) => [
      {
        method: "POST",
        path: /\/labels$/,
        status: 422,
        body: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] },
        effect: (b) => s.repositoryLabels.push({ name: (b as { name: string }).name, color: "fbca04", description: null }),
      },
    ],
  ],
  ["502 on adding the label (idempotent: retried)", () => [{ method: "POST", path: /\/issues\/2\/labels$/, status: 502 }]],
];

describe("faults the review recovers from within the delivery", () => {
  beforeAll(async () => {
    const state = freshState();
    await run(state);
    baseline = visible(state);
    expect(baseline.comments).toHaveLength(1);
    expect(baseline.suggestions).toHaveLength(3);
    expect(baseline.labels).toEqual(["contrat: indépendant"]);
  });

  it.each(RECOVERED)("%s", async (_name, faults) => {
    const state = freshState();
    const { ms } = await run(state, faults, /rate limit/i.test(_name) ? app : quick);
    expect(visible(state)).toEqual(baseline);
    expect(ms).toBeLessThan(10_000);
    // Every check run written is the same one (a retried creation may leave an identical twin).
    expect(new Set(state.checkRuns.map((r) => JSON.stringify([r.conclusion, r.title, r.summary])))).toHaveProperty("size", 1);
    gh.done();
  });
});

describe("faults the next delivery completes, with nothing twice", () => {
  it("the review with the suggestions fails with a 502 after GitHub posted it: not retried, so each suggestion is there once", async () => {
    const state = freshState();
    await run(state, (s) => [
      {
        method: "POST",
        path: /\/pulls\/2\/reviews$/,
        status: 502,
        effect: (b) =>
          (b as { comments: { path: string; line: number; body: string }[] }).comments.forEach((c) =>
            s.reviewComments.push({ ...c, bot: true }),
          ),
      },
    ]);
    expect(visible(state)).toEqual(baseline);
    expect(gh.calls().filter((c) => c.endsWith("/pulls/2/reviews"))).toHaveLength(1);
  });

  it("the review with the suggestions fails before GitHub posted it: not retried; the next delivery posts them once", async () => {
    const state = freshState();
    await run(state, () => [{ method: "POST", path: /\/pulls\/2\/reviews$/, status: 502 }]);
    expect(state.reviewComments).toEqual([]);
    expect(quick.logs.lines.some((l) => l.msg === "review step failed" && l.step === "suggestions")).toBe(true);
    await run(state);
    expect(visible(state)).toEqual({ ...baseline, checkRun: baseline.checkRun });
    await run(state);
    expect(state.reviewComments).toHaveLength(3);
  });

  it("primary rate limit with the reset an hour away: no hour-long wait; what failed is logged, the rest written, the next delivery completes it", async () => {
    const state = freshState();
    const { ms } = await run(
      state,
      () => [
        {
          method: "POST",
          path: /\/check-runs$/,
          status: 403,
          body: { message: "API rate limit exceeded for installation ID 1." },
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": resetIn(3600) },
        },
      ],
      app,
    );
    expect(ms).toBeLessThan(2_000);
    expect(state.checkRuns).toEqual([]);
    expect(state.comments).toHaveLength(1);
    expect(
      app.logs.lines.some(
        (l) => l.msg === "review step failed" && l.step === "check-run" && l.err && (l.err as { status: number }).status === 403,
      ),
    ).toBe(true);
    await run(state);
    expect(visible(state)).toEqual(baseline);
  });

  it("the living comment deleted by someone between the read and the update (PATCH 404): written again, once", async () => {
    const state = freshState();
    await run(state);
    state.headSha = "1111111111111111111111111111111111111111";
    state.files = [{ filename: PATH, status: "added", content: WITH_ERRORS.replace("open: oui", "open: peut-être") }];
    await run(state, (s) => [
      { method: "PATCH", path: /\/issues\/comments\/\d+$/, status: 404, body: { message: "Not Found" }, effect: () => (s.comments = []) },
    ]);
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain("peut-être");
  });

  it("a stale label removed by someone meanwhile (DELETE 404): no error", async () => {
    const state = freshState();
    state.pullRequestLabels = ["contrat: CDI"];
    state.repositoryLabels = [{ name: "contrat: CDI", color: "0e8a16", description: null }];
    await run(state, (s) => [
      {
        method: "DELETE",
        path: /\/issues\/2\/labels\//,
        status: 404,
        body: { message: "Label does not exist" },
        effect: () => (s.pullRequestLabels = s.pullRequestLabels.filter((l) => l !== "contrat: CDI")),
      },
    ]);
    expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
    expect(quick.logs.lines.filter((l) => l.msg === "review step failed" && String((l as { id?: string }).id) === `fault-${n}`)).toEqual(
      [],
    );
  });

  it("GitHub down for the whole review (500 everywhere): a bounded number of tries, a neutral check run attempted, the delivery answered", async () => {
    const state = freshState();
    const { ms } = await run(state, () => [
      { method: "GET", path: /./, status: 500, times: 100 },
      { method: "POST", path: /^\/(graphql|repos\/.*)/, status: 500, times: 100 },
    ]);
    expect(ms).toBeLessThan(5_000);
    // Each request tried 4 times: the file list, then the neutral check run.
    expect(gh.calls().filter((c) => c.endsWith("/pulls/2/files"))).toHaveLength(4);
    expect(gh.calls().filter((c) => c.endsWith("/check-runs"))).toHaveLength(4);
    expect(state.checkRuns).toEqual([]);
  });
});
