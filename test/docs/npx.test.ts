/**
 * `npx recrutement-bot …` in a postings repository, as docs/contribuer.md and docs/editeurs.md
 * say: recrutement-bot is cloned beside the postings repository (its `bin`, the bundle
 * dist/recrutement-bot.js, is committed), then installed with
 * `npm install --no-save ../recrutement-bot`, which links it.
 *
 * The clone is stood in for by a copy of this checkout's files (package.json, dist, schema,
 * app.yml) sharing its node_modules; nothing is built by the install.
 * The install and the commands run as typed (npm's registry is reachable; its cache is
 * preferred, through npm_config_* variables, which change no command).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";

const WITH_ERRORS = readFileSync(path.join(PROJECT_ROOT, "test/fixtures/review/posting-with-errors.md"), "utf8");
const ws = tempTree({}, "recrutement-bot-npx-");
const clone = path.join(ws.dir, "recrutement-bot");
const offres = path.join(ws.dir, "offres");
afterAll(() => ws.cleanup());

const env = {
  ...process.env,
  NO_COLOR: "1",
  npm_config_prefer_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

/** Runs a documented command line in the postings repository. */
function sh(command: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync("sh", ["-c", command], { cwd: offres, env, encoding: "utf8", timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  mkdirSync(clone);
  for (const f of ["package.json", "app.yml", "dist", "schema"]) cpSync(path.join(PROJECT_ROOT, f), path.join(clone, f), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(clone, "node_modules"));
  mkdirSync(path.join(offres, "content/_jobs"), { recursive: true });
  mkdirSync(path.join(offres, "content/_startups"), { recursive: true });
  writeFileSync(path.join(offres, "content/_startups/mon-entreprise.md"), "---\ntitle: Mon Entreprise\n---\n");
  writeFileSync(path.join(offres, "content/_jobs/2026-11-24-mon-offre.md"), WITH_ERRORS);
  execFileSync("git", ["init", "-q"], { cwd: offres });
}, 120_000);

describe("recrutement-bot installed in a postings repository", () => {
  it("npm install --no-save ../recrutement-bot, then npx recrutement-bot check and schema", () => {
    const install = sh("npm install --no-save ../recrutement-bot");
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(path.join(offres, "node_modules/.bin/recrutement-bot"))).toBe(true);
    expect(existsSync(path.join(offres, "package.json"))).toBe(false);

    const check = sh("npx recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new");
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain("content/_jobs/2026-11-24-mon-offre.md");
    expect(check.stdout).toContain("La startup «\u202Fmon-entreprize\u202F» n'existe pas dans content/_startups\u202F: vouliez-vous dire «\u202Fmon-entreprise\u202F»\u202F?");
    expect(check.stdout).toContain("open: true");

    const english = sh("npx recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new --lang en");
    expect(english.status).toBe(1);
    expect(english.stdout).toContain("mon-entreprize");
    expect(english.stdout).not.toContain("n'existe pas");

    const schema = sh("npx recrutement-bot schema --out .vscode/posting.schema.json");
    expect(schema.status, schema.stderr).toBe(0);
    expect(readFileSync(path.join(offres, ".vscode/posting.schema.json"), "utf8")).toBe(readFileSync(path.join(PROJECT_ROOT, "schema/posting.schema.json"), "utf8"));
    // The copy that comes with the install, which docs/editeurs.md points VS Code to.
    expect(existsSync(path.join(offres, "node_modules/recrutement-bot/schema/posting.schema.json"))).toBe(true);
  }, 180_000);
});
