/**
 * Every `npm run cli -- …` command of the README's CLI section (sh blocks and inline code) is
 * run here, in-process (its arguments as typed; the first is also spawned through npm in
 * bin.e2e.test.ts), from a temporary workspace laid out like the README assumes:
 *   main/           this project's folder (npm run runs there), holding content/_jobs
 *   beta.gouv.fr/   a postings repository cloned beside it
 *   main/test/fixtures/corpus   the real corpus (a link to this project's copy)
 */
import { readFileSync, symlinkSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asTyped } from "../docs/documented-commands.js";
import { CORPUS_DIR, PROJECT_ROOT, runCli, tempTree } from "./helpers.js";

const README = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
const SECTION_TITLE = "## Vérifier des offres en ligne de commande";

function cliSection(): string {
  const start = README.indexOf(`${SECTION_TITLE}\n`);
  if (start < 0) throw new Error(`README: section « ${SECTION_TITLE} » not found`);
  const next = README.slice(start + SECTION_TITLE.length).search(/\n## /);
  return next < 0 ? README.slice(start) : README.slice(start, start + SECTION_TITLE.length + next);
}

/** Lines of ```sh blocks, and inline `code`, that start with `npm run cli --`. */
function readmeCommands(section: string): { blocks: string[]; commands: string[] } {
  const blocks: string[] = [];
  for (const m of section.matchAll(/```sh\n([\s\S]*?)```/g))
    blocks.push(
      ...m[1]!
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("#")),
    );
  const inline = [...section.replace(/```[\s\S]*?```/g, "").matchAll(/`(npm run cli -- [^`]+)`/g)].map((m) => m[1]!);
  const commands = [...new Set([...blocks.filter((l) => l.startsWith("npm run cli -- ")), ...inline])];
  return { blocks, commands };
}

const posting = (roles: string, startup: string) => `---\nroles: ${roles}\ncontrat: CDI\nstartup: ${startup}\nopen: false\n---\n\nTexte.\n`;
const ws = tempTree({
  "main/content/_jobs/2024-01-15-dev.md": posting("Développeuse", "mon-produit"),
  "main/content/_startups/mon-produit.md": "",
  "beta.gouv.fr/content/_jobs/2024-01-15-design.md": posting("Designer", "autre-produit"),
  "beta.gouv.fr/content/_jobs/2024-01-16-oubli": posting("Oubli de l'extension", "autre-produit"),
  "beta.gouv.fr/content/_startups/autre-produit.md": "",
});
afterAll(() => ws.cleanup());
mkdirSync(path.join(ws.dir, "main/test/fixtures"), { recursive: true });
symlinkSync(CORPUS_DIR, path.join(ws.dir, "main/test/fixtures/corpus"));
symlinkSync(path.join(PROJECT_ROOT, "test/fixtures/review"), path.join(ws.dir, "main/test/fixtures/review"));

describe("README: « Vérifier des offres en ligne de commande »", () => {
  const { blocks, commands } = readmeCommands(cliSection());

  it("has the install command and the documented CLI commands", () => {
    expect(blocks[0]).toBe("npm ci");
    expect(commands[0]).toBe("npm run cli -- check test/fixtures/review/posting-with-errors.md");
    expect(commands).toContain("npm run cli -- check test/fixtures/corpus/jobs --startups test/fixtures/corpus/startups.txt");
    expect(commands).toContain("npm run cli -- schema --out schema/posting.schema.json");
    // every line of the sh blocks is either `npm ci` or a CLI command that this test runs
    for (const line of blocks) expect(line === "npm ci" || commands.includes(line), line).toBe(true);
  });

  it.each(commands.map((c) => [c]))(asTyped("cli-check"), async (command) => {
    const args = command.slice("npm run cli -- ".length).split(/\s+/);
    const r = await runCli(args, { cwd: path.join(ws.dir, "main") });
    expect([0, 1], r.stderr).toContain(r.code);
    if (args[0] === "schema" && args.includes("--out")) {
      expect(r.stderr).toMatch(/^Schéma écrit dans /);
      expect(r.stdout).toBe("");
    } else {
      expect(r.stderr).toBe("");
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  });

  it("documents exit codes that the commands really give", async () => {
    const cwd = path.join(ws.dir, "main");
    expect((await runCli(["check", "content/_jobs", "--root", "."], { cwd })).code).toBe(0);
    expect((await runCli(["check", "../beta.gouv.fr/content/_jobs", "--root", "../beta.gouv.fr"], { cwd })).code).toBe(1);
    expect((await runCli(["check", "content/_jobs", "--format", "xml"], { cwd })).code).toBe(2);
    expect(cliSection()).toContain("Codes de sortie : `0` aucune erreur");
  });
});
