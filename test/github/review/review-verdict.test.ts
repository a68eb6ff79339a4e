/**
 * The review's verdict end to end, through a real Probot and the fake GitHub: only what a pull
 * request changed can block it, the app's own closing pull requests are green, what breaks a
 * page is red, advice is advice, and a maintainer's override label works both ways.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { mockGitHub, type GitHubMock, defaultState, fakeGitHub, type FakeState } from "../../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../../helpers/probot.js";
import { registerReview } from "../../../src/app/register-review.js";
import { pullRequestEvent } from "./payloads.js";

vi.setConfig({ testTimeout: 60_000 });

const REPO = "/repos/Codertocat/Hello-World";
const LEGACY_PATH = "content/_jobs/2021-02-01-coach-agile.md";
/** A legacy posting: its startup is gone, its opening date is not ISO. */
const LEGACY = [
  "---",
  "roles: Coach agile",
  "startup: disparue",
  "post_ouvert: 01/02/2021",
  "poste_ferme: 2021-03-01",
  "open: true",
  "---",
  "",
  "Texte.",
  "",
].join("\n");

let gh: GitHubMock;
let probot: Probot;

function setup(state: FakeState): void {
  gh = mockGitHub();
  mockInstallationToken(gh.scope, 1);
  fakeGitHub(gh, state);
  ({ probot } = createTestProbot((app: Probot) => registerReview(app)));
}

async function deliver(id: string, payload: object): Promise<void> {
  await probot.receive({ id, name: "pull_request", payload: payload as never });
}

const words = (markdown: string) =>
  markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .split(/[\s|]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("what blocks a pull request", () => {
  it("a pull request that only extends a legacy posting's closing date is not red; the old problems are folded in the comment", async () => {
    const state = defaultState({
      files: [
        {
          filename: LEGACY_PATH,
          status: "modified",
          content: LEGACY.replace("poste_ferme: 2021-03-01", "poste_ferme: 2021-06-01"),
          baseContent: LEGACY,
          patch: "@@ -4,3 +4,3 @@\n post_ouvert: 01/02/2021\n-poste_ferme: 2021-03-01\n+poste_ferme: 2021-06-01\n open: true",
        },
      ],
    });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    // The posting is read at the head and at the base commit in the one query.
    expect(state.graphqlQueries[0]).toContain("b0: object(expression: $b0)");
    expect(state.checkRuns).toHaveLength(1);
    expect(state.checkRuns[0]).toMatchObject({ conclusion: "success", annotations: [] });
    expect(state.checkRuns[0]!.summary).toContain(
      "ℹ️ 2 remarques déjà présentes avant cette pull request\u202F: non bloquant, voir le commentaire.",
    );
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]!.body).toContain("<details><summary>Déjà présent avant cette pull request (2, non bloquant)</summary>");
    expect(state.comments[0]!.body).toContain("Merci\u202F! Rien de bloquant.");
    gh.done();
  });

  it("the app's own closing pull request (only `open: false`) is green, without a comment or suggestions", async () => {
    const state = defaultState({
      files: [
        {
          filename: LEGACY_PATH,
          status: "modified",
          content: LEGACY.replace("open: true", "open: false"),
          baseContent: LEGACY,
          patch: "@@ -5,2 +5,2 @@\n poste_ferme: 2021-03-01\n-open: true\n+open: false",
        },
      ],
    });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
    ]);
    expect(state.checkRuns[0]).toMatchObject({
      conclusion: "success",
      title: "Fermeture d'offre\u202F: seule la ligne open change",
      annotations: [],
    });
    expect(state.comments).toEqual([]);
    expect(state.reviewComments).toEqual([]);
    gh.done();
  });

  it("a partner posting without externalURL is red: its page would show an empty link", async () => {
    const partner = [
      "---",
      "roles: Designer",
      "friend: L'Atelier numérique",
      "type: friend",
      "contrat: CDD",
      "poste_ferme: 2026-07-07",
      "open: true",
      "---",
      "",
      "Texte.",
      "",
    ].join("\n");
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-designer.md", status: "added", content: partner }] });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(state.checkRuns[0]!.conclusion).toBe("failure");
    expect(state.checkRuns[0]!.annotations.map((a) => [a.title, a.annotation_level])).toEqual([
      ["À corriger (partner-url-missing)", "failure"],
    ]);
    gh.done();
  });

  it("a posting without `contrat` whose text says « stage » gets advice and a suggestion adding `contrat: stage`", async () => {
    const text = [
      "---",
      "roles: Chargé·e de communication",
      "startup: mon-entreprise",
      "poste_ferme: 2026-07-07",
      "open: true",
      "---",
      "",
      "Un stage de 6 mois à Paris.",
      "",
    ].join("\n");
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-com.md", status: "added", content: text }] });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(state.checkRuns[0]!.conclusion).toBe("success");
    expect(state.checkRuns[0]!.annotations.map((a) => [a.title, a.annotation_level])).toEqual([["Conseil (contract-missing)", "warning"]]);
    expect(state.reviewComments).toHaveLength(1);
    const suggestion = state.reviewComments[0]!;
    expect(suggestion.body).toContain("```suggestion\nroles: Chargé·e de communication\ncontrat: stage\n```");
    expect(suggestion.body).toContain("Proposition à vérifier avant de l'appliquer\u202F:");
    gh.done();
  });

  it("the comment for one small mistake is under 60 words", async () => {
    const text = [
      "---",
      "roles: Développeur·se",
      "startup: mon-entreprise",
      "contrat: CDI",
      "poste_ferme: 2026-07-07",
      "open: oui",
      "---",
      "",
      "Texte.",
      "",
    ].join("\n");
    const state = defaultState({ files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: text }] });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(state.checkRuns[0]!.conclusion).toBe("failure");
    expect(state.comments).toHaveLength(1);
    expect(words(state.comments[0]!.body)).toBeLessThan(60);
    gh.done();
  });
});

