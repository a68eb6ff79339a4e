/**
 * The review at GitHub's limits (issue 11), through the app and the fake GitHub, which answers
 * as GitHub does (422 "Validation Failed" over a limit, 3,000 files listed, `Blob.text` cut at
 * 512,000 bytes): what the review writes always fits, a suggestion that cannot is dropped
 * alone, postings GitHub does not list are still reviewed, a cut blob is read in full, an
 * answer over the app's cap is read in smaller chunks, and the events that change what is
 * reviewed (base changed, many review threads) are followed.
 */
import { readFileSync } from "node:fs";
import { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import {
  mockGitHub,
  type GitHubMock,
  defaultState,
  fakeGitHub,
  blobOid,
  type FakeFile,
  type FakeState,
} from "../../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../../helpers/probot.js";
import { appUnderTest, mockToken } from "../../hardening/harness.js";
import { registerReview } from "../../../src/app/register-review.js";
import { pullRequestEvent } from "./payloads.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/review/${name}`, import.meta.url), "utf8");
const WITH_ERRORS = fixture("posting-with-errors.md");
const FIXED = fixture("posting-fixed.md");
const REPO = "/repos/Codertocat/Hello-World";
const LABELLED = {
  pullRequestLabels: ["contrat: indépendant"],
  repositoryLabels: [{ name: "contrat: indépendant", color: "fbca04", description: null }],
};

let gh: GitHubMock;
let probot: Probot;
let logs: Record<string, unknown>[];

function setup(state: FakeState, before?: (gh: GitHubMock) => void): void {
  gh = mockGitHub();
  mockInstallationToken(gh.scope, 1);
  before?.(gh);
  fakeGitHub(gh, state);
  ({ probot, logs } = createTestProbot((app: Probot) => registerReview(app)));
}

async function deliver(id: string, payload: object): Promise<void> {
  await probot.receive({ id, name: "pull_request", payload: payload as never });
}

const queryNames = (state: FakeState) => state.graphqlQueries.map((q) => /^(?:query|mutation) (\w+)/.exec(q)?.[1]);

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the fake GitHub answers GitHub's limits as GitHub does", () => {
  it("422 Validation Failed: a summary over 65,535 bytes though under 65,535 characters, a comment over 65,536 characters, a label name over 50", async () => {
    const state = defaultState();
    gh = mockGitHub();
    fakeGitHub(gh, state);
    const octokit = new Octokit({ auth: "t", request: { retries: 0 } });
    const repo = { owner: state.owner, repo: state.repo };
    const summary = "é".repeat(40_000); // 40,000 characters, 80,000 bytes
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/check-runs", {
        ...repo,
        name: "x",
        head_sha: state.headSha,
        status: "completed",
        conclusion: "success",
        output: { title: "t", summary },
      }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Validation Failed", errors: [{ resource: "CheckRun", code: "custom", field: "output.summary" }] } },
    });
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: 2, body: "a".repeat(65_537) }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: "body is too long (maximum is 65536 characters)" }] } },
    });
    await expect(
      octokit.request("POST /repos/{owner}/{repo}/labels", { ...repo, name: "x".repeat(51), color: "ededed" }),
    ).rejects.toMatchObject({ status: 422 });
    expect(state.checkRuns).toEqual([]);
    expect(state.comments).toEqual([]);
  });
});

