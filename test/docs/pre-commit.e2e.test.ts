/**
 * examples/pre-commit in a throwaway postings repository: installed as docs/editeurs.md says
 * (`cp ../recrutement-bot/examples/pre-commit .git/hooks/pre-commit`), it refuses a commit whose
 * staged postings have errors, checks the staged version (not the one on disk), applies the
 * added-posting rules only to added files, and leaves other commits alone. recrutement-bot is
 * the package's bin (the bundle dist/recrutement-bot.js), as `npm install` puts it in node_modules/.bin.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";

const fixture = (name: string) => readFileSync(path.join(PROJECT_ROOT, "test/fixtures/review", name), "utf8");
const WITH_ERRORS = fixture("posting-with-errors.md");
const FIXED = fixture("posting-fixed.md");
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};
/** recrutement-bot as installed (the package's bin, the bundle in dist/), whatever the current folder. */
const INSTALLED = `node ${path.join(PROJECT_ROOT, pkg.bin["recrutement-bot"]!)}`;

const ws = tempTree({}, "recrutement-bot-hook-");
const repo = path.join(ws.dir, "offres");
afterAll(() => ws.cleanup());

function git(...args: string[]): string {
  return execFileSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  });
}

function commit(message: string, env: Record<string, string> = { RECRUTEMENT_BOT: INSTALLED }): { status: number; output: string } {
  const r = spawnSync("git", ["commit", "-q", "-m", message], {
    cwd: repo,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: ws.dir,
      NO_COLOR: "1",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@t",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@t",
      ...env,
    },
  });
  return { status: r.status ?? -1, output: r.stdout + r.stderr };
}

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  writeFileSync(path.join(repo, rel), text);
}

const commits = () => Number(git("rev-list", "--count", "HEAD").trim());

beforeAll(() => {
  mkdirSync(repo);
  symlinkSync(PROJECT_ROOT, path.join(ws.dir, "recrutement-bot"));
  git("init", "-q", "-b", "main");
  write("content/_startups/mon-entreprise.md", "---\ntitle: Mon Entreprise\n---\n");
  write("README.md", "Offres\n");
  git("add", ".");
  git("commit", "-q", "-m", "début");
  // As docs/editeurs.md says, from the postings repository.
  execFileSync("sh", ["-c", `${DOCUMENTED["hook-copy"].command} && ${DOCUMENTED["hook-chmod"].command}`], { cwd: repo });
});