describe("a late delivery", () => {
  it("an event redelivered after a newer push gets its commit's check run, but leaves the comment, suggestions and labels to the newer head", async () => {
    const text = [
      "---",
      "roles: Développeur·se",
      "startup: mon-entreprise",
      "contrat: CDI",
      "poste_ferme: 2026-07-07",
      "open: oui",
      "---",
      "",
      "Texte.",
      "",
    ].join("\n");
    const state = defaultState({
      files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: text }],
      currentHead: "9".repeat(40),
    });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `GET ${REPO}/pulls/2/files`,
      "POST /graphql",
      `POST ${REPO}/check-runs`,
    ]);
    expect(state.checkRuns[0]).toMatchObject({ head_sha: state.headSha, conclusion: "failure" });
    expect(state.comments).toEqual([]);
    expect(state.reviewComments).toEqual([]);
    gh.done();
  });
});

describe("who recruits", () => {
  it("a startup written by its title is recognised (titles read once, in one query): advice and the fix to its id", async () => {
    const text = [
      "---",
      "roles: Développeur·se",
      "startup: DossierFacile",
      "contrat: CDI",
      "poste_ferme: 2026-07-07",
      "open: true",
      "---",
      "",
      "Texte.",
      "",
    ].join("\n");
    const state = defaultState({
      startups: ["locatio", "api-gouv"],
      startupTitles: { locatio: "DossierFacile" },
      files: [{ filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: text }],
    });
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "opened"));
    expect(state.graphqlQueries.filter((q) => q.startsWith("query StartupTitles"))).toHaveLength(1);
    expect(state.checkRuns[0]!.conclusion).toBe("success");
    expect(state.checkRuns[0]!.annotations).toEqual([expect.objectContaining({ start_line: 3, annotation_level: "warning" })]);
    expect(state.reviewComments.map((c) => c.body)).toEqual([expect.stringContaining("```suggestion\nstartup: locatio\n```")]);
    gh.done();
  });
});

describe("the override label", () => {
  const failing = () =>
    defaultState({
      files: [
        {
          filename: "content/_jobs/2026-03-01-dev.md",
          status: "added",
          content: ["---", "roles: Dev", "startup: inconnue-au-bataillon", "open: true", "---", ""].join("\n"),
        },
      ],
    });

  it("added by someone with write access turns the check green; removed, the check is red again", async () => {
    const state = failing();
    state.permissions = { maintainer: "write" };
    setup(state);
    state.pullRequestLabels = ["relecture: ok"];
    state.labelEvents = [{ label: "relecture: ok", actor: "maintainer" }];
    await deliver("v-1", pullRequestEvent(state, "labeled", { label: "relecture: ok", sender: { login: "maintainer", type: "User" } }));
    expect(gh.calls()).toContain(`GET ${REPO}/collaborators/maintainer/permission`);
    expect(state.checkRuns[0]).toMatchObject({ conclusion: "success", title: "Levée par maintainer" });
    expect(state.checkRuns[0]!.summary).toContain("Vérification levée par **maintainer** avec l'étiquette `relecture: ok`");

    state.pullRequestLabels = [];
    await deliver("v-2", pullRequestEvent(state, "unlabeled", { label: "relecture: ok", sender: { login: "maintainer", type: "User" } }));
    expect(state.checkRuns).toHaveLength(2);
    expect(state.checkRuns[1]!.conclusion).toBe("failure");
    gh.done();
  });

  it("added by someone without write access: ignored, and the check says why", async () => {
    const state = failing();
    state.permissions = { passant: "read" };
    state.pullRequestLabels = ["relecture: ok"];
    state.labelEvents = [{ label: "relecture: ok", actor: "passant" }];
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "labeled", { label: "relecture: ok", sender: { login: "passant", type: "User" } }));
    expect(state.checkRuns[0]!.conclusion).toBe("failure");
    expect(state.checkRuns[0]!.summary).toContain("a été posée par **passant**, sans droit d'écriture sur le dépôt");
    gh.done();
  });

  it("other labels, and labels set by bots (the app's own contract labels), start no review", async () => {
    const state = failing();
    setup(state);
    await deliver("v-1", pullRequestEvent(state, "labeled", { label: "bug", sender: { login: "someone", type: "User" } }));
    await deliver(
      "v-2",
      pullRequestEvent(state, "labeled", { label: "relecture: ok", sender: { login: "recrutement-bot[bot]", type: "Bot" } }),
    );
    expect(gh.requests).toEqual([]);
  });
});