describe("what the review writes fits GitHub's limits", () => {
  it("100 postings with accented names: the summary, under 65,535 characters but over 65,535 bytes in full, is cut and says how many postings it leaves out", async () => {
    const files: FakeFile[] = Array.from({ length: 100 }, (_, i) => ({
      filename: `content/_jobs/2026-03-01-${"é".repeat(180)}-${String(i).padStart(3, "0")}.md`,
      status: "added",
      content: FIXED.replace("roles: Développeur·se full stack", `roles: Développeur·se ${"é".repeat(100)} ${i}`),
    }));
    const state = defaultState({ files, ...LABELLED });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    expect(state.checkRuns).toHaveLength(1);
    const { summary, conclusion } = state.checkRuns[0]!;
    expect(conclusion).toBe("success");
    expect(summary.length).toBeLessThan(65_535);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(65_535);
    const shown = summary.split("\n").filter((l) => l.startsWith("- `content/_jobs/")).length;
    const left = 100 - shown;
    expect(shown).toBeGreaterThan(50);
    expect(left).toBeGreaterThan(0);
    expect(summary).toContain(
      `… et ${left} autres offres, non détaillées ici faute de place\u202F: chaque point est signalé à sa ligne dans l'onglet «\u202FFiles changed\u202F».`,
    );
    gh.done();
  });

  it("a suggestion too long for a review comment is dropped alone: the others are posted, the comment still says what to write", async () => {
    // A misspelled key on a 65,400-character line: the fix (the whole line) cannot fit in 65,536 characters.
    const content = WITH_ERRORS.replace("roles: Développeur·se full stack", `rolse: Dev ${"x".repeat(65_400)}`).replace(
      "startup: mon-entreprize",
      "startup: mon-entreprise",
    );
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content }] });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    const review = gh.requests.find((r) => r.path.endsWith("/pulls/2/reviews"))!.body as { comments: { line: number; body: string }[] };
    // Lines 4 (contract), 5 (open) and 6 (date) are suggested; line 2 (the key) is not.
    expect(review.comments.map((c) => c.line)).toEqual([4, 5, 6]);
    expect(state.reviewComments).toHaveLength(3);
    expect(logs.some((l) => l.msg === "pull request reviewed" && l.droppedSuggestions === 1)).toBe(true);
    const row = state.comments[0]!.body.split("\n").find((l) => l.startsWith("| 2 |"))!;
    expect(row).toContain("| `roles: Dev xxx");
    expect(row).not.toContain("✏️");
    expect(state.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    gh.done();
  });
});

describe("more files than GitHub lists (3,000)", () => {
  const assets = (n: number): FakeFile[] =>
    Array.from({ length: n }, (_, i) => ({
      filename: `assets/images/${String(i).padStart(4, "0")}.png`,
      status: "added",
      content: { binary: true, size: 10 },
    }));

  it("3,003 files: the postings beyond the 3,000th are found from the folder's trees (subfolders opened only where they changed) and reviewed", async () => {
    const state = defaultState({
      files: [
        ...assets(3_000),
        { filename: "content/_jobs/2026-03-01-nouvelle.md", status: "added", content: WITH_ERRORS },
        {
          filename: "content/_jobs/2025-01-01-modifiee.md",
          status: "modified",
          content: FIXED,
          baseContent: FIXED.replace("2026-07-07", "2026-06-07"),
        },
        { filename: "content/_jobs/2026/2026-03-02-dans-un-dossier.md", status: "added", content: FIXED },
      ],
      unchangedFiles: {
        "content/_jobs/2024-01-01-ancienne.md": FIXED,
        "content/_jobs/archives/2020-01-01-vieille.md": WITH_ERRORS,
        "content/_jobs/2026/2026-01-01-deja-la.md": FIXED,
      },
    });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    expect(gh.calls().filter((c) => c.endsWith("/pulls/2/files"))).toHaveLength(30);
    // The first query, the postings folder then its changed subfolder `2026` (not `archives`), then the postings found.
    expect(queryNames(state)).toEqual(["ReviewState", "FolderTrees", "FolderTrees", "ReviewState", "BotComments"]);
    const trees = gh.requests.filter((r) => r.path === "/graphql").map((r) => (r.body as { variables: Record<string, string> }).variables);
    expect(Object.values(trees[2]!).filter((v) => v.includes(":"))).toEqual([
      `${state.headSha}:content/_jobs/2026`,
      `${state.baseSha}:content/_jobs/2026`,
    ]);
    const run = state.checkRuns[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.summary).toContain("`content/_jobs/2026-03-01-nouvelle.md`");
    expect(run.summary).toContain("`content/_jobs/2025-01-01-modifiee.md`");
    expect(run.summary).toContain("`content/_jobs/2026/2026-03-02-dans-un-dossier.md`");
    expect(run.summary).not.toContain("ancienne");
    expect(run.summary).not.toContain("vieille");
    expect(new Set(run.annotations.map((a) => a.path))).toEqual(new Set(["content/_jobs/2026-03-01-nouvelle.md"]));
    // No diff from GitHub for these files: no suggestion (a line outside the diff would have GitHub refuse the review).
    expect(gh.calls().filter((c) => c.endsWith("/pulls/2/reviews"))).toEqual([]);
    expect(state.comments[0]!.body).toContain("| `open: true` |");
    gh.done();
  });

  it("3,001 files and the trees cannot be read: a neutral check run says how many files were not seen, never green", async () => {
    const state = defaultState({
      files: [...assets(3_000), { filename: "content/_jobs/2026-03-01-cachee.md", status: "added", content: WITH_ERRORS }],
    });
    setup(state, (mock) => {
      mock.scope
        .post("/graphql", (body: { query: string }) => body.query.startsWith("query FolderTrees"))
        .reply(200, { data: { repository: null } });
    });
    await deliver("d-1", pullRequestEvent(state, "opened"));
    expect(state.checkRuns).toHaveLength(1);
    expect(state.checkRuns[0]).toMatchObject({ conclusion: "neutral", title: "Relecture incomplète" });
    expect(state.checkRuns[0]!.summary).toBe(
      "⚠️ GitHub ne liste que 3\u202F000 fichiers par pull request, et 1 fichier de plus n'a pas pu être vu\u202F: les offres parmi eux ne sont pas vérifiées. Découpez la pull request pour les faire relire.",
    );
    expect(logs.some((l) => l.msg === "more files than GitHub lists, and the folder's trees could not be read")).toBe(true);
    gh.done();
  });
});

