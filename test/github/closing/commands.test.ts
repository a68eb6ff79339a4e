/**
 * `/prolonger` and `/garder-ouverte` on a closing pull request, end to end: the closing run opens
 * its pull request on the fake GitHub (test/support/github), then a real Probot
 * receives the comment (real webhook dispatch, installation token) and answers on the same
 * stand-in; the next run sees what the command left.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import pino from "pino";
import type { Probot } from "probot";
import {
  closingRepo,
  commentBodies,
  createPullRequest,
  fakeClosingGitHub,
  mockGitHub,
  type ClosingRepo,
  type GitHubMock,
} from "../../support/github/index.js";
import { createTestProbot } from "../../helpers/probot.js";
import { registerClosingCommands } from "../../../src/app/register-closing-commands.js";
import { extensionMarker } from "../../../src/github/closing/commands.js";
import { runClosing } from "../../../src/github/closing/run-closing.js";
import { extensionDay, parseClosingCommand, setClosingDate } from "../../../src/core/closing/extend-date.js";
import { parseMarkers } from "../../../src/core/closing/marker.js";
import { changedLines, config, posting } from "./fixtures.js";

const R = "/repos/betagouv/offres";
const PATH = "content/_jobs/2021-06-09-dev.md";
const BRANCH = "recrutement-bot/fermeture/2021-06-09-dev";
const CONFIG = `${R}/contents/${encodeURIComponent(".github/recrutement-bot.yml")}`;
const NOW = new Date("2021-07-08T08:00:00Z");
const TEXT = posting({ roles: "Développeur·se", closing: "2021-07-07" });

let gh: GitHubMock;
let repo: ClosingRepo;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
  repo = closingRepo({ [PATH]: TEXT });
  repo.collaborators.set("alice", "write");
  repo.collaborators.set("lecteur", "read");
  fakeClosingGitHub(gh, repo);
  gh.scope
    .post("/app/installations/1/access_tokens")
    .optionally()
    .times(10)
    .reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" });
});
afterEach(() => nock.cleanAll());

const silent = pino({ level: "silent" });
const octokit = () => new Octokit({ auth: "ghs_test", log: { debug() {}, info() {}, warn() {}, error() {} }, request: { retries: 0 } });
const run = () => runClosing(octokit(), { owner: "betagouv", repo: "offres" }, { config: config(), now: NOW, log: silent });

function comment(id: string, body: string, login: string, number = 100) {
  return {
    id,
    name: "issue_comment" as const,
    payload: {
      action: "created",
      issue: { number, state: "open", pull_request: { url: `https://api.github.com${R}/pulls/${number}` } },
      comment: { id: Number(id), body, user: { login, type: "User" } },
      repository: { name: "offres", full_name: "betagouv/offres", default_branch: "main", owner: { login: "betagouv" } },
      installation: { id: 1 },
      sender: { login, type: "User" },
    } as never,
  };
}

function app() {
  return createTestProbot((a: Probot) => registerClosingCommands(a, { now: () => NOW })).probot;
}

/** The calls after the first `from`, the installation token left out. */
const callsFrom = (from: number) =>
  gh
    .calls()
    .slice(from)
    .filter((c) => !c.includes("/access_tokens"));

