/**
 * The real corpus (test/fixtures/corpus, a copy of the workspace's shared corpus: 543 postings of beta.gouv.fr, 346 as first submitted):
 * `check` never crashes, gives well-formed diagnostics, and the same JSON run after run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/core/types.js";
import { CORPUS_DIR, runCli, tempTree } from "./helpers.js";

interface JsonOut {
  files: {
    path: string;
    contracts: string[];
    open: boolean | null;
    closingDate: string | null;
    diagnostics: { line: number; column: number; severity: string; rule: string; message: string; fix?: { line: number; text: string } }[];
  }[];
  summary: { files: number; errors: number; warnings: number };
}

const STARTUPS = path.join(CORPUS_DIR, "startups.txt");
const hasCorpus = existsSync(path.join(CORPUS_DIR, "jobs"));
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function wellFormed(out: JsonOut): void {
  const rules = new Set<string>(RULE_IDS);
  for (const f of out.files)
    for (const d of f.diagnostics) {
      expect(d.line, f.path).toBeGreaterThanOrEqual(1);
      expect(d.column, f.path).toBeGreaterThanOrEqual(1);
      expect(rules.has(d.rule), `${f.path}: ${d.rule}`).toBe(true);
      expect(["error", "warning"]).toContain(d.severity);
      expect(d.message.length).toBeGreaterThan(0);
      if (d.fix) expect(d.fix.line).toBeGreaterThanOrEqual(1);
    }
  const errors = out.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "error").length, 0);
  const warnings = out.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === "warning").length, 0);
  expect(out.summary).toEqual({ files: out.files.length, errors, warnings });
}

function byRule(out: JsonOut): string {
  const counts = new Map<string, number>();
  for (const f of out.files) for (const d of f.diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(", ");
}

describe.skipIf(!hasCorpus)("check on the real corpus", () => {
  for (const [folder, extra] of [
    ["jobs", []],
    ["submissions", ["--new"]],
  ] as const) {
    it(`checks ${folder}/ with --startups: no crash, well-formed, identical JSON on two runs`, async () => {
      const args = ["check", path.join(CORPUS_DIR, folder), "--startups", STARTUPS, ...extra];
      const first = await runCli([...args, "--format", "json"]);
      expect(first.stderr).toBe("");
      expect([0, 1]).toContain(first.code);
      const second = await runCli([...args, "--format", "json"]);
      expect(second).toEqual(first);
      const out = JSON.parse(first.stdout) as JsonOut;
      wellFormed(out);
      expect(out.files.length).toBeGreaterThan(300);
      for (const format of ["text", "github"]) {
        const r = await runCli([...args, "--format", format, "--lang", "en"]);
        expect(r.code).toBe(first.code);
        expect(r.stderr).toBe("");
      }
      console.log(`corpus ${folder}/ (${extra.join(" ") || "existing postings"}): ${JSON.stringify(out.summary)} — ${byRule(out)}`);
    });
  }

  it("checks the corpus laid out as a repository (content/_jobs, original names): postings without .md are caught", async () => {
    const repo = tempTree({});
    cleanups.push(repo.cleanup);
    const jobsDir = path.join(repo.dir, "jobs-repo/content/_jobs");
    mkdirSync(jobsDir, { recursive: true });
    for (const name of readdirSync(path.join(CORPUS_DIR, "jobs")).sort())
      symlinkSync(path.join(CORPUS_DIR, "jobs", name), path.join(jobsDir, name));
    // Each submission under the name it had in its pull request (index.json); the few names
    // submitted twice get a suffix that keeps their extension (or lack of one).
    const subsDir = path.join(repo.dir, "subs-repo/content/_jobs");
    mkdirSync(subsDir, { recursive: true });
    const index = JSON.parse(readFileSync(path.join(CORPUS_DIR, "submissions/index.json"), "utf8")) as { file: string; path: string }[];
    const used = new Set<string>();
    for (const entry of index) {
      let name = path.posix.basename(entry.path);
      for (let i = 2; used.has(name); i++)
        name = name.endsWith(".md") ? `${path.posix.basename(entry.path, ".md")}~${i}.md` : `${path.posix.basename(entry.path)}~${i}`;
      used.add(name);
      symlinkSync(path.join(CORPUS_DIR, "submissions", entry.file), path.join(subsDir, name));
    }
    for (const [name, extra] of [
      ["jobs-repo", []],
      ["subs-repo", ["--new"]],
    ] as const) {
      const root = path.join(repo.dir, name);
      const args = ["check", "--root", root, "--startups", STARTUPS, "--format", "json", ...extra];
      const r = await runCli(args);
      expect(r.stderr).toBe("");
      expect(await runCli(args)).toEqual(r);
      const out = JSON.parse(r.stdout) as JsonOut;
      wellFormed(out);
      const withoutMd = out.files.filter((f) => !f.path.endsWith(".md"));
      expect(withoutMd.length).toBeGreaterThan(0);
      for (const f of withoutMd) expect(f.diagnostics.map((d) => d.rule)).toContain("file-extension");
      console.log(
        `corpus as a repository, ${name} (${extra.join(" ") || "existing postings"}): ${JSON.stringify(out.summary)}, ${withoutMd.length} without .md — ${byRule(out)}`,
      );
    }
  });
});
