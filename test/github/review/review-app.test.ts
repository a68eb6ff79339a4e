/**
 * The review end to end: a real Probot receives webhook payloads (from @octokit/webhooks-examples),
 * GitHub is a nock scope that records every request and checks REST ones against
 * @octokit/openapi (GraphQL ones against GitHub's schema), and the tests assert the exact
 * requests, their bodies, the comment text and the annotations.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { mockGitHub, type GitHubMock, defaultState, fakeGitHub, newId, now, type FakeState } from "../../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../../helpers/probot.js";
import { registerReview } from "../../../src/app/register-review.js";
import { checkRunRerequestedEvent, pullRequestEvent } from "./payloads.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/review/${name}`, import.meta.url), "utf8");
const WITH_ERRORS = fixture("posting-with-errors.md");
const FIXED = fixture("posting-fixed.md");
const HOSTILE = fixture("posting-hostile.md");
const PATH = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";
const REPO = "/repos/Codertocat/Hello-World";

// Probot's throttling spaces writes (1 s, 3 s for comments and reviews) even in tests.
vi.setConfig({ testTimeout: 90_000 });

let gh: GitHubMock;
let probot: Probot;
let logs: Record<string, unknown>[];

function setup(state: FakeState, options: { baseUrl?: string } = {}): void {
  gh = mockGitHub(options.baseUrl);
  const ghes = options.baseUrl !== undefined;
  if (ghes) {
    // mockInstallationToken knows only api.github.com's paths.
    gh.scope
      .post("/api/v3/app/installations/1/access_tokens")
      .reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" });
  } else mockInstallationToken(gh.scope, 1);
  fakeGitHub(gh, state);
  ({ probot, logs } = createTestProbot((app: Probot) => registerReview(app), options.baseUrl ? { baseUrl: options.baseUrl } : {}));
}

/** Body of the nth request `METHOD /path` (query string left out). */
function body(call: string, nth = 0): unknown {
  const found = gh.requests.filter((r) => `${r.method} ${r.path.split("?")[0]}` === call)[nth];
  if (!found) throw new Error(`no request ${call} #${nth}`);
  return found.body;
}