describe("/prolonger on the closing pull request", () => {
  it("by someone with write access: the branch now changes only the closing-date line, title and body say so, and the next run leaves it alone", async () => {
    await run();
    expect(repo.pulls.map((p) => [p.number, p.head, p.state])).toEqual([[100, BRANCH, "open"]]);
    const before = gh.calls().length;

    await app().receive(comment("1", "/prolonger 2021-08-31", "alice"));

    expect(callsFrom(before)).toEqual([
      `GET ${CONFIG}`,
      `GET ${R}/pulls/100`,
      `GET ${R}/collaborators/alice/permission`,
      `GET ${R}/contents/${encodeURIComponent(PATH)}`,
      `GET ${R}/git/ref/${encodeURIComponent("heads/main")}`,
      `PATCH ${R}/git/refs/${encodeURIComponent(`heads/${BRANCH}`)}`,
      `PUT ${R}/contents/${encodeURIComponent(PATH)}`,
      `PATCH ${R}/pulls/100`,
      `POST ${R}/issues/100/comments`,
    ]);
    // One line changed against the default branch: the closing date; `open: true` stays.
    expect(changedLines(TEXT, repo.branches.get(BRANCH)![PATH]!)).toEqual([[6, "poste_ferme: 2021-08-31"]]);
    const pull = repo.pulls[0]!;
    expect(pull.title).toBe("Prolonger l'offre «\u202FDéveloppeur·se\u202F» jusqu'au 31 août 2021");
    expect(pull.body).toBe(
      [
        `À la demande de @alice, cette pull request ne ferme plus l'offre «\u202FDéveloppeur·se\u202F» (\`${PATH}\`)\u202F: elle repousse sa date de clôture au 31 août 2021 (ligne 6\u202F: \`poste_ferme: 2021-08-31\`). Rien d'autre ne change dans le fichier.`,
        "---",
        "- **Fusionner**\u202F: l'offre reste ouverte jusqu'au 31 août 2021\u202F; sa fermeture sera proposée le lendemain.\n- **Fermer sans fusionner**\u202F: la date ne change pas, et la fermeture de l'offre sera proposée de nouveau au prochain passage.",
        "<sub>Proposée par recrutement-bot, qui relit chaque jour les dates de clôture des offres.</sub>",
        extensionMarker(PATH),
      ].join("\n\n"),
    );
    expect(parseMarkers(pull.body)).toEqual([]);
    expect(commentBodies(repo, 100)).toEqual([
      "C'est fait, @alice\u202F: cette pull request ne ferme plus l'offre, elle repousse sa date de clôture au 31 août 2021. Fusionnez-la pour que la nouvelle date compte.",
    ]);

    // The next run: the extension pull request is not the closing job's any more; nothing written.
    const writes = repo.writes.length;
    const again = await run();
    expect(again.plan.map((a) => a.kind)).toEqual(["keep"]);
    expect(repo.writes.length).toBe(writes);
    expect(repo.branches.get(BRANCH)![PATH]).toContain("poste_ferme: 2021-08-31");
    // Every REST request as GitHub's description has it.
    expect(gh.invalid).toEqual([]);
  });

  it("`/prolonger 30 jours`: thirty days from today in the configured time zone", async () => {
    await run();
    await app().receive(comment("2", "/prolonger 30 jours\nMerci !", "alice"));
    expect(changedLines(TEXT, repo.branches.get(BRANCH)![PATH]!)).toEqual([[6, "poste_ferme: 2021-08-07"]]);
    expect(repo.pulls[0]!.title).toBe("Prolonger l'offre «\u202FDéveloppeur·se\u202F» jusqu'au 7 août 2021");
  });

  it("without write access: a polite refusal, nothing else", async () => {
    await run();
    const before = gh.calls().length;
    const branch = { ...repo.branches.get(BRANCH)! };
    await app().receive(comment("3", "/prolonger 2021-08-31", "lecteur"));
    expect(callsFrom(before)).toEqual([
      `GET ${CONFIG}`,
      `GET ${R}/pulls/100`,
      `GET ${R}/collaborators/lecteur/permission`,
      `POST ${R}/issues/100/comments`,
    ]);
    expect(commentBodies(repo, 100)).toEqual([
      "Merci @lecteur\u202F! `/prolonger` demande les droits d'écriture sur le dépôt, que vous n'avez pas. Une personne qui les a peut le faire, ou vous pouvez modifier le fichier de l'offre dans une pull request.",
    ]);
    expect(repo.branches.get(BRANCH)).toEqual(branch);
    expect(repo.pulls[0]!.state).toBe("open");
  });

  it("a date not understood, or in the past: said, nothing changed", async () => {
    await run();
    await app().receive(comment("4", "/prolonger 2021-07-01", "alice"));
    expect(commentBodies(repo, 100)).toEqual([
      "Je n'ai pas compris «\u202F2021-07-01\u202F»\u202F: écrivez `/prolonger AAAA-MM-JJ` avec une date après aujourd'hui (8 juillet 2021), ou `/prolonger 30 jours` (de 1 à 365 jours). Rien n'a changé.",
    ]);
    expect(repo.pulls[0]!.title).toBe("Fermer l'offre «\u202FDéveloppeur·se\u202F»");
  });

  it("a comment that is no command, or on another pull request: no request at all, or none that writes", async () => {
    await run();
    const before = gh.calls().length;
    await app().receive(comment("5", "Je regarde ça demain, /prolonger peut-être", "alice"));
    expect(callsFrom(before)).toEqual([]);
    repo.pulls.push(createPullRequest({ number: 7, head: "feature", state: "open", title: "x", body: "", labels: [] }));
    await app().receive(comment("6", "/prolonger 30 jours", "alice", 7));
    expect(callsFrom(before)).toEqual([`GET ${CONFIG}`, `GET ${R}/pulls/7`]);
  });
});

