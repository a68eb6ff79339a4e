/** The real executable, spawned as users run it (through tsx, as `npm run cli` does). */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "./helpers.js";

const BIN = path.join(PROJECT_ROOT, "bin/recrutement-bot.ts");
/** `--import tsx` resolves from the current folder: name the loader by its path instead. */
const TSX = pathToFileURL(path.join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const repo = tempTree({
  "content/_jobs/2024-03-01-bonne.md": "---\nroles: Développeuse\ncontrat: CDI\nstartup: mon-produit\nopen: false\n---\n\nTexte.\n",
  "content/_jobs/2024-03-01-mauvaise.md": "---\ntitle: sans intitulé\n---\n",
  "content/_startups/mon-produit.md": "---\ntitle: Mon produit\n---\n",
});
afterAll(() => repo.cleanup());

function bin(args: string[], cwd = repo.dir) {
  const r = spawnSync(process.execPath, ["--import", TSX, BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/recrutement-bot.ts (spawned)", () => {
  it("exits 0 on a clean posting", () => {
    const r = bin(["check", "content/_jobs/2024-03-01-bonne.md"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("✔ 1 fichier vérifié\u202F: aucun problème\n");
    expect(r.code).toBe(0);
  });

  it("exits 1 when a posting has an error, without colours when piped", () => {
    const r = bin(["check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("content/_jobs/2024-03-01-mauvaise.md\n");
    expect(r.stdout).not.toContain("\u001b[");
    expect(r.stdout).toMatch(/✖ \d+ problèmes? \(\d+ erreurs?, \d+ avertissements?\) dans 2 fichiers vérifiés\n$/);
  });

  it("exits 2 on a usage error and on a missing path", () => {
    expect(bin(["check", "--format", "xml"]).code).toBe(2);
    const r = bin(["check", "absent.md"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "Chemin introuvable\u202F: absent.md\n" });
    expect(bin(["bogus"]).code).toBe(2);
  });

  it("runs as `npm run cli -- …` from the project folder", () => {
    const r = spawnSync("npm", ["run", "--silent", "cli", "--", "check", path.join(repo.dir, "content/_jobs/2024-03-01-bonne.md"), "--root", repo.dir, "--format", "json"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: unknown };
    expect(out.summary).toEqual({ files: 1, errors: 0, warnings: 0 });
  });
});
