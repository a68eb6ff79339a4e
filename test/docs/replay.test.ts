/**
 * `npm run replay -- <fixture>...`: the three recorded webhooks of test/fixtures/replay, replayed
 * against the app (src/app/create-app.ts) with GitHub faked in process, and what the output says; the
 * script's usage and exit codes, through its `main` in this process. The documented command is
 * spawned as typed in replay.e2e.test.ts.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appActions, commentBodies, formatReplay, loadFixture, replay, replayFailed } from "../../scripts/lib/replay.js";
import { main } from "../../scripts/replay.js";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { documentedLines } from "./documented-commands.js";

const FIXTURES = "test/fixtures/replay";
const run = async (name: string) => {
  const file = `${FIXTURES}/${name}`;
  const result = await replay(loadFixture(path.join(PROJECT_ROOT, file)));
  return { result, text: formatReplay(result, file), actions: appActions(result) };
};

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];

describe("replay fixtures", () => {
  it("are the three of the docs, each a payload shaped like GitHub's example of its event, from an installation", () => {
    expect(readdirSync(path.join(PROJECT_ROOT, FIXTURES)).sort()).toEqual([
      "closing-run.json",
      "posting-fixed.json",
      "posting-with-errors.json",
    ]);
    for (const name of readdirSync(path.join(PROJECT_ROOT, FIXTURES))) {
      const f = loadFixture(path.join(PROJECT_ROOT, FIXTURES, name));
      const example = examples.find((e) => e.name === f.event)!.examples.find((e) => e.action === f.payload.action) as Record<
        string,
        unknown
      >;
      expect(example, name).toBeDefined();
      // A GitHub App's deliveries also name the installation.
      const keys = (o: object) =>
        Object.keys(o)
          .filter((k) => k !== "installation")
          .sort();
      expect(keys(f.payload), name).toEqual(keys(example));
      expect(f.payload.installation, name).toMatchObject({ id: 1 });
    }
  });
});

describe("npm run replay", () => {
  it("posting-with-errors: failing check run, the French comment, three suggestions, the contract label", async () => {
    const { result, text, actions } = await run("posting-with-errors.json");
    expect(replayFailed(result)).toBe(false);
    expect(actions.map((a) => a.kind)).toEqual(["check-run", "comment", "suggestions", "labels", "labels"]);
    expect(text).toContain("  pull_request.opened — Codertocat/Hello-World#2\n");
    expect(text).toContain("Requêtes à GitHub (9) :");
    expect(text).toContain("▶ Check run « recrutement-bot » sur ec26c3e : failure — 3 points à corriger");
    expect(text).toContain("content/_jobs/2026-03-01-developpeur-mon-entreprise.md:5  failure  À corriger (open-not-boolean)");
    expect(text).toContain("▶ Commentaire publié sur #2 :");
    expect(text).toMatch(/\| 5 \| ❌ `open` [^\n]*\| `open: true` ✏️ \|/);
    expect(text).toContain("▶ Revue sur #2 : 3 commentaire(s) de ligne");
    expect(text).toContain("    ```suggestion\n    open: true\n    ```");
    expect(text).toContain("▶ Étiquettes posées sur #2 : contrat: indépendant");
    expect(commentBodies(result)).toHaveLength(1);
    expect(commentBodies(result)[0]).toMatch(
      /^<!-- recrutement-bot:review -->\nMerci\u202F! 3 points à corriger avant la fusion, 1 conseil\.\n/,
    );
  });

  it("posting-fixed: green check run, the same comment edited to cross out what was fixed, the suggestion threads resolved", async () => {
    const { result, text, actions } = await run("posting-fixed.json");
    expect(replayFailed(result)).toBe(false);
    expect(actions.map((a) => a.kind)).toEqual(["check-run", "comment", "threads"]);
    expect(text).toContain("▶ Check run « recrutement-bot » sur 1111111 : success — Tout est en ordre");
    expect(text).toContain("▶ Commentaire modifié (comment 1001) :");
    expect(text).toContain("✅ Tout est en ordre, merci\u202F!");
    expect(text).toContain("▶ Fils de suggestion résolus : 3");
  });

  it("closing-run: one branch, open: true → open: false on line 13 only, one pull request, labels, the dashboard issue", async () => {
    const { result, text, actions } = await run("closing-run.json");
    expect(replayFailed(result)).toBe(false);
    expect(actions.filter((a) => a.kind !== "labels").map((a) => a.kind)).toEqual(["branch", "file", "pull-request", "issue"]);
    expect(text).toContain("▶ Issue ouverte : « Tableau de bord des offres » (étiquettes : tableau de bord)");
    expect(result.logs.filter((l) => Number(l.level) >= 40)).toEqual([]);
    expect(text).toContain("  push — betagouv/offres refs/heads/main — horloge : 2021-07-08T06:00:00Z\n");
    expect(text).toContain("▶ Branche créée : recrutement-bot/fermeture/2021-06-09-atelier-numerique");
    expect(text).toContain("  ligne 13 : - open: true\n  ligne 13 : + open: false\n");
    expect(text.match(/ligne \d+ : [-+]/g)).toHaveLength(2);
    expect(text).toContain("▶ Pull request ouverte : « Fermer l'offre «\u202FChargé.e de développement de l'atelier numérique\u202F» »");
    expect(text).toContain("devait fermer le 7 juillet 2021 (`poste_ferme: 2021-07-07`), hier.");
    expect(text).toContain("▶ Étiquettes posées sur #1 : fermeture, contrat: stage");
    // The clock is the real one again after the replay.
    expect(new Date().getFullYear()).toBeGreaterThan(2021);
  });

  it("the docs give one command for every fixture", () => {
    expect(documentedLines("replay")).toEqual(["npm run replay -- test/fixtures/replay/*.json"]);
  });

  /** scripts/replay.ts's main, in this process, from the project folder. */
  async function replayMain(argv: string[]) {
    let [stdout, stderr] = ["", ""];
    const code = await main(argv, { cwd: PROJECT_ROOT, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it("says how to use it, with exit code 2, when no fixture is given or one is unreadable (and then replays none)", async () => {
    const usage = await replayMain([]);
    expect(usage).toMatchObject({ code: 2, stdout: "" });
    expect(usage.stderr).toContain("Utilisation : npm run replay -- <fixture.json>... [--json]");
    const missing = await replayMain([`${FIXTURES}/posting-fixed.json`, `${FIXTURES}/absente.json`]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/^Fixture illisible : ENOENT[^\n]*absente\.json'\n$/);
    const option = await replayMain(["--jsn", `${FIXTURES}/posting-fixed.json`]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--jsn'");
  });

  it("several fixtures: their reports one after the other; --json: an array, one entry per fixture", async () => {
    const files = [`${FIXTURES}/posting-fixed.json`, `${FIXTURES}/closing-run.json`];
    const text = await replayMain(files);
    expect(text.code, text.stderr).toBe(0);
    // One after the other: a replay holds nock and the clock while it runs.
    const alone: string[] = [];
    for (const f of files) alone.push((await run(f.slice(FIXTURES.length + 1))).text);
    expect(text.stdout).toBe(alone.join("\n"));
    const json = await replayMain(["--json", ...files]);
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as { fixture: string; actions: { kind: string }[] }[];
    expect(entries.map((e) => e.fixture)).toEqual(files);
    expect(entries[0]!.actions.map((a) => a.kind)).toEqual(["check-run", "comment", "threads"]);
    // One fixture: the object itself, as before.
    const one = JSON.parse((await replayMain(["--json", files[0]!])).stdout) as { actions: unknown[] };
    expect(one.actions).toEqual(entries[0]!.actions);
  });
});