describe("blobs GitHub cuts at 512,000 bytes", () => {
  it("a valid 600 KB posting is read in full through git/blobs and reviewed; a 1.1 MB one stays too large, never downloaded", async () => {
    const big = FIXED + "\n" + "Une phrase de description du poste, avec des accents : é à ù.\n".repeat(10_000);
    const huge = FIXED + "\n" + "mot ".repeat(290_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(600_000);
    expect(Buffer.byteLength(big)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1024 * 1024);
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-longue.md", status: "added", content: big }], ...LABELLED });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    expect(gh.calls().slice(1)).toEqual([
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `GET ${REPO}/git/blobs/${blobOid(big)}`,
      `POST ${REPO}/check-runs`,
    ]);
    expect(state.checkRuns[0]).toMatchObject({ conclusion: "success", title: "Tout est en ordre", annotations: [] });

    const other = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-enorme.md", status: "added", content: huge }] });
    nock.cleanAll();
    setup(other);
    await deliver("d-2", pullRequestEvent(other, "opened"));
    expect(gh.calls().filter((c) => c.includes("/git/blobs/"))).toEqual([]);
    expect(other.checkRuns[0]!.annotations.map((a) => a.message)).toEqual([
      `Ce fichier est trop gros (${Buffer.byteLength(huge)} octets, 1048576 au plus) pour être une offre.`,
    ]);
  });
});

