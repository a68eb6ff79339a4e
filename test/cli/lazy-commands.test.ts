/**
 * `check` runs in pre-commit hooks, on every commit: what it loads is what it costs. Commands are
 * loaded when they run (src/cli/commands/index.ts), so `check` must not reach, through its
 * static imports, what `close --repo` needs to talk to GitHub. Read from the sources: the
 * static import graph (type-only imports and `import()` left out).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The packages reached from `entry` through static imports, and the project's files on the way. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) visit(path.posix.join(path.posix.dirname(file), spec).replace(/\.js$/, ".ts"));
      else if (!spec.startsWith("node:")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe("commands are loaded when they run", () => {
  it("check, schema and the global help never load Probot, Octokit or pino", () => {
    const expected: Record<string, string[]> = {
      "bin/recrutement-bot.ts": [],
      "src/cli/commands/check.ts": ["yaml", "zod"],
      "src/cli/commands/schema.ts": ["zod"],
    };
    for (const [entry, packages] of Object.entries(expected)) expect([...staticGraph(entry).packages].sort(), entry).toEqual(packages);
  });

  it("the local close does not either; close --repo loads them from its own module", () => {
    expect([...staticGraph("src/cli/commands/close.ts").packages].sort()).toEqual(["yaml", "zod"]);
    const remote = staticGraph("src/cli/commands/close-on-github.ts").packages;
    for (const name of ["probot", "pino"]) expect(remote.has(name), name).toBe(true);
  });

  it("sees through the imports it is given (the check of this test)", () => {
    const { files } = staticGraph("src/cli/main.ts");
    expect(files.has("src/cli/commands/index.ts")).toBe(true);
    expect(files.has("src/cli/commands/check.ts")).toBe(false);
  });
});
