/**
 * Deliveries through Probot's real HTTP server on a loopback port, the app of src/app/create-app.ts
 * loaded: only deliveries signed with the webhook secret reach a handler, and a delivery
 * replayed under the same id does nothing the second time (review and closing jobs alike).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import app from "../../src/app/create-app.js";
import { mockGitHub, type GitHubMock, defaultState, fakeGitHub } from "../support/github/index.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { mockScan } from "../github/closing/fixtures.js";
import { deliver, signBody } from "../../bench/lib/webhook-delivery.js";
import { mockToken, startAppServer, WEBHOOK_SECRET, type RunningServer } from "./harness.js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const WITH_ERRORS = readFileSync(new URL("../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const PATH = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";
const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];
const pushExample = examples.find((e) => e.name === "push")!.examples[0] as Record<string, unknown> & {
  repository: Record<string, unknown>;
};

let server: RunningServer;
let gh: GitHubMock;
/** Every event a handler saw (an extra listener next to the app's). */
const handled: string[] = [];

beforeAll(async () => {
  vi.stubEnv("CLOSING_SCHEDULE", "off");
  // The recovery of missed deliveries has its own test (missed-deliveries.test.ts).
  vi.stubEnv("DELIVERY_RECOVERY", "off");
  vi.stubEnv("REDIS_URL", "");
  server = await startAppServer((probot: Probot) => {
    probot.onAny(async (context) => void handled.push(`${context.name}:${context.id}`));
    app(probot);
  });
});
afterAll(async () => {
  await server.stop();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  gh = mockGitHub();
  handled.length = 0;
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function reviewDelivery(id: string) {
  const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
  return { state, delivery: { name: "pull_request", id, payload: pullRequestEvent(state, "opened") } };
}

describe("signatures", () => {
  it("unsigned, wrongly signed, signed for another body, malformed, or signed with Probot's development secret: 400, no handler, no GitHub request", async () => {
    const { delivery } = reviewDelivery("forged");
    const body = JSON.stringify(delivery.payload);
    const attempts: [string, string | null][] = [
      ["no signature", null],
      ["another secret", signBody(body, "not-the-secret-0000000000")],
      ["another body", signBody(body.replace("opened", "closed"), WEBHOOK_SECRET)],
      ["malformed", "sha256=zz"],
      ["sha1 only", "sha1=" + "0".repeat(40)],
      ["Probot's development fallback", signBody(body, "development")],
      ["empty secret", signBody(body, "")],
    ];
    for (const [label, signature] of attempts) {
      const answer = await deliver(server.url, delivery, WEBHOOK_SECRET, { signature });
      expect([400, 401], label).toContain(answer.status);
    }
    expect(handled).toEqual([]);
    expect(gh.requests).toEqual([]);
    expect(server.logs.lines.some((l) => l.msg === "pull request reviewed")).toBe(false);
  });

  it("the same delivery rightly signed is handled: 200 once the review is done", async () => {
    const { state, delivery } = reviewDelivery("signed-1");
    mockToken(gh.scope);
    fakeGitHub(gh, state);
    const answer = await deliver(server.url, delivery, WEBHOOK_SECRET);
    expect(answer.status).toBe(200);
    expect(handled).toEqual(["pull_request:signed-1"]);
    expect(state.checkRuns).toHaveLength(1);
    expect(state.comments).toHaveLength(1);
  });
});

describe("replays", () => {
  it("a review delivery posted again with its id: answered, nothing done the second time", async () => {
    const { state, delivery } = reviewDelivery("replayed-review");
    mockToken(gh.scope);
    fakeGitHub(gh, state);
    expect((await deliver(server.url, delivery, WEBHOOK_SECRET)).status).toBe(200);
    const first = gh.requests.length;
    expect(first).toBeGreaterThan(3);
    for (let i = 0; i < 3; i++) expect((await deliver(server.url, delivery, WEBHOOK_SECRET)).status).toBe(200);
    expect(gh.requests.length).toBe(first);
    expect(state.checkRuns).toHaveLength(1);
    expect(state.comments).toHaveLength(1);
    expect(state.reviewComments).toHaveLength(3);
  });

  it("a push delivery (closing job) posted again with its id: the closing run happens once", async () => {
    const payload = {
      ...pushExample,
      ref: "refs/heads/main",
      deleted: false,
      installation: { id: 1, node_id: "x" },
      repository: {
        ...pushExample.repository,
        name: "offres",
        full_name: "betagouv/offres",
        default_branch: "main",
        owner: { ...(pushExample.repository.owner as object), login: "betagouv", name: "betagouv" },
      },
      commits: [
        {
          id: "1".repeat(40),
          message: "m",
          timestamp: "2021-07-08T08:00:00Z",
          url: "",
          author: { name: "a", email: "a@b" },
          committer: { name: "a", email: "a@b" },
          distinct: true,
          tree_id: "2".repeat(40),
          added: [],
          modified: ["content/_jobs/a.md"],
          removed: [],
        },
      ],
    };
    mockToken(gh.scope);
    gh.scope
      .get(`/repos/betagouv/offres/contents/${encodeURIComponent(".github/recrutement-bot.yml")}`)
      .query(true)
      .reply(404, { message: "Not Found" });
    mockScan(gh.scope, []);
    const delivery = { name: "push", id: "replayed-push", payload };
    expect((await deliver(server.url, delivery, WEBHOOK_SECRET)).status).toBe(200);
    // (The installation token may be cached from an earlier test: the same server.)
    const calls = () => gh.calls().filter((c) => !c.endsWith("/access_tokens"));
    expect(calls()).toEqual(["GET /repos/betagouv/offres/contents/.github%2Frecrutement-bot.yml", "POST /graphql"]);
    expect((await deliver(server.url, delivery, WEBHOOK_SECRET)).status).toBe(200);
    expect(calls()).toHaveLength(2);
    gh.done();
  });
});
