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
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";

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

/** Runs a command line in the postings repository (sh -c), the others going on meanwhile. */
function sh(command: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd: offres, env, encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  mkdirSync(clone);
  for (const f of ["package.json", "app.yml", "dist", "schema"])
    cpSync(path.join(PROJECT_ROOT, f), path.join(clone, f), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(clone, "node_modules"));
  mkdirSync(path.join(offres, "content/_jobs"), { recursive: true });
  mkdirSync(path.join(offres, "content/_startups"), { recursive: true });
  writeFileSync(path.join(offres, "content/_startups/mon-entreprise.md"), "---\ntitle: Mon Entreprise\n---\n");
  writeFileSync(path.join(offres, "content/_jobs/2026-11-24-mon-offre.md"), WITH_ERRORS);
  execFileSync("git", ["init", "-q"], { cwd: offres });
}, 120_000);

describe.concurrent("recrutement-bot installed in a postings repository", () => {
  // The install comes first; the commands after it run at the same time.
  let installed: Promise<void>;
  beforeAll(() => {
    installed = (async () => {
      const install = await sh(DOCUMENTED["npx-install"].command);
      if (install.status !== 0) throw new Error(`${DOCUMENTED["npx-install"].command}: ${install.status}\n${install.stderr}`);
    })();
  });

  it(asTyped("npx-install"), async () => {
    await installed;
    expect(existsSync(path.join(offres, "node_modules/.bin/recrutement-bot"))).toBe(true);
    expect(existsSync(path.join(offres, "package.json"))).toBe(false);
    // The copy of the schema that comes with the install, which docs/editeurs.md points VS Code to.
    expect(existsSync(path.join(offres, "node_modules/recrutement-bot/schema/posting.schema.json"))).toBe(true);
  });

  it(asTyped("npx-check"), async () => {
    await installed;
    const [check, english] = await Promise.all([
      sh(DOCUMENTED["npx-check"].command),
      // Not a documented line: the installed bin run by node, without npx's start-up.
      sh("node node_modules/.bin/recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new --lang en"),
    ]);
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain("content/_jobs/2026-11-24-mon-offre.md");
    expect(check.stdout).toContain(
      "La startup «\u202Fmon-entreprize\u202F» n'existe pas dans content/_startups\u202F: vouliez-vous dire «\u202Fmon-entreprise\u202F»\u202F?",
    );
    expect(check.stdout).toContain("open: true");
    expect(english.status).toBe(1);
    expect(english.stdout).toContain("mon-entreprize");
    expect(english.stdout).not.toContain("n'existe pas");
  });

  it(asTyped("npx-schema"), async () => {
    await installed;
    const schema = await sh(DOCUMENTED["npx-schema"].command);
    expect(schema.status, schema.stderr).toBe(0);
    expect(readFileSync(path.join(offres, ".vscode/posting.schema.json"), "utf8")).toBe(
      readFileSync(path.join(PROJECT_ROOT, "schema/posting.schema.json"), "utf8"),
    );
  });
});

describe.concurrent("the npm package (what a release publishes)", () => {
  it("npm pack: the bundles, app.yml and the schema; no sources, tests or secrets", async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        "npm",
        ["pack", "--dry-run", "--json", "--ignore-scripts"],
        { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 },
        (error, out, stderr) => (error ? reject(new Error(stderr)) : resolve(out)),
      );
    });
    const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path).sort();
    for (const f of [
      "dist/action.js",
      "dist/recrutement-bot.js",
      "dist/server.js",
      "app.yml",
      "schema/posting.schema.json",
      "package.json",
      "README.md",
      "LICENSE",
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => /^(src|test|bench|scripts|node_modules)\/|\.env$|\.pem$/.test(f))).toEqual([]);
  });
});
