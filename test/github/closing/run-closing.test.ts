/**
 * The closing job against a GitHub answered by nock: the exact requests, in order, with their
 * bodies, every one checked against GitHub's REST description (gh.done()).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { mockGitHub, type GitHubMock } from "../../support/github/index.js";
import { runClosing } from "../../../src/github/closing/run-closing.js";
import { apiUrlOf, editUrl, webUrlOf } from "../../../src/github/closing/render-pull-request.js";
import { GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import { renderMarker, CLOSED_BY_APP } from "../../../src/core/closing/marker.js";
import type { GitHub } from "../../../src/github/octokit.js";
import type { ConfigInput } from "../../../src/config/schema.js";
import {
  blobOid,
  branch,
  changedLines,
  config,
  HEAD,
  memoryLogger,
  mockAuthors,
  mockHistory,
  mockScan,
  posting,
  scanAnswer,
  SEED_CLOSED,
  SEED_DUE,
  TREE,
} from "./fixtures.js";

const REPO = { owner: "betagouv", repo: "offres" };
const R = "/repos/betagouv/offres";
const SEED_NAME = "2021-06-09-atelier-numerique.md";
const SEED_PATH = `content/_jobs/${SEED_NAME}`;
const enc = (p: string) => encodeURIComponent(p);

let gh: GitHubMock;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
});
afterEach(() => nock.cleanAll());

function octokit(): GitHub {
  return new Octokit({ auth: "ghs_test", log: { debug() {}, info() {}, warn() {}, error() {} } });
}

async function run(input: ConfigInput = {}, today = "2021-07-08", dryRun?: boolean) {
  const { log, lines } = memoryLogger();
  const report = await runClosing(octokit(), REPO, {
    config: config(input),
    now: new Date("2030-01-01T00:00:00Z"),
    today,
    log,
    ...(dryRun === undefined ? {} : { dryRun }),
  });
  return { report, logs: lines };
}

const body = (i: number) => gh.requests[i]!.body as Record<string, unknown>;
const decoded = (i: number) => Buffer.from(String(body(i).content), "base64").toString("utf8");

describe("one posting due (the seed, poste_ferme: 2021-07-07)", () => {
  it("on 2021-07-08: branch, one commit changing line 13 only, a pull request in French, labels", async () => {
    mockScan(gh.scope, [
      { name: SEED_NAME, text: SEED_DUE },
      { name: "2022-01-01-ellesfontlaculture.md", text: SEED_CLOSED },
    ]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    // Added by a commit pushed to the default branch (no pull request): its author is asked.
    mockAuthors(gh.scope, [SEED_PATH], { [SEED_PATH]: { commit: "jean-martin" } });
    gh.scope.post(`${R}/git/refs`).reply(201, { ref: `refs/heads/${branch("2021-06-09-atelier-numerique")}`, object: { sha: HEAD } });
    gh.scope.put(`${R}/contents/${enc(SEED_PATH)}`).reply(200, { content: {}, commit: { sha: "c".repeat(40) } });
    gh.scope.post(`${R}/pulls`).reply(201, { number: 42 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/42/labels`).reply(200, []);
    gh.scope.post(`${R}/pulls/42/requested_reviewers`).reply(201, {});

    const { report, logs } = await run();

    expect(gh.calls()).toEqual([
      "POST /graphql",
      "POST /graphql",
      "POST /graphql",
      `POST ${R}/git/refs`,
      `PUT ${R}/contents/${enc(SEED_PATH)}`,
      `POST ${R}/pulls`,
      `POST ${R}/labels`,
      `POST ${R}/issues/42/labels`,
      `POST ${R}/pulls/42/requested_reviewers`,
    ]);
    expect(body(3)).toEqual({ ref: "refs/heads/recrutement-bot/fermeture/2021-06-09-atelier-numerique", sha: HEAD });
    expect(body(4)).toMatchObject({
      branch: "recrutement-bot/fermeture/2021-06-09-atelier-numerique",
      sha: blobOid(SEED_DUE),
      message: "Fermer l'offre «\u202FChargé.e de développement de l'atelier numérique\u202F» (open: false)",
    });
    expect(changedLines(SEED_DUE, decoded(4))).toEqual([[13, "open: false"]]);
    expect(SEED_DUE.split("\n")[12]).toBe("open: true");

    const pr = body(5);
    expect(pr).toMatchObject({
      title: "Fermer l'offre «\u202FChargé.e de développement de l'atelier numérique\u202F»",
      head: "recrutement-bot/fermeture/2021-06-09-atelier-numerique",
      base: "main",
      maintainer_can_modify: true,
    });
    const text = String(pr.body);
    // The roles, escaped for markdown (src/github/markdown decides how); the date in words, and how long ago.
    const roles = text.match(/^L'offre «\u202F(.+?)\u202F»/)![1]!;
    expect(roles.replace(/\\/g, "")).toBe("Chargé.e de développement de l'atelier numérique");
    const edit = "https://github.com/betagouv/offres/edit/main/content/_jobs/2021-06-09-atelier-numerique.md";
    expect(text.slice(0, text.indexOf("\n<!--"))).toBe(
      [
        `L'offre «\u202F${roles}\u202F» (\`${SEED_PATH}\`) devait fermer le 7 juillet 2021 (\`poste_ferme: 2021-07-07\`), hier. Elle est encore ouverte.`,
        "Une fois cette pull request fusionnée, la ligne 13 du fichier devient `open: false`\u202F: le site ne présente plus l'offre comme ouverte, et sa page affiche «\u202FCe poste a été pourvu…\u202F». Rien d'autre ne change dans le fichier.",
        "---",
        [
          "- **Fusionner**\u202F: l'offre est fermée (ligne 13\u202F: `open: false`).",
          `- **Garder l'offre ouverte**\u202F: commentez \`/prolonger AAAA-MM-JJ\` ou \`/prolonger 30 jours\` (droits d'écriture requis), ou [changez la date de clôture](${edit}) pour une date à venir. Cette pull request se ferme alors d'elle-même.`,
          "- **Fermer sans fusionner** (ou commenter `/garder-ouverte`)\u202F: l'offre reste ouverte, et sa fermeture n'est plus proposée tant que son fichier ne change pas.",
        ].join("\n"),
        "<sub>Proposée par recrutement-bot, qui relit chaque jour les dates de clôture des offres.</sub>\n",
      ].join("\n\n"),
    );
    expect(text).toContain(renderMarker({ path: SEED_PATH, blob: blobOid(SEED_DUE) }));
    // The repository has no `contrat: stage` label yet: created with the review's colour and description.
    expect(body(6)).toEqual({ name: "contrat: stage", color: "c2e0c6", description: "Offre d'emploi\u202F: stage" });
    expect(body(7)).toEqual({ labels: ["fermeture", "contrat: stage"] });
    expect(body(8)).toEqual({ reviewers: ["jean-martin"] });

    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "created", pr: 42 }]);
    expect(report.readRequests).toBe(3);
    // Structured logs, never the posting's text.
    expect(logs.some((l) => l.msg === "closing: create → created")).toBe(true);
    expect(JSON.stringify(logs)).not.toContain("Qui sommes nous");
    gh.done();
  });

  it("on 2021-07-07 (its closing day) nothing is due: one read, no write", async () => {
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    const { report } = await run({}, "2021-07-07");
    expect(gh.calls()).toEqual(["POST /graphql"]);
    expect(report.plan).toEqual([]);
    gh.done();
  });

  it("the other seed (open: false) is never due", async () => {
    mockScan(gh.scope, [{ name: "x.md", text: SEED_CLOSED }]);
    const { report } = await run({}, "2099-12-31");
    expect(report.plan).toEqual([]);
    gh.done();
  });

  it("closing.notify-author: false: no authors query, nobody asked", async () => {
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${enc(SEED_PATH)}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 42 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/42/labels`).reply(200, []);
    const { report } = await run({ closing: { "notify-author": false } });
    expect(gh.calls()).toEqual([
      "POST /graphql",
      "POST /graphql",
      `POST ${R}/git/refs`,
      `PUT ${R}/contents/${enc(SEED_PATH)}`,
      `POST ${R}/pulls`,
      `POST ${R}/labels`,
      `POST ${R}/issues/42/labels`,
    ]);
    expect(report.readRequests).toBe(2);
    gh.done();
  });

  it("the edit link's host is the API's web host: github.com, a GitHub Enterprise Server, GHE.com", () => {
    const ghes = new Octokit({ baseUrl: "https://ghe.example.fr/api/v3" });
    expect(apiUrlOf(ghes)).toBe("https://ghe.example.fr/api/v3");
    expect(webUrlOf(apiUrlOf(ghes))).toBe("https://ghe.example.fr");
    expect(webUrlOf(apiUrlOf(octokit()))).toBe("https://github.com");
    expect(webUrlOf("https://api.octo.ghe.com")).toBe("https://octo.ghe.com");
    expect(editUrl({ web: "https://ghe.example.fr", repo: REPO, defaultBranch: "release/2024" }, "content/_jobs/offre (1).md")).toBe(
      "https://ghe.example.fr/betagouv/offres/edit/release/2024/content/_jobs/offre%20%281%29.md",
    );
  });

  it("requests the configured reviewers (users and org/team)", async () => {
    mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
    mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${enc(SEED_PATH)}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 42 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/42/labels`).reply(200, []);
    gh.scope.post(`${R}/pulls/42/requested_reviewers`).reply(201, {});
    await run({
      closing: { reviewers: ["alice", "betagouv/recrutement"], labels: ["fermeture", "offres"] },
      labels: { prefix: "type: ", colours: { stage: "123456" } },
    });
    expect(body(5)).toMatchObject({ name: "type: stage", color: "123456" });
    expect(body(6)).toEqual({ labels: ["fermeture", "offres", "type: stage"] });
    expect(body(7)).toEqual({ reviewers: ["alice"], team_reviewers: ["recrutement"] });
    gh.done();
  });
});

describe("several postings", () => {
  const a = posting({ roles: "A", closing: "2024-03-01" });
  const b = posting({ roles: "B", closing: null, filled: true, contract: "freelance" });
  const c = posting({ roles: "C", closing: "2024-09-01" });
  const d = posting({ roles: "D", closing: "2024-02-01", crlf: true });
  const files = [
    { name: "a.md", text: a },
    { name: "b.md", text: b },
    { name: "c.md", text: c },
    { name: "d.md", text: d },
  ];

  it("one pull request each, oldest closing date first (filled first), the not-yet-due one left alone; who added each is asked, or mentioned only as a collaborator", async () => {
    mockScan(gh.scope, files);
    mockHistory(gh.scope, [branch("a"), branch("b"), branch("d"), GROUP_BRANCH]);
    // One query for the three: b came through alice's merged pull request, d from a fork's author, a from carol.
    mockAuthors(gh.scope, ["content/_jobs/b.md", "content/_jobs/d.md", "content/_jobs/a.md"], {
      "content/_jobs/b.md": { pr: "alice", commit: "merger" },
      "content/_jobs/d.md": { pr: "fork-user" },
      "content/_jobs/a.md": { commit: "carol" },
    });
    const refused = [
      422,
      {
        message:
          "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the betagouv/offres repository.",
      },
    ] as const;
    let n = 10;
    for (const name of ["b", "d", "a"]) {
      gh.scope.post(`${R}/git/refs`, { ref: `refs/heads/${branch(name)}`, sha: HEAD }).reply(201, {});
      gh.scope.put(`${R}/contents/${enc(`content/_jobs/${name}.md`)}`).reply(200, {});
      gh.scope.post(`${R}/pulls`).reply(201, { number: ++n });
      if (name === "b") gh.scope.post(`${R}/labels`).reply(201, {});
      gh.scope.post(`${R}/issues/${n}/labels`).reply(200, []);
    }
    gh.scope.post(`${R}/pulls/11/requested_reviewers`, { reviewers: ["alice"] }).reply(201, {});
    gh.scope.post(`${R}/pulls/12/requested_reviewers`, { reviewers: ["fork-user"] }).reply(...refused);
    gh.scope.get(`${R}/collaborators/fork-user`).reply(404, { message: "Not Found" });
    gh.scope.post(`${R}/pulls/13/requested_reviewers`, { reviewers: ["carol"] }).reply(...refused);
    gh.scope.get(`${R}/collaborators/carol`).reply(204);
    gh.scope.post(`${R}/issues/13/comments`).reply(201, { id: 1 });
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual([
      "POST /graphql",
      "POST /graphql",
      "POST /graphql",
      ...[11, 12, 13].flatMap((pr, i) => [
        `POST ${R}/git/refs`,
        `PUT ${R}/contents/${enc(`content/_jobs/${["b", "d", "a"][i]}.md`)}`,
        `POST ${R}/pulls`,
        ...(pr === 11 ? [`POST ${R}/labels`] : []),
        `POST ${R}/issues/${pr}/labels`,
        `POST ${R}/pulls/${pr}/requested_reviewers`,
        ...(pr === 12 ? [`GET ${R}/collaborators/fork-user`] : []),
        ...(pr === 13 ? [`GET ${R}/collaborators/carol`, `POST ${R}/issues/13/comments`] : []),
      ]),
    ]);
    // b: filled; its contract label from an alias (freelance → indépendant), created once.
    expect(String(body(5).body)).toContain("est marquée pourvue (`poste_pourvu: true`) mais elle est encore ouverte.");
    expect(String(body(5).body)).toContain(
      "[modifiez le fichier de l'offre](https://github.com/betagouv/offres/edit/main/content/_jobs/b.md) et retirez `poste_pourvu: true`",
    );
    expect(body(6)).toMatchObject({ name: "contrat: indépendant" });
    expect(body(7)).toEqual({ labels: ["fermeture", "contrat: indépendant"] });
    // d: CRLF kept byte for byte.
    expect(decoded(10)).toBe(d.replace("open: true #", "open: false #"));
    // a: dates in words, and how long ago.
    expect(String(body(17).body)).toContain("devait fermer le 1er mars 2024 (`poste_ferme: 2024-03-01`), il y a 92 jours.");
    // The fork's author is never mentioned; carol, a collaborator GitHub would not ask, is.
    expect(JSON.stringify(gh.requests.map((r) => r.body))).not.toContain("@fork-user");
    expect(gh.requests.at(-1)!.body).toEqual({
      body: "@carol, vous avez ajouté cette offre\u202F: pouvez-vous nous dire s'il faut la fermer ou la prolonger\u202F?",
    });
    expect(report.results.map((r) => r.outcome.kind)).toEqual(["created", "created", "created"]);
    expect(report.readRequests).toBe(3);
    gh.done();
  });

  it("grouped: one branch recrutement-bot/fermeture/groupe, one commit through the git data API, one pull request", async () => {
    mockScan(gh.scope, files);
    mockHistory(gh.scope, [branch("a"), branch("b"), branch("d"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/trees`).reply(201, { sha: "3".repeat(40) });
    gh.scope.post(`${R}/git/commits`).reply(201, { sha: "4".repeat(40) });
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 7 });
    gh.scope.post(`${R}/labels`).reply(201, {});
    gh.scope.post(`${R}/issues/7/labels`).reply(200, []);
    await run({ closing: { grouped: true } }, "2024-06-01");
    expect(gh.calls()).toEqual([
      "POST /graphql",
      "POST /graphql",
      `POST ${R}/git/trees`,
      `POST ${R}/git/commits`,
      `POST ${R}/git/refs`,
      `POST ${R}/pulls`,
      `POST ${R}/labels`,
      `POST ${R}/issues/7/labels`,
    ]);
    expect(body(2)).toEqual({
      base_tree: TREE,
      tree: [
        { path: "content/_jobs/b.md", mode: "100644", type: "blob", content: b.replace("open: true #", "open: false #") },
        { path: "content/_jobs/d.md", mode: "100644", type: "blob", content: d.replace("open: true #", "open: false #") },
        { path: "content/_jobs/a.md", mode: "100644", type: "blob", content: a.replace("open: true #", "open: false #") },
      ],
    });
    // The full list in the commit message (the body's list is cut when it would pass GitHub's limit).
    expect(body(3)).toEqual({
      message: [
        "Fermer 3 offres expirées (open: false)",
        "",
        "- content/_jobs/b.md:7  «\u202FB\u202F»\u202F: poste pourvu (poste_pourvu: true)",
        "- content/_jobs/d.md:7  «\u202FD\u202F»\u202F: poste_ferme 2024-02-01 passée",
        "- content/_jobs/a.md:7  «\u202FA\u202F»\u202F: poste_ferme 2024-03-01 passée",
      ].join("\n"),
      tree: "3".repeat(40),
      parents: [HEAD],
    });
    expect(body(4)).toEqual({ ref: `refs/heads/${GROUP_BRANCH}`, sha: "4".repeat(40) });
    expect(body(5)).toMatchObject({ title: "Fermer 3 offres expirées", head: GROUP_BRANCH, base: "main" });
    const text = String(body(5).body);
    for (const p of ["a", "b", "d"])
      expect(text).toContain(renderMarker({ path: `content/_jobs/${p}.md`, blob: blobOid(files.find((f) => f.name === `${p}.md`)!.text) }));
    expect(text).toContain("3 offres sont à fermer");
    expect(body(6)).toMatchObject({ name: "contrat: indépendant" });
    expect(body(7)).toEqual({ labels: ["fermeture", "contrat: CDI", "contrat: indépendant"] });
    gh.done();
  });

  it("the cap: at most max-pull-requests new pull requests per run, the rest next run", async () => {
    mockScan(gh.scope, files);
    mockHistory(gh.scope, [branch("a"), branch("b"), branch("d"), GROUP_BRANCH]);
    for (const [name, n] of [
      ["b", 1],
      ["d", 2],
    ] as const) {
      gh.scope.post(`${R}/git/refs`).reply(201, {});
      gh.scope.put(`${R}/contents/${enc(`content/_jobs/${name}.md`)}`).reply(200, {});
      gh.scope.post(`${R}/pulls`).reply(201, { number: n });
      if (name === "b") gh.scope.post(`${R}/labels`).reply(201, {});
      gh.scope.post(`${R}/issues/${n}/labels`).reply(200, []);
    }
    const { report } = await run({ closing: { "max-pull-requests": 2 } }, "2024-06-01");
    expect(report.plan.map((p) => p.kind)).toEqual(["create", "create", "capped"]);
    expect(gh.calls()).toHaveLength(2 + 9);
    gh.done();
  });

  it("dry-run: the plan, reads only", async () => {
    mockScan(gh.scope, files);
    mockHistory(gh.scope, [branch("a"), branch("b"), branch("d"), GROUP_BRANCH]);
    const { report, logs } = await run({ closing: { "dry-run": true } }, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql", "POST /graphql"]);
    expect(report.dryRun).toBe(true);
    expect(logs.filter((l) => l.msg === "closing (dry-run): create").map((l) => l.paths)).toEqual([
      ["content/_jobs/b.md"],
      ["content/_jobs/d.md"],
      ["content/_jobs/a.md"],
    ]);
    expect(report.plan.map((p) => [p.kind, "postings" in p ? p.postings.map((x) => x.path) : null])).toEqual([
      ["create", ["content/_jobs/b.md"]],
      ["create", ["content/_jobs/d.md"]],
      ["create", ["content/_jobs/a.md"]],
    ]);
    expect(report.results).toEqual([]);
    gh.done();
  });
});

describe("existing pull requests", () => {
  const old = posting({ roles: "A", closing: "2024-03-01" });
  const marker = (text: string) => `Fermer l'offre…\n\n${renderMarker({ path: "content/_jobs/a.md", blob: blobOid(text) })}`;

  it("an open pull request for the same version of the posting is kept: one read, nothing written", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: old }], [{ name: "a", openPrs: [{ number: 5, body: marker(old) }] }]);
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql"]);
    expect(report.plan).toMatchObject([{ kind: "keep", pr: 5 }]);
    gh.done();
  });

  it("the posting changed but is still due: the commit is recreated on the current default branch and the branch force-updated", async () => {
    const changed = posting({ roles: "A (senior)", closing: "2024-04-01" });
    mockScan(gh.scope, [{ name: "a.md", text: changed }], [{ name: "a", openPrs: [{ number: 5, body: marker(old) }] }]);
    gh.scope.patch(`${R}/git/refs/${enc(`heads/${branch("a")}`)}`).reply(200, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/a.md")}`).reply(200, {});
    gh.scope.patch(`${R}/pulls/5`).reply(200, {});
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual([
      "POST /graphql",
      `PATCH ${R}/git/refs/${enc(`heads/${branch("a")}`)}`,
      `PUT ${R}/contents/${enc("content/_jobs/a.md")}`,
      `PATCH ${R}/pulls/5`,
    ]);
    expect(body(1)).toEqual({ sha: HEAD, force: true });
    expect(body(2)).toMatchObject({ branch: branch("a"), sha: blobOid(changed) });
    expect(decoded(2)).toBe(changed.replace("open: true #", "open: false #"));
    expect(body(3)).toMatchObject({ title: "Fermer l'offre «\u202FA (senior)\u202F»" });
    expect(String(body(3).body)).toContain(renderMarker({ path: "content/_jobs/a.md", blob: blobOid(changed) }));
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "updated", pr: 5 }]);
    gh.done();
  });

  it("an open pull request found without any of its labels (its run stopped after opening it) is labelled; one with some of them is left as it is", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: old }], [{ name: "a", openPrs: [{ number: 5, body: marker(old), labels: [] }] }]);
    gh.scope.post(`${R}/issues/5/labels`).reply(200, []);
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql", `POST ${R}/issues/5/labels`]);
    expect(body(1)).toEqual({ labels: ["fermeture", "contrat: CDI"] });
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "labelled", pr: 5 }]);
    gh.done();

    // A person removed the contract label: kept as it is.
    gh = mockGitHub();
    mockScan(gh.scope, [{ name: "a.md", text: old }], [{ name: "a", openPrs: [{ number: 5, body: marker(old), labels: ["fermeture"] }] }]);
    const again = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql"]);
    expect(again.report.results.map((r) => r.outcome)).toEqual([{ kind: "none" }]);
    gh.done();
  });

  it("a pull request a person closed without merging is not opened again while the file is unchanged", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: old }], [{ name: "a" }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH], { [branch("a")]: [{ number: 5, body: marker(old) }] });
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql", "POST /graphql"]);
    expect(report.plan).toMatchObject([{ kind: "skip-declined", pr: 5 }]);
    gh.done();
  });

  it("…and is proposed again once the file changed (still due): the leftover branch is reused", async () => {
    const changed = posting({ roles: "A", closing: "2024-05-01" });
    mockScan(gh.scope, [{ name: "a.md", text: changed }], [{ name: "a" }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH], { [branch("a")]: [{ number: 5, body: marker(old) }] });
    gh.scope.patch(`${R}/git/refs/${enc(`heads/${branch("a")}`)}`, { sha: HEAD, force: true }).reply(200, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/a.md")}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 6 });
    gh.scope.post(`${R}/issues/6/labels`).reply(200, []);
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls().slice(2)).toEqual([
      `PATCH ${R}/git/refs/${enc(`heads/${branch("a")}`)}`,
      `PUT ${R}/contents/${enc("content/_jobs/a.md")}`,
      `POST ${R}/pulls`,
      `POST ${R}/issues/6/labels`,
    ]);
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "created", pr: 6 }]);
    gh.done();
  });

  it("a pull request the app closed itself is no refusal", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: old }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH], { [branch("a")]: [{ number: 5, body: `${marker(old)}\n${CLOSED_BY_APP}` }] });
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/a.md")}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 6 });
    gh.scope.post(`${R}/issues/6/labels`).reply(200, []);
    await run({}, "2024-06-01");
    gh.done();
  });

  it("the posting was extended (date moved to the future): the app's pull request is closed with a comment and its branch deleted", async () => {
    const extended = posting({ roles: "A", closing: "2024-12-31" });
    mockScan(gh.scope, [{ name: "a.md", text: extended }], [{ name: "a", openPrs: [{ number: 5, body: marker(old) }] }]);
    gh.scope.post(`${R}/issues/5/comments`).reply(201, {});
    gh.scope.patch(`${R}/pulls/5`).reply(200, {});
    gh.scope.delete(`${R}/git/refs/${enc(`heads/${branch("a")}`)}`).reply(204);
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual([
      "POST /graphql",
      `POST ${R}/issues/5/comments`,
      `PATCH ${R}/pulls/5`,
      `DELETE ${R}/git/refs/${enc(`heads/${branch("a")}`)}`,
    ]);
    expect(body(1)).toEqual({
      body: "La date de clôture de l'offre a été repoussée (`poste_ferme: 2024-12-31`)\u202F: l'offre reste ouverte. Je ferme cette pull request et supprime sa branche.",
    });
    expect(body(2)).toEqual({ state: "closed", body: `${marker(old)}\n${CLOSED_BY_APP}` });
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "closed", pr: 5 }]);
    gh.done();
  });

  it("the posting was closed by hand: same, with its own comment; a branch already gone is fine", async () => {
    const closed = posting({ roles: "A", closing: "2024-03-01", open: false });
    mockScan(gh.scope, [{ name: "a.md", text: closed }], [{ name: "a", openPrs: [{ number: 5, body: marker(old) }] }]);
    gh.scope.post(`${R}/issues/5/comments`).reply(201, {});
    gh.scope.patch(`${R}/pulls/5`).reply(200, {});
    gh.scope.delete(`${R}/git/refs/${enc(`heads/${branch("a")}`)}`).reply(422, { message: "Reference does not exist" });
    const { report } = await run({}, "2024-06-01");
    expect(String(body(1).body)).toContain("fermée directement dans son fichier");
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "closed", pr: 5 }]);
    gh.done();
  });
});

describe("two runs at once", () => {
  const a = posting({ roles: "A", closing: "2024-03-01" });

  it("the branch was created meanwhile by another run (422): its pull request is found, nothing more is written", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: a }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(422, { message: "Reference already exists" });
    gh.scope
      .get(`${R}/pulls`)
      .query({ head: `betagouv:${branch("a")}`, state: "open", per_page: "1" })
      .reply(200, [{ number: 8 }]);
    const { report } = await run({}, "2024-06-01");
    expect(gh.calls()).toEqual(["POST /graphql", "POST /graphql", `POST ${R}/git/refs`, `GET ${R}/pulls`]);
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "exists", pr: 8 }]);
    gh.done();
  });

  it("the branch exists without a pull request yet, and the other run opens it first (422 on create): one pull request all the same", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: a }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(422, { message: "Reference already exists" });
    gh.scope.get(`${R}/pulls`).query(true).reply(200, []);
    gh.scope.patch(`${R}/git/refs/${enc(`heads/${branch("a")}`)}`, { sha: HEAD, force: true }).reply(200, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/a.md")}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for betagouv:${branch("a")}.` }],
    });
    // Its pull request is looked up and labelled (it may be this run's own, its answer lost).
    gh.scope
      .get(`${R}/pulls`)
      .query(true)
      .reply(200, [{ number: 9 }]);
    gh.scope.post(`${R}/issues/9/labels`).reply(200, []);
    const { report } = await run({}, "2024-06-01");
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "exists", pr: 9 }]);
    gh.done();
  });

  it("the other run wrote the file on the branch first (409 on the contents API): taken, not an error", async () => {
    mockScan(gh.scope, [{ name: "a.md", text: a }]);
    mockHistory(gh.scope, [branch("a"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/a.md")}`).reply(409, { message: "content/_jobs/a.md does not match " + blobOid(a) });
    const { report } = await run({}, "2024-06-01");
    expect(report.results.map((r) => r.outcome)).toEqual([{ kind: "exists", pr: null }]);
    gh.done();
  });

  it("a failure on one posting does not stop the others", async () => {
    const b = posting({ roles: "B", closing: "2024-04-01" });
    mockScan(gh.scope, [
      { name: "a.md", text: a },
      { name: "b.md", text: b },
    ]);
    mockHistory(gh.scope, [branch("a"), branch("b"), GROUP_BRANCH]);
    gh.scope.post(`${R}/git/refs`).reply(500, { message: "boom" });
    gh.scope.post(`${R}/git/refs`).reply(201, {});
    gh.scope.put(`${R}/contents/${enc("content/_jobs/b.md")}`).reply(200, {});
    gh.scope.post(`${R}/pulls`).reply(201, { number: 3 });
    gh.scope.post(`${R}/issues/3/labels`).reply(200, []);
    const { report } = await run({}, "2024-06-01");
    expect(report.results.map((r) => r.outcome.kind)).toEqual(["failed", "created"]);
    gh.done();
  });
});

describe("the scan", () => {
  it("reads the folder set in the configuration; a truncated text is read again as an exact blob", async () => {
    const a = posting({ roles: "A", closing: "2024-03-01" });
    const answer = {
      data: {
        repository: {
          defaultBranchRef: {
            name: "main",
            target: {
              oid: HEAD,
              tree: { oid: TREE },
              file: {
                type: "tree",
                object: {
                  entries: [
                    {
                      name: "a.md",
                      type: "blob",
                      mode: 33188,
                      oid: blobOid(a),
                      object: { text: a.slice(0, 10), byteSize: Buffer.byteLength(a), isBinary: false, isTruncated: true },
                    },
                    {
                      name: "lien.md",
                      type: "blob",
                      mode: 40960,
                      oid: "5".repeat(40),
                      object: { text: "a.md", byteSize: 4, isBinary: false, isTruncated: false },
                    },
                    { name: "images", type: "tree", mode: 16384, oid: "6".repeat(40), object: { entries: [] } },
                    {
                      name: "logo.png",
                      type: "blob",
                      mode: 33188,
                      oid: "7".repeat(40),
                      object: { text: null, byteSize: 10, isBinary: true, isTruncated: false },
                    },
                  ],
                },
              },
            },
          },
          refs: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        },
      },
    };
    gh.scope.post("/graphql", (b: { variables: { folder: string } }) => b.variables.folder === "offres").reply(200, answer);
    gh.scope.get(`${R}/git/blobs/${blobOid(a)}`).reply(200, {
      content: Buffer.from(a).toString("base64"),
      encoding: "base64",
      sha: blobOid(a),
      size: Buffer.byteLength(a),
      url: "",
      node_id: "",
    });
    const { report } = await run({ postings: "offres", closing: { "dry-run": true } }, "2024-01-01");
    expect(gh.calls()).toEqual(["POST /graphql", `GET ${R}/git/blobs/${blobOid(a)}`]);
    expect(report.postings).toBe(1);
    expect(report.readRequests).toBe(2);
    gh.done();
  });

  it("no postings folder (a folder misnamed in the config): nothing is closed, not even the app's open pull requests", async () => {
    const answer = scanAnswer(
      [],
      [{ name: "a", openPrs: [{ number: 5, body: renderMarker({ path: "content/_jobs/a.md", blob: "a".repeat(40) }) }] }],
    );
    answer.data.repository.defaultBranchRef.target.file = null as never;
    gh.scope.post("/graphql").reply(200, answer);
    const { report, logs } = await run();
    expect(report.skipped).toBe("no-folder");
    expect(report.plan).toEqual([]);
    expect(logs.some((l) => l.msg === "closing: no postings folder on the default branch")).toBe(true);
    gh.done();
  });

  it("an empty repository: nothing to do", async () => {
    gh.scope.post("/graphql").reply(200, {
      data: { repository: { defaultBranchRef: null, refs: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } },
    });
    const { report } = await run();
    expect(report.skipped).toBe("empty");
    gh.done();
  });

  it("closing disabled: not a single request", async () => {
    const { report } = await run({ closing: { enabled: false } });
    expect(report.skipped).toBe("disabled");
    expect(gh.requests).toEqual([]);
    gh.done();
  });
});
