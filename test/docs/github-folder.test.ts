/**
 * The project's .github folder: its CI runs what the README says a fresh machine runs (.ci/run:
 * npm ci then npm test) on the Node versions the project supports; Dependabot watches npm and
 * the workflow's actions.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/shared-data.js";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");

describe(".github", () => {
  it("CI runs .ci/run (npm ci, npm test) on Node 22 and 24, with a read-only token", () => {
    const ci = parse(read(".github/workflows/ci.yml")) as { permissions: unknown; jobs: { test: { strategy: { matrix: { node: number[] } }; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> } } };
    expect(ci.permissions).toEqual({ contents: "read" });
    expect(ci.jobs.test.strategy.matrix.node).toEqual([22, 24]);
    const steps = ci.jobs.test.steps;
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with).toMatchObject({ "node-version": "${{ matrix.node }}" });
    expect(steps.at(-1)?.run).toBe(".ci/run");
    expect(read(".ci/run")).toMatch(/\nnpm ci\nnpm test\n$/);
  });

  it("Dependabot watches npm and the GitHub Actions", () => {
    const config = parse(read(".github/dependabot.yml")) as { updates: Array<{ "package-ecosystem": string }> };
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });
});
