/**
 * The closing job inside the app: the push handler and the daily schedule, through a real
 * Probot instance (real webhook dispatch, real app JWT and installation tokens), GitHub
 * answered by nock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { createRequire } from "node:module";
import type { Probot } from "probot";
import { mockGitHub, type GitHubMock } from "../../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../../helpers/probot.js";
import { registerClosing } from "../../../src/app/register-closing.js";
import { createClosingSchedule } from "../../../src/app/closing-schedule.js";
import { memoryClaimStore } from "../../../src/app/claims.js";
import { GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import { branch, HEAD, mockAuthors, mockHistory, mockScan, SEED_DUE } from "./fixtures.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];
const pushExample = examples.find((e) => e.name === "push")!.examples[0] as Record<string, unknown> & {
  repository: Record<string, unknown>;
};

const R = "/repos/betagouv/offres";
const CONFIG = `${R}/contents/${encodeURIComponent(".github/recrutement-bot.yml")}`;
const SEED_NAME = "2021-06-09-atelier-numerique.md";
const SEED_PATH = `content/_jobs/${SEED_NAME}`;

let gh: GitHubMock;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
});
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

function push(files: { modified?: string[]; added?: string[]; removed?: string[] }, ref = "refs/heads/main") {
  return {
    ...pushExample,
    ref,
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
        id: HEAD,
        message: "m",
        timestamp: "2021-07-08T08:00:00Z",
        url: "",
        author: { name: "a", email: "a@b" },
        committer: { name: "a", email: "a@b" },
        distinct: true,
        tree_id: HEAD,
        added: files.added ?? [],
        modified: files.modified ?? [],
        removed: files.removed ?? [],
      },
    ],
  };
}

function appWith(now: Date) {
  return createTestProbot((app: Probot) => registerClosing(app, { env: { CLOSING_SCHEDULE: "off" }, now: () => now }));
}

describe("on push to the default branch", () => {
  it("touching the postings folder: config, scan, and the closing pull request, its review asked of who added the posting (the whole sequence for one posting due)", async () => {
    const { probot, logs } = appWith(new Date("2021-07-08T06:00:00Z"));
    mockInstallationToken(gh.scope, 1);
    gh.scope.get(CONFIG).query({ ref: "main" }).reply(404, { message: "Not Found" });
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    mockAuthors(gh.scope, [SEED_PATH], { [SEED_PATH]: { pr: "marie-dupont" } });
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${encodeURIComponent(SEED_PATH)}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 42 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/42/labels`).reply(200, []);
    gh.scope.post(`${R}/pulls/42/requested_reviewers`, { reviewers: ["marie-dupont"] }).reply(201, {});

    await probot.receive({ id: "1", name: "push", payload: push({ modified: [SEED_PATH] }) as never });

    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${CONFIG}`,
      "POST /graphql",
      "POST /graphql",
      "POST /graphql",
      `POST ${R}/git/refs`,
      `PUT ${R}/contents/${encodeURIComponent(SEED_PATH)}`,
      `POST ${R}/pulls`,
      `POST ${R}/labels`,
      `POST ${R}/issues/42/labels`,
      `POST ${R}/pulls/42/requested_reviewers`,
    ]);
    const pr = gh.requests.find((r) => r.method === "POST" && r.path === `${R}/pulls`)!.body as { body: string };
    expect(pr.body).toContain("devait fermer le 7 juillet 2021 (`poste_ferme: 2021-07-07`), hier.");
    expect(logs.some((l) => l.msg === "closing: plan" && l.today === "2021-07-08")).toBe(true);
    gh.done();
  });

  it("a delivery replayed is handled once", async () => {
    const { probot } = appWith(new Date("2021-07-08T06:00:00Z"));
    mockInstallationToken(gh.scope, 1);
    gh.scope.get(CONFIG).query(true).reply(404, { message: "Not Found" });
    mockScan(gh.scope, []);
    const payload = push({ modified: [SEED_PATH] }) as never;
    await probot.receive({ id: "same", name: "push", payload });
    await probot.receive({ id: "same", name: "push", payload });
    expect(gh.calls()).toEqual(["POST /app/installations/1/access_tokens", `GET ${CONFIG}`, "POST /graphql"]);
    gh.done();
  });

  it("not the default branch, or no posting touched: no request at all; a .md elsewhere: the config only", async () => {
    const { probot } = appWith(new Date("2021-07-08T06:00:00Z"));
    await probot.receive({ id: "2", name: "push", payload: push({ modified: [SEED_PATH] }, "refs/heads/feature") as never });
    await probot.receive({ id: "3", name: "push", payload: push({ modified: ["package.json"] }) as never });
    expect(gh.requests).toEqual([]);

    mockInstallationToken(gh.scope, 1);
    gh.scope.get(CONFIG).query(true).reply(404, { message: "Not Found" });
    await probot.receive({ id: "4", name: "push", payload: push({ added: ["README.md"] }) as never });
    expect(gh.calls()).toEqual(["POST /app/installations/1/access_tokens", `GET ${CONFIG}`]);
    gh.done();
  });
});

describe("the daily run", () => {
  function mockListing(scope: nock.Scope) {
    scope
      .get("/app/installations")
      .query({ per_page: "100" })
      .reply(200, [{ id: 1, account: { login: "betagouv" } }]);
    scope
      .get("/installation/repositories")
      .query({ per_page: "100" })
      .reply(200, {
        total_count: 2,
        repositories: [
          { name: "offres", full_name: "betagouv/offres", default_branch: "main", owner: { login: "betagouv" } },
          { name: "vieux", full_name: "betagouv/vieux", default_branch: "main", owner: { login: "betagouv" }, archived: true },
        ],
      });
  }

  it("lists installations and repositories with the app's credentials and runs each repository once a day, at the configured hour of its time zone", async () => {
    const { probot } = createTestProbot(() => {});
    let now = new Date("2024-03-31T04:50:00Z"); // 06:50 in Paris (CEST)
    const schedule = createClosingSchedule(probot, { now: () => now });

    mockListing(gh.scope);
    mockInstallationToken(gh.scope, 1);
    gh.scope
      .get(CONFIG)
      .query({ ref: "main" })
      .reply(200, { type: "file", size: 30, encoding: "base64", content: Buffer.from("closing:\n  hour: 7\n").toString("base64") });
    await schedule.tick();
    expect(gh.calls()).toEqual([
      "GET /app/installations",
      "POST /app/installations/1/access_tokens",
      "GET /installation/repositories",
      `GET ${CONFIG}`,
    ]);

    // 07:05: the hour has come (config still cached): the run.
    now = new Date("2024-03-31T05:05:00Z");
    mockListing(gh.scope);
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE.replace("open: true", "open: false") }]);
    await schedule.tick();
    expect(gh.calls().slice(4)).toEqual(["GET /app/installations", "GET /installation/repositories", "POST /graphql"]);

    // 07:40: already run today.
    now = new Date("2024-03-31T05:40:00Z");
    mockListing(gh.scope);
    await schedule.tick();
    expect(gh.calls().slice(7)).toEqual(["GET /app/installations", "GET /installation/repositories"]);

    // The next day at 07:01: config read again (older than an hour), run again.
    now = new Date("2024-04-01T05:01:00Z");
    mockListing(gh.scope);
    gh.scope.get(CONFIG).query({ ref: "main" }).reply(404, { message: "Not Found" });
    mockScan(gh.scope, []);
    await schedule.tick();
    expect(gh.calls().slice(9)).toEqual(["GET /app/installations", "GET /installation/repositories", `GET ${CONFIG}`, "POST /graphql"]);
    gh.done();
  });

  it("two app instances sharing their claims (Redis in production): one run per repository and day", async () => {
    const { probot } = createTestProbot(() => {});
    const claims = memoryClaimStore();
    const now = () => new Date("2024-06-03T05:05:00Z"); // 07:05 in Paris
    const first = createClosingSchedule(probot, { now, claims });
    const second = createClosingSchedule(probot, { now, claims });
    mockListing(gh.scope);
    mockListing(gh.scope);
    mockInstallationToken(gh.scope, 1);
    gh.scope.get(CONFIG).query(true).times(2).reply(404, { message: "Not Found" });
    mockScan(gh.scope, []);
    await first.tick();
    await second.tick();
    expect(gh.calls().filter((c) => c === "POST /graphql")).toHaveLength(1);
    gh.done();
  });

  it("a timer drives the ticks; CLOSING_SCHEDULE=off starts none", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const off = createTestProbot((app: Probot) => registerClosing(app, { env: { CLOSING_SCHEDULE: "off" } }));
    await off.probot.ready();
    expect(vi.getTimerCount()).toBe(0);

    gh.scope.get("/app/installations").query(true).reply(200, []);
    const on = createTestProbot((app: Probot) => registerClosing(app, { env: {}, intervalMs: 60_000 }));
    await on.probot.ready();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(60_000);
    await vi.waitFor(() => expect(gh.calls()).toEqual(["GET /app/installations"]));
    gh.done();
  });
});
