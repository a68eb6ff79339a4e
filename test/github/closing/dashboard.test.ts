/**
 * The dashboard issue « Tableau de bord des offres », end to end through `close --repo` against
 * the fake GitHub (test/support/github): one issue after three runs, edited in
 * place when the postings change, never duplicated, kept closed when a person closed it; off
 * with `closing.dashboard: false`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import {
  addedBy,
  closingRepo,
  commentBodies,
  fakeClosingGitHub,
  mockGitHub,
  type ClosingRepo,
  type GitHubMock,
} from "../../support/github/index.js";
import { runCli } from "../../cli/helpers.js";
import { DASHBOARD_MARKER } from "../../../src/github/dashboard/dashboard-issue.js";
import type { Probot } from "probot";
import { createTestProbot } from "../../helpers/probot.js";
import { registerClosingCommands } from "../../../src/app/register-closing-commands.js";
import { changedLines, posting } from "./fixtures.js";

// The CLI's pace (1 s between writes) shrunk: these tests are not about it.
vi.mock("../../../src/github/create-app-octokit.js", async (original) =>
  (await import("./fast-octokit.js")).fastOctokitModule(await original()),
);

const F = "content/_jobs";
const ISSUES = "/repos/betagouv/offres/issues";
let gh: GitHubMock;

beforeEach(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function postings(): Record<string, string> {
  return {
    [`${F}/2024-06-01-loin.md`]: posting({ roles: "Loin", closing: "2024-12-31" }),
    [`${F}/2024-06-01-bientot.md`]: posting({ roles: "Bientôt", closing: "2024-09-02", contract: "CDD" }),
    [`${F}/2024-06-01-passee.md`]: posting({ roles: "Passée", closing: "2024-08-20" }),
    [`${F}/2024-01-02-sans-date.md`]: posting({ roles: "Sans date", closing: null }),
    [`${F}/2020-01-01-fermee.md`]: posting({ roles: "Fermée", open: false }),
  };
}

async function close(repo: ClosingRepo, today: string) {
  nock.cleanAll();
  gh = mockGitHub();
  fakeClosingGitHub(gh, repo);
  const r = await runCli(["close", "--repo", "betagouv/offres", "--today", today], { env: { GITHUB_TOKEN: "ghs_x" } });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return gh.calls().filter((c) => c === `GET ${ISSUES}` || c === `POST ${ISSUES}` || new RegExp(`^PATCH ${ISSUES}/\\d+$`).test(c));
}

const boxes = (name: string) => [
  `  - [ ] fermer maintenant <!-- recrutement-bot:action fermer path=${encodeURIComponent(`${F}/${name}`)} -->`,
  `  - [ ] prolonger de 30 jours <!-- recrutement-bot:action prolonger path=${encodeURIComponent(`${F}/${name}`)} -->`,
];
const link = (name: string) => `https://github.com/betagouv/offres/blob/main/content/_jobs/${name}`;

describe("the dashboard issue", () => {
  it("exists once after three runs, lists every open posting with its closing date, flags the notice window, and is edited in place", async () => {
    const repo = closingRepo(postings());
    expect(await close(repo, "2024-08-28")).toEqual([`GET ${ISSUES}`, `POST ${ISSUES}`]);
    expect(await close(repo, "2024-08-28")).toEqual([`GET ${ISSUES}`]);
    expect(await close(repo, "2024-08-28")).toEqual([`GET ${ISSUES}`]);
    expect(repo.issues).toHaveLength(1);
    const [issue] = repo.issues;
    expect(issue!.title).toBe("Tableau de bord des offres");
    expect(issue!.labels).toEqual(["tableau de bord"]);
    expect(issue!.body).toBe(
      [
        "Au 28 août 2024\u202F: 4 offres ouvertes, dont 1 à fermer, 1 qui ferme bientôt et 1 sans date de clôture. Ce tableau est mis à jour à chaque passage de recrutement-bot\u202F; ne le modifiez pas à la main.",
        "### À fermer",
        `- [Passée](${link("2024-06-01-passee.md")}) — devait fermer le 20 août 2024 (il y a 8 jours)`,
        "### Ouvertes, par date de clôture (⚠️\u202F: dans les 7 jours)",
        [
          `- ⚠️ [Bientôt](${link("2024-06-01-bientot.md")}) — ferme le 2 septembre 2024 (dans 5 jours)`,
          ...boxes("2024-06-01-bientot.md"),
          `- [Loin](${link("2024-06-01-loin.md")}) — ferme le 31 décembre 2024 (dans 125 jours)`,
          ...boxes("2024-06-01-loin.md"),
        ].join("\n"),
        "### Ouvertes sans date de clôture depuis plus de 90 jours",
        [
          `- [Sans date](${link("2024-01-02-sans-date.md")}) — ouverte le 2 janvier 2024, il y a 239 jours`,
          ...boxes("2024-01-02-sans-date.md").slice(0, 1),
        ].join("\n"),
        "### Pull requests de fermeture en attente",
        "- #100, ouverte aujourd'hui",
        "### Offres ouvertes par type de contrat",
        "- CDI\u202F: 3\n- CDD\u202F: 1",
        DASHBOARD_MARKER,
      ].join("\n\n"),
    );

    // A day later: the same issue, edited.
    expect(await close(repo, "2024-08-29")).toEqual([`GET ${ISSUES}`, `PATCH ${ISSUES}/1`]);
    expect(repo.issues).toHaveLength(1);
    expect(repo.issues[0]!.body).toContain("ferme le 2 septembre 2024 (dans 4 jours)");
    expect(gh.invalid).toEqual([]);
  });

  it("closed by a person: stays closed, still kept up to date, never duplicated", async () => {
    const repo = closingRepo(postings());
    await close(repo, "2024-08-28");
    repo.issues[0]!.state = "closed";
    expect(await close(repo, "2024-08-30")).toEqual([`GET ${ISSUES}`, `PATCH ${ISSUES}/1`]);
    expect(repo.issues.map((i) => [i.number, i.state])).toEqual([[1, "closed"]]);
  });

  it("closing.dashboard: false: no request about it", async () => {
    const repo = closingRepo({ ...postings(), ".github/recrutement-bot.yml": "closing:\n  dashboard: false\n" });
    expect(await close(repo, "2024-08-28")).toEqual([]);
    expect(repo.issues).toEqual([]);
  });
});

describe("the dashboard's boxes, through a real Probot", () => {
  const NOW = new Date("2024-08-28T08:00:00Z");
  const tick = (body: string, name: string, action: "fermer" | "prolonger") =>
    body.replace(
      `- [ ] ${action === "fermer" ? "fermer maintenant" : "prolonger de 30 jours"} <!-- recrutement-bot:action ${action} path=${encodeURIComponent(`${F}/${name}`)} -->`,
      (l) => l.replace("- [ ]", "- [x]"),
    );
  function edited(id: string, body: string, previous: string, login: string) {
    return {
      id,
      name: "issues" as const,
      payload: {
        action: "edited",
        issue: { number: 1, state: "open", body },
        changes: { body: { from: previous } },
        repository: { name: "offres", full_name: "betagouv/offres", default_branch: "main", owner: { login: "betagouv" } },
        installation: { id: 1 },
        sender: { login, type: "User" },
      } as never,
    };
  }
  const probot = () => createTestProbot((a: Probot) => registerClosingCommands(a, { now: () => NOW })).probot;
  const token = () =>
    gh.scope
      .post("/app/installations/1/access_tokens")
      .optionally()
      .times(10)
      .reply(201, { token: "ghs_test", expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" });

  it("« fermer maintenant » opens the closing pull request today, « prolonger de 30 jours » the extension one; each once; the boxes unticked; the next run keeps them", async () => {
    const repo = closingRepo(postings());
    repo.collaborators.set("alice", "write");
    await close(repo, "2024-08-28");
    const before = repo.issues[0]!.body;
    const body = tick(tick(before, "2024-06-01-loin.md", "fermer"), "2024-06-01-bientot.md", "prolonger");
    repo.issues[0]!.body = body;
    token();
    const app = probot();
    await app.receive(edited("10", body, before, "alice"));

    const loin = repo.pulls.find((p) => p.head === "recrutement-bot/fermeture/2024-06-01-loin")!;
    expect(loin.title).toBe("Fermer l'offre «\u202FLoin\u202F»");
    expect(loin.body).toContain("@alice a demandé depuis le tableau de bord de fermer maintenant l'offre «\u202FLoin\u202F»");
    expect(changedLines(repo.files[`${F}/2024-06-01-loin.md`]!, repo.branches.get(loin.head)![`${F}/2024-06-01-loin.md`]!)).toEqual([
      [7, "open: false # affichée sur le site"],
    ]);
    const bientot = repo.pulls.find((p) => p.head === "recrutement-bot/prolongation/2024-06-01-bientot")!;
    expect(bientot.title).toBe("Prolonger l'offre «\u202FBientôt\u202F» jusqu'au 2 octobre 2024");
    expect(
      changedLines(repo.files[`${F}/2024-06-01-bientot.md`]!, repo.branches.get(bientot.head)![`${F}/2024-06-01-bientot.md`]!),
    ).toEqual([[6, "poste_ferme: 2024-10-02"]]);
    // In the dashboard's order: « Bientôt » first (the sooner closing date).
    expect(commentBodies(repo, 1)).toEqual([
      `@alice\u202F: la pull request qui prolonge l'offre «\u202FBientôt\u202F» jusqu'au 2 octobre 2024 est ouverte, #${bientot.number}.`,
      `@alice\u202F: la pull request qui ferme l'offre «\u202FLoin\u202F» est ouverte, #${loin.number}.`,
    ]);
    expect(repo.issues[0]!.body).toBe(before);

    // The same edit delivered again, or an edit that ticks nothing new: nothing more.
    const pulls = repo.pulls.length;
    await app.receive(edited("10", body, before, "alice"));
    await app.receive(edited("11", body, body, "alice"));
    expect(repo.pulls).toHaveLength(pulls);

    // The next closing run keeps the asked pull request although « Loin » is not due.
    const writes = repo.writes.length;
    await close(repo, "2024-08-28");
    expect(repo.pulls.find((p) => p.number === loin.number)!.state).toBe("open");
    expect(repo.writeRequests.slice(writes).filter((w) => !w.includes("/issues/1"))).toEqual([]);
    expect(gh.invalid).toEqual([]);
  });

  it("ticked by someone without write access: a polite refusal, the box unticked, nothing opened", async () => {
    const repo = closingRepo(postings());
    await close(repo, "2024-08-28");
    const before = repo.issues[0]!.body;
    const body = tick(before, "2024-06-01-loin.md", "fermer");
    token();
    const pulls = repo.pulls.length;
    await probot().receive(edited("12", body, before, "passant"));
    expect(repo.pulls).toHaveLength(pulls);
    expect(commentBodies(repo, 1)).toEqual([
      "Merci @passant\u202F! `fermer maintenant` demande les droits d'écriture sur le dépôt, que vous n'avez pas. Une personne qui les a peut le faire, ou vous pouvez modifier le fichier de l'offre dans une pull request.",
    ]);
    expect(repo.issues[0]!.body).toBe(before);
  });
});

describe("the notice before the date", () => {
  it("within closing.notice-days: one comment on the merged pull request that added the posting, once per date; a new date, a new notice", async () => {
    const repo = closingRepo(postings());
    addedBy(repo, `${F}/2024-06-01-bientot.md`, "marie-dupont", 42);
    addedBy(repo, `${F}/2024-06-01-loin.md`, "jean-martin", 43);
    await close(repo, "2024-08-28");
    await close(repo, "2024-08-29");
    await close(repo, "2024-08-30");
    const marker = `<!-- recrutement-bot:preavis path=${encodeURIComponent(`${F}/2024-06-01-bientot.md`)} date=2024-09-02 -->`;
    expect(commentBodies(repo, 42)).toEqual([
      `@marie-dupont, l'offre «\u202FBientôt\u202F» ajoutée par cette pull request ferme le 2 septembre 2024 (dans 5 jours). Le 3 septembre 2024, recrutement-bot proposera de la fermer. Pour la garder ouverte plus longtemps, [changez la date de clôture](https://github.com/betagouv/offres/edit/main/${F}/2024-06-01-bientot.md) pour une date à venir.\n\n${marker}`,
    ]);
    // « Loin » closes in more than 7 days: nothing.
    expect(commentBodies(repo, 43)).toEqual([]);

    // The date moved, still within the window: noticed again, once.
    repo.files[`${F}/2024-06-01-bientot.md`] = posting({ roles: "Bientôt", closing: "2024-09-04", contract: "CDD" });
    await close(repo, "2024-08-30");
    await close(repo, "2024-08-31");
    expect(commentBodies(repo, 42)).toHaveLength(2);
    expect(commentBodies(repo, 42)[1]).toContain("ferme le 4 septembre 2024 (dans 5 jours)");
  });
});
