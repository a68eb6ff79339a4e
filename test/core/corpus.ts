/** Access to the shared corpus of real postings (read only) and the options the tests use. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCheckOptions } from "../../src/core/defaults.js";
import type { CheckOptions } from "../../src/core/types.js";

import { CORPUS_DIR, SEEDS_DIR } from "../helpers/shared-data.js";

export const CORPUS = CORPUS_DIR;
export const SEEDS = SEEDS_DIR;
export const JOBS = join(CORPUS, "jobs");
export const SUBMISSIONS = join(CORPUS, "submissions");

export const STARTUP_IDS: ReadonlySet<string> = new Set(
  readFileSync(join(CORPUS, "startups.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== ""),
);

/** Bytes of a corpus file, exactly as stored. */
export function bytes(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

export function text(dir: string, name: string): string {
  return readFileSync(join(dir, name), "utf8");
}

export function jobNames(): string[] {
  return readdirSync(JOBS).sort();
}

/** Submissions with the path they had in their pull request (from index.json). */
export function submissions(): Array<{ file: string; path: string }> {
  const index = JSON.parse(readFileSync(join(SUBMISSIONS, "index.json"), "utf8")) as Array<{ file: string; path: string }>;
  const byFile = new Map(index.map((e) => [e.file, e.path]));
  return readdirSync(SUBMISSIONS)
    .filter((f) => f !== "index.json")
    .sort()
    .map((file) => ({ file, path: byFile.get(file) ?? `content/_jobs/${file}` }));
}

export function options(overrides: Partial<CheckOptions> = {}): CheckOptions {
  return defaultCheckOptions({ startupIds: STARTUP_IDS, ...overrides });
}

let submissionPaths: Map<string, string> | null = null;

function defaultPath(dir: string, name: string): string {
  if (dir !== SUBMISSIONS) return jobPath(name);
  submissionPaths ??= new Map(submissions().map((s) => [s.file, s.path]));
  return submissionPaths.get(name) ?? jobPath(name);
}

/** Path of a posting in the default postings folder. */
export function jobPath(name: string): string {
  return `content/_jobs/${name}`;
}

import { checkPosting } from "../../src/core/check-posting.js";
import type { Diagnostic, PostingReport } from "../../src/core/types.js";
import { tDynamic } from "../../src/messages/index.js";

/** Checks a corpus file under `path` (default: the path it had in its pull request for a submission, else the postings folder and its own name). */
export function checkFile(dir: string, name: string, overrides: Partial<CheckOptions> = {}, path = defaultPath(dir, name)): PostingReport {
  return checkPosting({ path, content: bytes(dir, name) }, options(overrides));
}

/** Checks text given in a test. */
export function checkText(content: string, overrides: Partial<CheckOptions> = {}, path = jobPath("2021-01-01-test.md")): PostingReport {
  return checkPosting({ path, content }, options(overrides));
}

export function byRule(report: PostingReport, rule: Diagnostic["rule"]): Diagnostic[] {
  return report.diagnostics.filter((d) => d.rule === rule);
}

export function french(d: Diagnostic | undefined): string {
  if (!d) throw new Error("no diagnostic");
  return tDynamic("fr", d.messageId, d.params);
}

/** The same posting with one line replaced (line 1-based, without its line ending). */
export function withLine(content: string, line: number, replacement: string): string {
  const lines = content.split("\n");
  const eol = (lines[line - 1] ?? "").endsWith("\r") ? "\r" : "";
  lines[line - 1] = replacement + eol;
  return lines.join("\n");
}