describe("examples/pre-commit", () => {
  it(asTyped("hook-copy"), () => {
    expect(readFileSync(path.join(repo, ".git/hooks/pre-commit"), "utf8")).toBe(
      readFileSync(path.join(PROJECT_ROOT, "examples/pre-commit"), "utf8"),
    );
  });

  it(asTyped("hook-chmod"), () => {
    expect(statSync(path.join(repo, ".git/hooks/pre-commit")).mode & 0o111).toBe(0o111);
  });

  it("refuses an added posting with errors, with the messages of the review", () => {
    write("content/_jobs/2026-03-01-developpeur mon-entreprise.md", WITH_ERRORS);
    git("add", "-A");
    const r = commit("offre");
    expect(r.status).toBe(1);
    expect(r.output).toContain("content/_jobs/2026-03-01-developpeur mon-entreprise.md");
    expect(r.output).toContain("La startup «\u202Fmon-entreprize\u202F» n'existe pas");
    expect(r.output).toContain("commit refusé");
    expect(commits()).toBe(1);
  }, 60_000);

  it("checks the staged version: fixed in the index, broken on disk, the commit goes through", () => {
    write("content/_jobs/2026-03-01-developpeur mon-entreprise.md", FIXED);
    git("add", "-A");
    write("content/_jobs/2026-03-01-developpeur mon-entreprise.md", WITH_ERRORS);
    const r = commit("offre corrigée");
    expect(r.output).toContain("aucun problème");
    expect(r.status).toBe(0);
    expect(commits()).toBe(2);
    git("checkout", "--", ".");
  }, 60_000);

  it("applies the added-posting rules (contract advised) to added files only, as advice that lets the commit through", () => {
    const noContract = FIXED.replace("contrat: indépendant\n", "");
    write("content/_jobs/2026-03-01-developpeur mon-entreprise.md", noContract);
    git("add", "-A");
    const modified = commit("contrat retiré d'une offre existante");
    expect(modified.status).toBe(0);
    expect(modified.output).not.toContain("contract-missing");
    write("content/_jobs/2026-03-02-autre.md", noContract);
    git("add", "-A");
    const added = commit("nouvelle offre sans contrat");
    expect(added.status).toBe(0);
    expect(added.output).toMatch(/content\/_jobs\/2026-03-02-autre\.md\n.*avertissement +contract-missing/);
  }, 60_000);

  it("refuses a posting whose name does not end in .md (it would not be published)", () => {
    write("content/_jobs/2026-03-03-oubli", FIXED);
    git("add", "content/_jobs/2026-03-03-oubli");
    const r = commit("oubli de l'extension");
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/2026-03-03-oubli[\s\S]*file-extension/);
    git("reset", "-q", "HEAD", "--", "content/_jobs/2026-03-03-oubli");
  }, 60_000);

  it("lets a commit without postings through, even without recrutement-bot installed", () => {
    write("README.md", "Offres d'emploi\n");
    git("add", "README.md");
    expect(commit("readme", {}).status).toBe(0);
  }, 60_000);

  it("finds node_modules/.bin/recrutement-bot of the repository, and says how to install it when missing", () => {
    write("content/_jobs/2026-03-04-design.md", FIXED);
    git("add", "content/_jobs/2026-03-04-design.md");
    const missing = commit("sans l'outil", {});
    expect(missing.status).toBe(1);
    expect(missing.output).toContain("recrutement-bot introuvable");

    const bin = path.join(repo, "node_modules/.bin/recrutement-bot");
    mkdirSync(path.dirname(bin), { recursive: true });
    writeFileSync(bin, `#!/bin/sh\nexec ${INSTALLED} "$@"\n`);
    chmodSync(bin, 0o755);
    writeFileSync(path.join(repo, ".gitignore"), "node_modules/\n");
    const found = commit("avec l'outil du dépôt", {});
    expect(found.output).toContain("aucun problème");
    expect(found.status).toBe(0);
  }, 60_000);
});

describe(".pre-commit-hooks.yaml (the pre-commit framework)", () => {
  const hooks = parse(readFileSync(path.join(PROJECT_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as {
    id: string;
    entry: string;
    language: string;
    files: string;
  }[];

  it("one Node hook whose command is the package's bin (the committed bundle: nothing to build at install)", () => {
    expect(hooks.map((h) => h.id)).toEqual(["recrutement-bot"]);
    const hook = hooks[0]!;
    expect(hook.language).toBe("node");
    const [command, ...args] = hook.entry.split(" ");
    expect(Object.keys(pkg.bin)).toContain(command);
    expect(args).toEqual(["check", "--root", "."]);
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(new RegExp(hook.files).test("content/_jobs/2026-03-01-offre.md")).toBe(true);
    expect(new RegExp(hook.files).test("content/_startups/mon-entreprise.md")).toBe(false);
    expect(readFileSync(path.join(PROJECT_ROOT, "docs/editeurs.md"), "utf8")).toContain("      - id: recrutement-bot\n");
  });

  it("run as the framework runs it (the entry, then the staged file names, from the repository's root): errors exit 1", () => {
    const bin = path.join(PROJECT_ROOT, pkg.bin["recrutement-bot"]!);
    const [, ...args] = hooks[0]!.entry.split(" ");
    write("content/_jobs/2026-04-01-hook.md", WITH_ERRORS);
    write("content/_jobs/2026-04-02-hook.md", FIXED);
    const bad = spawnSync(process.execPath, [bin, ...args, "content/_jobs/2026-04-01-hook.md", "content/_jobs/2026-04-02-hook.md"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("La startup «\u202Fmon-entreprize\u202F» n'existe pas");
    const good = spawnSync(process.execPath, [bin, ...args, "content/_jobs/2026-04-02-hook.md"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(good.status, good.stdout).toBe(0);
  });
});
