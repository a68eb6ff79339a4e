/**
 * The real executable, spawned: the package's bin (the bundle dist/recrutement-bot.js, what
 * `npx recrutement-bot` runs) for exit codes, streams and colours, and the README's first
 * `npm run cli --` line as typed (npm, then tsx on bin/recrutement-bot.ts). Independent processes
 * run at the same time.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asTyped, DOCUMENTED } from "../docs/documented-commands.js";
import { PROJECT_ROOT, runCli, tempTree } from "./helpers.js";

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };
const BIN = path.join(PROJECT_ROOT, pkg.bin["recrutement-bot"]!);
const repo = tempTree({
  "content/_jobs/2024-03-01-bonne.md": "---\nroles: Développeuse\ncontrat: CDI\nstartup: mon-produit\nopen: false\n---\n\nTexte.\n",
  "content/_jobs/2024-03-01-mauvaise.md": "---\ntitle: sans intitulé\n---\n",
  "content/_startups/mon-produit.md": "---\ntitle: Mon produit\n---\n",
});
afterAll(() => repo.cleanup());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? { ...process.env, NO_COLOR: "" } });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const bin = (args: string[]) => run(process.execPath, [BIN, ...args], { cwd: repo.dir });

describe("recrutement-bot, spawned", () => {
  it.concurrent(
    "exit codes: 0 on a clean posting, 1 on an error (no colours when piped), 2 on a usage error or a missing path",
    async () => {
      const [clean, errors, format, missing, bogus] = await Promise.all([
        bin(["check", "content/_jobs/2024-03-01-bonne.md"]),
        bin(["check"]),
        bin(["check", "--format", "xml"]),
        bin(["check", "absent.md"]),
        bin(["bogus"]),
      ]);
      expect(clean).toEqual({ code: 0, stdout: "✔ 1 fichier vérifié\u202F: aucun problème\n", stderr: "" });

      expect(errors.code).toBe(1);
      expect(errors.stdout).toContain("content/_jobs/2024-03-01-mauvaise.md\n");
      expect(errors.stdout).not.toContain("\u001b[");
      expect(errors.stdout).toMatch(/✖ \d+ problèmes? \(\d+ erreurs?, \d+ avertissements?\) dans 2 fichiers vérifiés\n$/);

      expect(format.code).toBe(2);
      expect(missing).toEqual({ code: 2, stdout: "", stderr: "Chemin introuvable\u202F: absent.md\n" });
      expect(bogus.code).toBe(2);
    },
  );

  it.concurrent(asTyped("cli-check-spawned"), async () => {
    const r = await run("sh", ["-c", DOCUMENTED["cli-check-spawned"].command], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.code, r.stderr).toBe(1);
    // npm's banner, then the report of the posting, the same as the command's in this process.
    const inProcess = await runCli(["check", "test/fixtures/review/posting-with-errors.md"]);
    expect(inProcess.code).toBe(1);
    expect(inProcess.stdout).toContain("test/fixtures/review/posting-with-errors.md\n");
    expect(r.stdout.endsWith(`\n${inProcess.stdout}`), r.stdout).toBe(true);
  });
});
