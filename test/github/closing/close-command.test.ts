/**
 * `recrutement-bot close`, run in-process: locally on a folder, and against GitHub (nock) with a
 * token or the app's credentials.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { runCli, tempTree } from "../../cli/helpers.js";
import { mockGitHub, type GitHubMock } from "../../support/github/index.js";
import { mockInstallationToken, testPrivateKey } from "../../helpers/probot.js";
import { GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import { mockAuthors, mockNewDashboard, branch, mockHistory, mockScan, scanAnswer, SEED_CLOSED, SEED_DUE } from "./fixtures.js";

// The command's pace (1 s between writes) is checked in scale.test.ts on a fake clock; here it is shrunk.
vi.mock("../../../src/github/create-app-octokit.js", async (original) =>
  (await import("./fast-octokit.js")).fastOctokitModule(await original()),
);

const R = "/repos/betagouv/offres";
const CONFIG = `${R}/contents/${encodeURIComponent(".github/recrutement-bot.yml")}`;
const SEED_NAME = "2021-06-09-atelier-numerique.md";

describe("close, locally", () => {
  const repo = () =>
    tempTree({
      [`content/_jobs/${SEED_NAME}`]: SEED_DUE,
      "content/_jobs/2021-06-10-ellesfontlaculture.md": SEED_CLOSED,
      "content/_jobs/notes.txt": "pas une offre",
    });

  it("lists the postings due and why; nothing written", async () => {
    const { dir, cleanup } = repo();
    try {
      const r = await runCli(["close", "--today", "2021-07-08"], { cwd: dir });
      expect(r).toEqual({
        code: 0,
        stdout: `content/_jobs/${SEED_NAME}:13  «\u202FChargé.e de développement de l'atelier numérique\u202F»\u202F: poste_ferme 2021-07-07 passée\n1 offre à fermer au 2021-07-08 (2 offres lues)\n`,
        stderr: "",
      });
      expect(readFileSync(path.join(dir, "content/_jobs", SEED_NAME), "utf8")).toBe(SEED_DUE);
      expect((await runCli(["close", "content/_jobs", "--today", "2021-07-07"], { cwd: dir })).stdout).toBe(
        "0 offre à fermer au 2021-07-07 (2 offres lues)\n",
      );
    } finally {
      cleanup();
    }
  });

  it("--write puts open: false on line 13 of the due seed and changes nothing else; --format json", async () => {
    const { dir, cleanup } = repo();
    try {
      const r = await runCli(["close", "content/_jobs", "--today", "2021-07-08", "--write", "--format", "json"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        today: "2021-07-08",
        files: 2,
        written: true,
        due: [
          {
            path: `content/_jobs/${SEED_NAME}`,
            line: 13,
            roles: "Chargé.e de développement de l'atelier numérique",
            contracts: ["stage"],
            reason: { kind: "date", field: "poste_ferme", date: "2021-07-07" },
          },
        ],
      });
      const after = readFileSync(path.join(dir, "content/_jobs", SEED_NAME), "utf8").split("\n");
      const before = SEED_DUE.split("\n");
      expect(after.flatMap((l, i) => (l === before[i] ? [] : [[i + 1, l]]))).toEqual([[13, "open: false"]]);
      expect(readFileSync(path.join(dir, "content/_jobs/2021-06-10-ellesfontlaculture.md"), "utf8")).toBe(SEED_CLOSED);
      // A second run finds nothing left.
      expect((await runCli(["close", "--today", "2021-07-08", "--lang", "en"], { cwd: dir })).stdout).toBe(
        "0 postings due for closing on 2021-07-08 (2 postings read)\n",
      );
    } finally {
      cleanup();
    }
  });

  it("usage errors: exit code 2", async () => {
    for (const args of [
      ["close", "--today", "2021-02-30"],
      ["close", "--dry-run"],
      ["close", "--repo", "betagouv/offres", "--write"],
      ["close", "--repo", "betagouv/offres", "content/_jobs"],
      ["close", "--repo", "pas un dépôt"],
      ["close", "a", "b"],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("recrutement-bot close --help");
    }
    expect((await runCli(["close", "missing-folder"])).code).toBe(2);
    expect((await runCli(["close", "--help"])).stdout).toContain("recrutement-bot close --repo propriétaire/dépôt");
  });
});

describe("close --repo, on GitHub", () => {
  let gh: GitHubMock;
  beforeEach(() => {
    nock.disableNetConnect();
    gh = mockGitHub();
  });
  afterEach(() => nock.cleanAll());

  function mockRepo(scope: nock.Scope, config?: string) {
    scope.get(R).reply(200, { name: "offres", full_name: "betagouv/offres", default_branch: "main" });
    if (config === undefined) scope.get(CONFIG).query({ ref: "main" }).reply(404, { message: "Not Found" });
    else
      scope
        .get(CONFIG)
        .query({ ref: "main" })
        .reply(200, { type: "file", size: config.length, encoding: "base64", content: Buffer.from(config).toString("base64") });
  }

  it("with GITHUB_TOKEN: opens the closing pull request, asks who added the posting besides closing.reviewers, and reports it", async () => {
    mockRepo(gh.scope, "closing:\n  reviewers: [recruteuse]\n");
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    mockAuthors(gh.scope, [`content/_jobs/${SEED_NAME}`], { [`content/_jobs/${SEED_NAME}`]: { pr: "marie-dupont", commit: "quelqu-un" } });
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${encodeURIComponent(`content/_jobs/${SEED_NAME}`)}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 42 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/42/labels`).reply(200, []);
    gh.scope.post(`${R}/pulls/42/requested_reviewers`).reply(201, {});
    mockNewDashboard(gh.scope, R, 3);
    const r = await runCli(["close", "--repo", "betagouv/offres", "--today", "2021-07-08"], { env: { GITHUB_TOKEN: "ghs_x" } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "betagouv/offres, le 2021-07-08",
        `  ouvrir une pull request (recrutement-bot/fermeture/2021-06-09-atelier-numerique)\u202F: content/_jobs/${SEED_NAME}`,
        "    → #42 ouverte",
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(0);
    expect(gh.calls()).toEqual([
      `GET ${R}`,
      `GET ${CONFIG}`,
      "POST /graphql",
      "POST /graphql",
      "POST /graphql",
      `POST ${R}/git/refs`,
      `PUT ${R}/contents/${encodeURIComponent(`content/_jobs/${SEED_NAME}`)}`,
      `POST ${R}/pulls`,
      `POST ${R}/labels`,
      `POST ${R}/issues/42/labels`,
      `POST ${R}/pulls/42/requested_reviewers`,
      `GET ${R}/issues`,
      `POST ${R}/issues`,
    ]);
    // The merged pull request's author, not the commit's; one request for both.
    expect(gh.requests.at(-3)!.body).toEqual({ reviewers: ["recruteuse", "marie-dupont"] });
    const body = String((gh.requests.find((r) => r.path === `${R}/pulls` && r.method === "POST")!.body as { body: string }).body);
    expect(body).toContain("devait fermer le 7 juillet 2021 (`poste_ferme: 2021-07-07`), hier. Elle est encore ouverte.");
    expect(body).toContain(`[changez la date de clôture](https://github.com/betagouv/offres/edit/main/content/_jobs/${SEED_NAME})`);
    gh.done();
  });

  it("--dry-run (or closing.dry-run in the config): the plan, reads only; --format json", async () => {
    mockRepo(gh.scope, "closing:\n  grouped: true\n");
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    const r = await runCli(["close", "--repo", "betagouv/offres", "--dry-run", "--today", "2021-07-08", "--format", "json"], {
      env: { GITHUB_TOKEN: "ghs_x" },
    });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ repo: "betagouv/offres", today: "2021-07-08", dryRun: true, postings: 1, readRequests: 2 });
    expect(json.actions).toMatchObject([
      {
        kind: "create",
        branch: GROUP_BRANCH,
        postings: [{ path: `content/_jobs/${SEED_NAME}`, line: 13, reason: { kind: "date", field: "poste_ferme", date: "2021-07-07" } }],
      },
    ]);
    expect(gh.calls()).toEqual([`GET ${R}`, `GET ${CONFIG}`, "POST /graphql", "POST /graphql"]);
    gh.done();
  });

  it("honours GITHUB_API_URL and GITHUB_GRAPHQL_URL (GitHub Enterprise Server)", async () => {
    const ghes = mockGitHub("https://ghe.example.com/api/v3");
    ghes.scope.get(`/api/v3${R}`).reply(200, { default_branch: "main" });
    ghes.scope.get(`/api/v3${CONFIG}`).query(true).reply(404, { message: "Not Found" });
    const graphql = nock("https://ghe.example.com").post("/api/graphql").reply(200, scanAnswer([]));
    const r = await runCli(["close", "--repo", "betagouv/offres", "--dry-run"], {
      env: {
        GITHUB_TOKEN: "ghs_x",
        GITHUB_API_URL: "https://ghe.example.com/api/v3",
        GITHUB_GRAPHQL_URL: "https://ghe.example.com/api/graphql",
      },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^betagouv\/offres, le \d{4}-\d{2}-\d{2} — simulation \(dry-run\)\u202F: rien n'est écrit\n {2}rien à faire\n$/,
    );
    expect(ghes.calls()).toEqual([`GET ${R}`, `GET ${CONFIG}`]);
    ghes.done();
    graphql.done();
  });

  it("with the app's credentials: the repository's installation, then its token", async () => {
    gh.scope.get(`${R}/installation`).reply(200, { id: 77 });
    mockInstallationToken(gh.scope, 77);
    mockRepo(gh.scope);
    mockScan(gh.scope, []);
    const r = await runCli(["close", "--repo", "betagouv/offres"], {
      env: { APP_ID: "123", PRIVATE_KEY: testPrivateKey().replace(/\n/g, "\\n") },
    });
    expect(r.code).toBe(0);
    expect(gh.calls()).toEqual([
      `GET ${R}/installation`,
      "POST /app/installations/77/access_tokens",
      `GET ${R}`,
      `GET ${CONFIG}`,
      "POST /graphql",
    ]);
    gh.done();
  });

  it("no credentials, or GitHub refuses: exit code 2 with the reason", async () => {
    const none = await runCli(["close", "--repo", "betagouv/offres"], { env: {} });
    expect(none).toMatchObject({
      code: 2,
      stderr: "Identifiants manquants\u202F: définissez GITHUB_TOKEN, ou APP_ID avec PRIVATE_KEY ou PRIVATE_KEY_PATH.\n",
    });
    gh.scope.get(R).reply(404, { message: "Not Found" });
    const refused = await runCli(["close", "--repo", "betagouv/offres"], { env: { GITHUB_TOKEN: "ghs_x" } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^GitHub\u202F: 404 Not Found/);
    gh.done();
  });

  it("a failed action: exit code 1", async () => {
    mockRepo(gh.scope);
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(403, { message: "Resource not accessible by integration" });
    const r = await runCli(["close", "--repo", "betagouv/offres", "--today", "2021-07-08"], { env: { GITHUB_TOKEN: "ghs_x" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("→ échec\u202F: Resource not accessible by integration");
    gh.done();
  });
});