describe("GraphQL answers over the app's size cap", () => {
  it("12 postings of 400 KB under a 2 MiB cap: read 3 at a time after two refusals; one posting too large alone is named, the rest reviewed", async () => {
    // GitHub leaves out the diff of files this large; a short one here keeps the file list small.
    const SHORT_PATCH = "@@ -0,0 +1,1 @@\n+---";
    const posting = (i: number) =>
      FIXED.replace("roles: Développeur·se full stack", `roles: Poste ${i}`) + "\n" + "Texte de l'offre, assez long.\n".repeat(13_500);
    const files: FakeFile[] = Array.from({ length: 12 }, (_, i) => ({
      filename: `content/_jobs/2026-03-01-poste-${String(i).padStart(2, "0")}.md`,
      status: "added",
      content: posting(i),
      patch: SHORT_PATCH,
    }));
    // Control characters: each is six bytes in JSON (\u0001), 2.7 MB for this posting alone.
    files.push({
      filename: "content/_jobs/2026-03-01-zz-controle.md",
      status: "added",
      content: FIXED + "\u0001".repeat(450_000),
      patch: SHORT_PATCH,
    });
    const state = defaultState({ files, ...LABELLED });
    nock.cleanAll();
    gh = mockGitHub();
    mockToken(gh.scope);
    fakeGitHub(gh, state);
    const app = appUnderTest((p: Probot) => registerReview(p), {
      level: "info",
      octokit: { timeoutMs: 20_000, maxResponseBytes: 2 * 1024 * 1024, throttle: { enabled: false } },
    });
    await app.probot.receive({ id: "d-1", name: "pull_request", payload: pullRequestEvent(state, "opened") as never });
    const blobsAsked = state.graphqlQueries.map((q) => (q.match(/\bp\d+: object/g) ?? []).length);
    // 13 refused, 6 refused, 3 read; then 3 at a time, the last posting alone refused.
    expect(blobsAsked).toEqual([13, 6, 3, 3, 3, 3, 1, 0]);
    expect(queryNames(state)).toEqual([
      "ReviewState",
      "ReviewState",
      "ReviewState",
      "PostingBlobs",
      "PostingBlobs",
      "PostingBlobs",
      "PostingBlobs",
      "BotComments",
    ]);
    expect(state.checkRuns).toHaveLength(1);
    const run = state.checkRuns[0]!;
    expect(run).toMatchObject({ conclusion: "neutral", title: "Relecture incomplète" });
    expect(run.summary.split("\n").filter((l) => /^- `content\/_jobs\/2026-03-01-poste-\d\d\.md`\u202F: ✅/.test(l))).toHaveLength(12);
    expect(run.summary).toContain(
      "⚠️ 1 offre n'a pas pu être lue\u202F: la réponse de GitHub dépassait la taille que l'application accepte.",
    );
    expect(run.summary).toContain("- `content/_jobs/2026-03-01-zz-controle.md`");
    // What was read is complete enough for labels to be added, not for stale ones to be removed.
    expect(app.logs.lines.some((l) => l.msg === "pull request reviewed" && l.unread === 1 && l.postings === 12)).toBe(true);
  }, 60_000);
});

describe("events that change what is reviewed", () => {
  it("the base changed (edited with changes.base): reviewed again against the new base; a title edit is not", async () => {
    const path = "content/_jobs/2025-01-01-offre.md";
    const state = defaultState({
      files: [
        {
          filename: path,
          status: "modified",
          patch: "@@ -5 +5 @@\n-open: false\n+open: true",
          content: FIXED,
          baseContent: FIXED.replace("open: true", "open: false"),
        },
      ],
      ...LABELLED,
    });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "edited"));
    expect(gh.calls()).toEqual([]);
    state.baseSha = "2222222222222222222222222222222222222222";
    await deliver(
      "d-2",
      pullRequestEvent(state, "edited", {
        changes: { base: { ref: { from: "develop" }, sha: { from: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" } } },
      }),
    );
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
    ]);
    const variables = (gh.requests[2]!.body as { variables: Record<string, string> }).variables;
    expect(variables.b0).toBe(`${state.baseSha}:${path}`);
    gh.done();
  });

  it("reopened with nothing new: no second check run on the same commit", async () => {
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    const before = gh.calls().length;
    await deliver("d-2", pullRequestEvent(state, "reopened"));
    expect(gh.calls().slice(before)).toEqual([`GET ${REPO}/pulls/2/files`, "POST /graphql"]);
    expect(state.checkRuns).toHaveLength(1);
    gh.done();
  });

  it("250 review threads since the app's suggestions: older threads are read until they are found, nothing is suggested twice", async () => {
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", pullRequestEvent(state, "opened"));
    expect(state.reviewComments).toHaveLength(3);
    for (let i = 0; i < 250; i++)
      state.reviewComments.push({ body: `Remarque ${i}`, path: "README.md", line: 1, bot: false, threadId: `PRRT_p${i}` });
    state.headSha = "3333333333333333333333333333333333333333";
    state.graphqlQueries.length = 0;
    const before = gh.calls().length;
    await deliver("d-2", pullRequestEvent(state, "synchronize"));
    // Threads 153–252, then 53–152, then 0–52: where the app's three are.
    expect(queryNames(state)).toEqual(["ReviewState", "ReviewThreads", "ReviewThreads"]);
    expect(
      gh
        .calls()
        .slice(before)
        .filter((c) => c.endsWith("/pulls/2/reviews")),
    ).toEqual([]);
    expect(state.reviewComments.filter((c) => c.bot)).toHaveLength(3);
    gh.done();
  });
});