describe("/garder-ouverte", () => {
  it("closes the pull request as a person does: the next run does not propose it again for this version of the file", async () => {
    await run();
    const before = gh.calls().length;
    await app().receive(comment("7", "/garder-ouverte", "alice"));
    expect(callsFrom(before)).toEqual([
      `GET ${CONFIG}`,
      `GET ${R}/pulls/100`,
      `GET ${R}/collaborators/alice/permission`,
      `POST ${R}/issues/100/comments`,
      `PATCH ${R}/pulls/100`,
    ]);
    expect(repo.pulls[0]!.state).toBe("closed");
    expect(commentBodies(repo, 100)).toEqual([
      "C'est noté, @alice\u202F: l'offre reste ouverte. Je ferme cette pull request, et je ne la proposerai plus tant que le fichier de l'offre ne change pas.",
    ]);

    const again = await run();
    expect(again.plan).toMatchObject([{ kind: "skip-declined", pr: 100 }]);
    expect(repo.pulls).toHaveLength(1);
  });
});

describe("the commands, pure", () => {
  it("reads the first line only", () => {
    expect(parseClosingCommand("/prolonger 2024-09-30")).toEqual({ kind: "extend", argument: "2024-09-30" });
    expect(parseClosingCommand("  /Prolonger   30 jours  \nmerci")).toEqual({ kind: "extend", argument: "30 jours" });
    expect(parseClosingCommand("/garder-ouverte")).toEqual({ kind: "keep" });
    expect(parseClosingCommand("merci\n/garder-ouverte")).toBeNull();
    expect(parseClosingCommand("/prolongerait")).toBeNull();
  });

  it("a day after today, a year at most", () => {
    expect(extensionDay("2024-09-30", "2024-08-28")).toBe("2024-09-30");
    expect(extensionDay("30 jours", "2024-08-28")).toBe("2024-09-27");
    expect(extensionDay("1 j", "2024-12-31")).toBe("2025-01-01");
    for (const bad of ["2024-08-28", "2024-02-30", "0 jours", "366 jours", "2025-08-29", "demain", ""])
      expect(extensionDay(bad, "2024-08-28"), bad).toBeNull();
  });

  it("changes only the date's characters: quotes, comment, CRLF kept", () => {
    const crlf = "---\r\nroles: X\r\nposte_ferme: '2021-07-07' # fin\r\nopen: true\r\n---\r\ntexte\r\n";
    expect(setClosingDate(crlf, "poste_ferme", "2021-08-31")).toEqual({ text: crlf.replace("2021-07-07", "2021-08-31"), line: 3 });
    expect(setClosingDate("---\nroles: X\nopen: true\n---\nposte_ferme: 2021-07-07\n", "poste_ferme", "2021-08-31")).toBeNull();
  });
});