async function deliver(id: string, name: "pull_request" | "check_run", payload: object): Promise<void> {
  await probot.receive({ id, name, payload: payload as never });
}

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("review of a pull request", () => {
  it("first push with errors: failing check run with annotations, one comment, suggestions, contract label", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));

    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      // « mon-entreprize » is a near miss of the id mon-entreprise: no need to read the startups' titles.
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `POST ${REPO}/issues/2/comments`,
      "POST /graphql",
      `POST ${REPO}/pulls/2/reviews`,
      `POST ${REPO}/labels`,
      `POST ${REPO}/issues/2/labels`,
    ]);
    const checkRun = body(`POST ${REPO}/check-runs`) as Record<string, unknown>;
    expect(checkRun).toMatchObject({
      name: "recrutement-bot",
      head_sha: state.headSha,
      status: "completed",
      conclusion: "failure",
      external_id: expect.stringMatching(/^2:[0-9a-f]{16}$/),
    });
    expect(state.checkRuns[0]!.title).toBe("3 points à corriger");
    expect(state.checkRuns[0]!.annotations).toEqual([
      expect.objectContaining({
        path: PATH,
        start_line: 3,
        end_line: 3,
        annotation_level: "failure",
        title: "À corriger (startup-unknown)",
      }),
      expect.objectContaining({ path: PATH, start_line: 4, end_line: 4, annotation_level: "warning", title: "Conseil (contract-alias)" }),
      expect.objectContaining({
        path: PATH,
        start_line: 5,
        end_line: 5,
        annotation_level: "failure",
        title: "À corriger (open-not-boolean)",
      }),
      expect.objectContaining({ path: PATH, start_line: 6, end_line: 6, annotation_level: "failure", title: "À corriger (date-format)" }),
    ]);
    expect(state.checkRuns[0]!.annotations[2]!.message).toMatch(/\nÀ écrire\u202F: open: true$/);
    expect(state.checkRuns[0]!.summary).toMatchSnapshot("check-run-summary");

    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toMatchSnapshot("comment-first-push");

    const review = body(`POST ${REPO}/pulls/2/reviews`) as {
      commit_id: string;
      event: string;
      comments: { path: string; line: number; side: string; body: string }[];
    };
    expect(review.commit_id).toBe(state.headSha);
    expect(review.event).toBe("COMMENT");
    expect(review.comments.map((c) => [c.path, c.line, c.side])).toEqual([
      [PATH, 4, "RIGHT"],
      [PATH, 5, "RIGHT"],
      [PATH, 6, "RIGHT"],
    ]);
    expect(review.comments[1]!.body).toMatch(/\n```suggestion\nopen: true\n```\n<!-- recrutement-bot:suggestion:[0-9a-f]{16} -->$/);

    expect(body(`POST ${REPO}/labels`)).toEqual({
      name: "contrat: indépendant",
      color: "fbca04",
      description: "Offre d'emploi\u202F: indépendant",
    });
    expect(body(`POST ${REPO}/issues/2/labels`)).toEqual({ labels: ["contrat: indépendant"] });
    gh.done();
  });

  it("fix pushed: the comment crosses out what was fixed, the check turns green, the suggestion threads are resolved, nothing posted twice", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    const firstComment = state.comments[0]!;
    gh.requests.length = 0;

    state.headSha = "1111111111111111111111111111111111111111";
    state.files = [{ filename: PATH, status: "added", content: FIXED }];
    await deliver("d-2", "pull_request", pullRequestEvent(state, "synchronize"));

    expect(gh.calls()).toEqual([
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `PATCH ${REPO}/issues/comments/${firstComment.id}`,
      // One mutation resolves the three suggestion threads.
      "POST /graphql",
    ]);
    expect(body(`POST ${REPO}/check-runs`)).toMatchObject({
      head_sha: state.headSha,
      conclusion: "success",
      output: { title: "Tout est en ordre", annotations: [] },
    });
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toMatchSnapshot("comment-fixed");
    expect(state.comments[0]!.body.match(/~~/g)).toHaveLength(4 * 4);
    expect(state.reviewComments.map((c) => c.resolved)).toEqual([true, true, true]);
    expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
    gh.done();
  });

  it("a pull request that never had a problem gets no comment", async () => {
    const state = defaultState({
      files: [{ filename: PATH, status: "added", content: FIXED }],
      repositoryLabels: [{ name: "contrat: indépendant", color: "fbca04", description: null }],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `POST ${REPO}/issues/2/labels`,
    ]);
    expect(state.comments).toEqual([]);
    gh.done();
  });

  it("a pull request from a fork: files read at the head commit through the base repository", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened", { fork: "contributrice" }));
    expect(gh.requests.every((r) => !r.path.includes("contributrice"))).toBe(true);
    const query = body("POST /graphql") as { query: string; variables: Record<string, unknown> };
    expect(query.variables).toMatchObject({ owner: "Codertocat", name: "Hello-World", number: 2, p0: `${state.headSha}:${PATH}` });
    // Paths travel as variables, never inside the query text.
    expect(query.query).not.toContain(PATH);
    expect(state.checkRuns[0]).toMatchObject({ head_sha: state.headSha, conclusion: "failure" });
    expect(state.comments).toHaveLength(1);
    expect(state.reviewComments).toHaveLength(3);
    gh.done();
  });

  it("a pull request touching 60 postings: 60 annotations sent 50 then 10, files read in one query", async () => {
    const files = Array.from({ length: 60 }, (_, i) => {
      const content = `---\nroles: Poste ${i}\nstartup: mes-aides\ncontrat: CDD\nopen: peut-être\n---\n\nTexte.\n`;
      return { filename: `content/_jobs/2026-03-01-poste-${String(i).padStart(2, "0")}.md`, status: "added" as const, content };
    });
    const state = defaultState({
      files,
      repositoryLabels: [{ name: "contrat: CDD", color: "5319e7", description: null }],
      pullRequestLabels: ["contrat: CDD"],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `PATCH ${REPO}/check-runs/${state.checkRuns[0]!.id}`,
      `POST ${REPO}/issues/2/comments`,
      "POST /graphql",
    ]);
    const create = body(`POST ${REPO}/check-runs`) as {
      output: { title: string; summary: string; annotations: { path: string; start_line: number }[] };
    };
    const update = body(`PATCH ${REPO}/check-runs/${state.checkRuns[0]!.id}`) as {
      output: { title: string; summary: string; annotations: { path: string; start_line: number }[] };
    };
    expect(create.output.annotations).toHaveLength(50);
    expect(update.output.annotations).toHaveLength(10);
    expect(update.output.title).toBe(create.output.title);
    expect(update.output.summary).toBe(create.output.summary);
    expect(update.output.annotations[9]).toMatchObject({ path: files[59]!.filename, start_line: 5, annotation_level: "failure" });
    expect(state.checkRuns[0]!.annotations).toHaveLength(60);
    expect(create.output.title).toBe("60 points à corriger dans 60 offres");
    const variables = (body("POST /graphql") as { variables: Record<string, string> }).variables;
    expect(Object.keys(variables).filter((k) => /^p\d+$/.test(k))).toHaveLength(60);
    gh.done();
  });

  it("the same delivery received twice: the replay does nothing; the same event under a new id changes nothing either", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    const payload = pullRequestEvent(state, "opened");
    await deliver("same-id", "pull_request", payload);
    const first = gh.calls().length;
    await deliver("same-id", "pull_request", payload);
    expect(gh.calls().slice(first)).toEqual([]);
    // The same event under another delivery id: reads only. The latest check run on the commit
    // (read in the same query) already says the same: no second one (issue 11, was one more POST).
    await deliver("other-id", "pull_request", payload);
    expect(gh.calls().slice(first)).toEqual([`GET ${REPO}/pulls/2/files`, "POST /graphql"]);
    expect(state.comments).toHaveLength(1);
    expect(state.reviewComments).toHaveLength(3);
    expect(state.checkRuns.map((r) => [r.conclusion, r.title, r.annotations.length])).toEqual([["failure", "3 points à corriger", 4]]);
    gh.done();
  });

  it("two events for the same pull request at once: reviewed one after the other, exactly one comment", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    await Promise.all([
      deliver("d-1", "pull_request", pullRequestEvent(state, "opened")),
      deliver("d-2", "pull_request", pullRequestEvent(state, "ready_for_review")),
    ]);
    expect(gh.calls().filter((c) => c === `POST ${REPO}/issues/2/comments`)).toHaveLength(1);
    expect(state.comments).toHaveLength(1);
    expect(state.reviewComments).toHaveLength(3);
    // ready_for_review with nothing new: the check run of the first review stands (issue 11: was 2).
    expect(state.checkRuns).toHaveLength(1);
    // The second review started after the first had finished writing.
    const calls = gh.calls().slice(1);
    const secondStart = calls.lastIndexOf(`GET ${REPO}/pulls/2/files`);
    expect(calls.slice(0, secondStart)).toContain(`POST ${REPO}/issues/2/labels`);
    gh.done();
  });

  it("a comment created at the same time by another instance: the oldest is kept, the duplicate removed", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    state.beforeCommentCreate = () => {
      state.beforeCommentCreate = undefined;
      state.comments.push({
        id: newId(),
        body: "<!-- recrutement-bot:review -->\nversion of the other instance",
        created_at: now(),
        bot: true,
      });
    };
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    const [other, mine] = gh.requests.filter((r) => r.method !== "GET" && r.path.includes("/comments"));
    expect(gh.calls().filter((c) => c.includes("/comments"))).toEqual([
      `POST ${REPO}/issues/2/comments`,
      expect.stringMatching(new RegExp(`^PATCH ${REPO}/issues/comments/\\d+$`)),
      expect.stringMatching(new RegExp(`^DELETE ${REPO}/issues/comments/\\d+$`)),
    ]);
    expect(other).toBeDefined();
    expect(mine).toBeDefined();
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain("Merci\u202F! 3 points à corriger avant la fusion");
    gh.done();
  });

  it("a duplicate comment found later is removed, the oldest one is edited", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    state.comments = [
      { id: 11, body: "<!-- recrutement-bot:review -->\nancienne version", created_at: "2026-03-01T10:00:00Z", bot: true },
      { id: 12, body: "Un humain qui cite <!-- recrutement-bot:review -->", created_at: "2026-03-01T10:00:01Z", bot: false },
      { id: 13, body: "<!-- recrutement-bot:review -->\ndoublon", created_at: "2026-03-01T10:00:02Z", bot: true },
    ];
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "synchronize"));
    expect(gh.calls().filter((c) => c.includes("/comments"))).toEqual([
      `DELETE ${REPO}/issues/comments/13`,
      `PATCH ${REPO}/issues/comments/11`,
    ]);
    expect(state.comments.map((c) => c.id)).toEqual([11, 12]);
    gh.done();
  });

  it("a config file with errors: reported in the check run in plain words, the defaults apply", async () => {
    const config = [
      "postings: content/_jobs",
      "language: klingon",
      "max-files: 0",
      "labels:",
      "  prefix: 'type: '",
      "  colour: red",
      "rules:",
      "  open-not-boolean: fatal",
    ].join("\n");
    const state = defaultState({ config, files: [{ filename: PATH, status: "added", content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    const summary = state.checkRuns[0]!.summary;
    expect(summary).toContain("### Configuration");
    expect(summary).toContain("Le fichier `.github/recrutement-bot.yml` (branche par défaut) contient des erreurs");
    expect(summary).toMatch(/- `language` \(ligne 2\)\u202F: /);
    expect(summary).toMatch(/- `max-files` \(ligne 3\)\u202F: /);
    expect(summary).toMatch(/- `labels\.colour` \(ligne 6\)\u202F: clé inconnue, ignorée/);
    expect(summary).toMatch(/- `rules\.open-not-boolean` \(ligne 8\)\u202F: /);
    // Valid keys are kept (label prefix), invalid ones fall back to their default (severity of open-not-boolean).
    expect(state.pullRequestLabels).toEqual(["type: indépendant"]);
    expect(state.checkRuns[0]!.annotations.find((a) => a.title?.includes("open-not-boolean"))?.annotation_level).toBe("failure");
    gh.done();
  });

  it("values that try to ping people or inject HTML are escaped in the comment", async () => {
    const state = defaultState({ files: [{ filename: "content/_jobs/@everyone <b>x</b>.md", status: "added", content: HOSTILE }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    const body = state.comments[0]!.body;
    expect(body).toMatchSnapshot("comment-hostile");
    // Code spans as CommonMark reads them: a backslash-escaped backtick opens none.
    const outsideCode = body.replace(/(?<![`\\])(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
    expect(outsideCode).not.toMatch(/@[A-Za-z]/);
    expect(outsideCode).not.toMatch(/<(?!!-- recrutement-bot:(?:review|row:[0-9a-f]{12}) -->|sub>|\/sub>)/);
    expect(body).not.toMatch(/<script|<img|<\/details>/);
    expect(body).not.toContain("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(state.pullRequestLabels).toEqual(["contrat: CDI"]);
    gh.done();
  });

  it("GitHub Enterprise Server: every request goes to GHE_HOST's API", async () => {
    const baseUrl = "https://ghe.example.test/api/v3";
    const state = defaultState({
      files: [{ filename: PATH, status: "added", content: FIXED }],
      pullRequestLabels: ["contrat: indépendant"],
    });
    setup(state, { baseUrl });
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(gh.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /api/graphql",
      `POST ${REPO}/check-runs`,
    ]);
    gh.done();
  });

  it("a re-run of the check run reviews the pull request named in external_id", async () => {
    const state = defaultState({
      files: [{ filename: PATH, status: "added", content: FIXED }],
      pullRequestLabels: ["contrat: indépendant"],
    });
    setup(state);
    await deliver("d-1", "check_run", checkRunRerequestedEvent(state, "2"));
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      // The check run does not say the pull request's base: read it.
      `GET ${REPO}/pulls/2`,
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
    ]);
    // external_id: the pull request, then the output's hash. A re-run always gets a new check run.
    expect(body(`POST ${REPO}/check-runs`)).toMatchObject({
      head_sha: state.headSha,
      conclusion: "success",
      external_id: expect.stringMatching(/^2:[0-9a-f]{16}$/),
    });
    gh.done();
  });

  it("reading fails: a neutral check run says so, nothing else is written, the log has no posting text", async () => {
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: WITH_ERRORS }], failFiles: 1 });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(gh.calls()).toEqual(["POST /app/installations/1/access_tokens", `GET ${REPO}/pulls/2/files`, `POST ${REPO}/check-runs`]);
    expect(body(`POST ${REPO}/check-runs`)).toMatchObject({ conclusion: "neutral", output: { title: "Relecture impossible" } });
    expect(logs.some((l) => l.msg === "review failed while reading: neutral check run" && l.level === 50)).toBe(true);
    expect(JSON.stringify(logs)).not.toContain("Mon Entreprise");
    gh.done();
  });

  it("labels: a stale contract label is removed, labels added by hand are left alone, an existing label is not recreated", async () => {
    const state = defaultState({
      files: [{ filename: PATH, status: "added", content: FIXED }],
      pullRequestLabels: ["contrat: CDI", "urgent", "Contrat: stage-like"],
      repositoryLabels: [
        { name: "contrat: CDI", color: "0e8a16", description: null },
        { name: "Contrat: Indépendant", color: "fbca04", description: null },
      ],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "synchronize"));
    expect(gh.calls().slice(4)).toEqual([`POST ${REPO}/issues/2/labels`, `DELETE ${REPO}/issues/2/labels/contrat%3A%20CDI`]);
    expect(body(`POST ${REPO}/issues/2/labels`)).toEqual({ labels: ["contrat: indépendant"] });
    expect(state.pullRequestLabels).toEqual(["urgent", "Contrat: stage-like", "contrat: indépendant"]);
    gh.done();
  });

  it("a pull request that changes no posting: a green check run and nothing else", async () => {
    const state = defaultState({
      files: [
        { filename: "README.md", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b" },
        { filename: "content/_jobs/old.md", status: "removed" },
      ],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(gh.calls().slice(1)).toEqual([`GET ${REPO}/pulls/2/files`, "POST /graphql", `POST ${REPO}/check-runs`]);
    expect(body(`POST ${REPO}/check-runs`)).toMatchObject({
      conclusion: "success",
      output: { title: "Aucune offre modifiée", summary: "Cette pull request ne modifie aucune offre du dossier `content/_jobs`." },
    });
    gh.done();
  });

  it("a modified posting: suggestions only on lines of the diff, the others explained in the comment", async () => {
    const patch = "@@ -3,3 +3,3 @@\n startup: mon-entreprize\n-contrat: CDI\n+contrat: independent\n open: oui";
    const state = defaultState({ files: [{ filename: PATH, status: "modified", patch, content: WITH_ERRORS }] });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "synchronize"));
    const review = gh.requests.find((r) => r.path.endsWith("/pulls/2/reviews"))!.body as { comments: { line: number }[] };
    expect(review.comments.map((c) => c.line)).toEqual([4, 5]);
    // Off the diff: no suggestion there, the line to write is in the comment's table.
    expect(state.comments[0]!.body).toContain("| `poste_ferme: 2026-07-07` |");
    expect(state.comments[0]!.body).toContain("| `open: true` ✏️ |");
    gh.done();
  });

  it("max-files: the first postings are reviewed and the comment and check run say the rest was not", async () => {
    const files = ["a", "b", "c"].map((n) => ({
      filename: `content/_jobs/2026-03-01-${n}.md`,
      status: "added" as const,
      content: WITH_ERRORS,
    }));
    const state = defaultState({ config: "max-files: 2\nlabels:\n  enabled: false\nsuggestions: false\n", files });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    // Written before the config is known (default max-files), the one query read all three.
    const query = body("POST /graphql") as { variables: Record<string, string> };
    expect(Object.keys(query.variables).filter((k) => /^p\d+$/.test(k))).toEqual(["p0", "p1", "p2"]);
    expect(state.checkRuns[0]!.annotations.map((a) => a.path)).not.toContain("content/_jobs/2026-03-01-c.md");
    const notice = "ℹ️ 1 offre de plus non relue\u202F: 2 au plus par pull request (option `max-files`).";
    expect(state.checkRuns[0]!.summary).toContain(notice);
    expect(state.comments[0]!.body).toContain(notice);
    expect(gh.calls().slice(1)).toEqual([
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `POST ${REPO}/issues/2/comments`,
      "POST /graphql",
    ]);
    gh.done();
  });

  it("a config that moves the postings folder: the first review reads again, the next ones read once", async () => {
    const state = defaultState({
      config: "postings: offres\n",
      files: [{ filename: "offres/2026-03-01-dev.md", status: "added", content: FIXED }],
      pullRequestLabels: ["contrat: indépendant"],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    await deliver("d-2", "pull_request", pullRequestEvent(state, "synchronize"));
    expect(gh.calls().slice(1)).toEqual([
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      "POST /graphql",
      `POST ${REPO}/check-runs`,
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      // The same commit, the same verdict: the check run already there stands (issue 11: was a second POST).
    ]);
    const reads = gh.requests
      .filter((r) => r.path === "/graphql")
      .map((r) => (r.body as { variables: Record<string, string> }).variables.p0);
    expect(reads).toEqual([undefined, `${state.headSha}:offres/2026-03-01-dev.md`, `${state.headSha}:offres/2026-03-01-dev.md`]);
    expect(state.checkRuns.map((r) => r.title)).toEqual(["Tout est en ordre"]);
    gh.done();
  });

  it("binary and oversized files are reported without being read", async () => {
    const state = defaultState({
      files: [
        { filename: "content/_jobs/photo.md", status: "added", content: { binary: true, size: 20_000 } },
        { filename: "content/_jobs/huge.md", status: "added", content: { size: 3_000_000 } },
      ],
    });
    setup(state);
    await deliver("d-1", "pull_request", pullRequestEvent(state, "opened"));
    expect(state.checkRuns[0]!.annotations.map((a) => [a.path, a.title])).toEqual([
      ["content/_jobs/huge.md", "À corriger (file-too-large)"],
      ["content/_jobs/photo.md", "À corriger (encoding)"],
    ]);
    expect(state.comments[0]!.body).toContain("Ce fichier est trop gros (3000000 octets, 1048576 au plus) pour être une offre.");
    gh.done();
  });
});
