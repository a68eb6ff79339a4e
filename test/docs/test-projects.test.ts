/**
 * CONTRIBUTING.md « Installer et tester »: `npm run test:fast` runs every test file but the
 * end-to-end ones, `npm run test:e2e` those, and `npm test` all of them. Running test:fast from
 * inside the suite would run the suite twice: what is checked instead is that the scripts name
 * the projects of vitest.config.ts, and that those projects share the test files out.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "../../vitest.config.js";
import { PROJECT_ROOT } from "../helpers/shared-data.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";

interface Project {
  test: { name: string; include: string[]; exclude?: string[]; isolate?: boolean };
}

const projects = (config.test?.projects ?? []) as Project[];
const scripts = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const names = (script: string) => [...script.matchAll(/--project (\S+)/g)].map((m) => m[1]!);
const testFiles = readdirSync(path.join(PROJECT_ROOT, "test"), { recursive: true, encoding: "utf8" })
  .map((f) => `test/${f.split(path.sep).join("/")}`)
  .filter((f) => f.endsWith(".test.ts"));

/** A glob of the config as a pattern: `**\/` any folders, `*` any name part. */
function globPattern(glob: string): RegExp {
  const escape = (t: string) => t.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${glob
      .split("**/")
      .map((part) => part.split("*").map(escape).join("[^/]*"))
      .join("(?:.*/)?")}$`,
  );
}

/** The projects whose include and exclude take `file`. */
function projectsOf(file: string): string[] {
  const takes = (globs: string[] | undefined) => (globs ?? []).some((g) => globPattern(g).test(file));
  return projects.filter(({ test }) => takes(test.include) && !takes(test.exclude)).map(({ test }) => test.name);
}

describe("npm test, test:fast, test:e2e", () => {
  it(asTyped("test-fast", "npm run test:fast runs the projects shared and isolated, test:e2e the project e2e"), () => {
    expect(projects.map((p) => p.test.name)).toEqual(["e2e", "isolated", "shared"]);
    expect(DOCUMENTED["test-fast"].command).toBe("npm run test:fast");
    expect(scripts["test:fast"]).toBe("vitest run --project shared --project isolated");
    expect(names(scripts["test:e2e"]!)).toEqual(["e2e"]);
    // npm test: scripts/test.ts runs `vitest run` without a project filter, so every project.
    expect(scripts.test).toBe("tsx scripts/test.ts");
  });

  it("every test file is in exactly one project; the end-to-end ones in e2e, the shared workers' isolate: false", () => {
    expect(testFiles.length).toBeGreaterThan(60);
    for (const file of testFiles) expect(projectsOf(file), file).toHaveLength(1);
    for (const file of testFiles.filter((f) => f.endsWith(".e2e.test.ts"))) expect(projectsOf(file), file).toEqual(["e2e"]);
    expect(projectsOf("test/docs/test-projects.test.ts")).toEqual(["shared"]);
    expect(projects.find((p) => p.test.name === "shared")!.test.isolate).toBe(false);
    expect(projects.find((p) => p.test.name === "isolated")!.test.include.length).toBeGreaterThan(0);
  });
});
