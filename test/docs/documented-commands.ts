/**
 * Every command the documentation gives (each line of a ```sh block of README.md, CONTRIBUTING.md
 * and docs/*.md), each with what runs it: a test case, named `asTyped(id)`, in the file `by`, or
 * .ci/run. test/docs/commands.test.ts checks the three ends: every line of the docs has an entry,
 * every entry still has a line in the docs, and the file `by` declares a test case named by
 * `asTyped` with that entry's id (or .ci/run has the line). A command added to the docs gets an
 * entry here and its test case there.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/shared-data.js";

export interface DocumentedCommand {
  /** The command line, exactly, or a pattern for a family of lines (its test case runs each: `it.each(lines)(asTyped(id))`). */
  command: string | RegExp;
  /** The test file whose case `asTyped(id)` runs it, or .ci/run. */
  by: string;
  /** Set when the command cannot run on the test machine: why, and what its test case checks instead. */
  notRun?: string;
}

export const DOCUMENTED = {
  "npm-ci": { command: "npm ci", by: ".ci/run" },
  "npm-test": { command: "npm test", by: ".ci/run" },
  "test-fast": {
    command: "npm run test:fast",
    by: "test/docs/test-projects.test.ts",
    notRun:
      "it runs the suite's fast part, and running it from inside the suite would run the suite twice: its test checks that the script runs the projects shared and isolated of vitest.config.ts, and that the projects share out every test file",
  },
  // README « Vérifier des offres en ligne de commande »: every `npm run cli --` line of the section, in process.
  "cli-check": { command: /^npm run cli -- (check|schema)( |$)/, by: "test/cli/readme.test.ts" },
  // The first of them spawned as typed, through npm and tsx.
  "cli-check-spawned": { command: "npm run cli -- check test/fixtures/review/posting-with-errors.md", by: "test/cli/bin.e2e.test.ts" },
  // README « Fermeture automatique » and docs/fermeture.md: every `npm run cli -- close …` line of their sh blocks.
  "cli-close": { command: /^([A-Z_]+=\S+ )*npm run cli -- close( |$)/, by: "test/github/closing/docs-and-action.test.ts" },
  "replay": { command: "npm run replay -- test/fixtures/replay/*.json", by: "test/docs/replay.e2e.test.ts" },
  "npx-install": { command: "npm install --no-save ../recrutement-bot", by: "test/docs/npx.e2e.test.ts" },
  "npx-check": { command: "npx recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new", by: "test/docs/npx.e2e.test.ts" },
  "npx-schema": { command: "npx recrutement-bot schema --out .vscode/posting.schema.json", by: "test/docs/npx.e2e.test.ts" },
  "hook-copy": { command: "cp ../recrutement-bot/examples/pre-commit .git/hooks/pre-commit", by: "test/docs/pre-commit.e2e.test.ts" },
  "hook-chmod": { command: "chmod +x .git/hooks/pre-commit", by: "test/docs/pre-commit.e2e.test.ts" },
  "host-install": { command: "npm ci --omit=dev", by: "test/docs/deploy.e2e.test.ts" },
  "host-start": { command: "npm start", by: "test/docs/deploy.e2e.test.ts" },
  "comment-image": { command: "npx tsx scripts/render-comment-image.ts", by: "test/docs/comment-image.e2e.test.ts" },
  "docker-build": {
    command: "docker build -t recrutement-bot .",
    by: "test/docs/deploy.test.ts",
    notRun:
      "no Docker engine runs on the test machine: the Dockerfile is checked (two stages on node:24-bookworm-slim, npm run build, USER, HEALTHCHECK, copied files), and test/docs/start.e2e.test.ts runs its CMD with its ENV and its HEALTHCHECK in a folder laid out as the image",
  },
  "docker-run": {
    command: /^docker run --env-file <\(sed -E '.*' \.env\) -p 3000:3000 recrutement-bot$/,
    by: "test/docs/deploy.test.ts",
    notRun:
      "no Docker engine: the sed is run on a .env written like Probot's, its output read the way docker reads --env-file, and Probot signs with the key it gives",
  },
} as const satisfies Record<string, DocumentedCommand>;

export type DocumentedId = keyof typeof DOCUMENTED;

/**
 * The name of the test case that runs the documented command `id`: `[id] ` then the command
 * (`%s`, the line, for a family run by it.each), or `what` the case checks instead.
 */
export function asTyped(id: DocumentedId, what?: string): string {
  const { command } = DOCUMENTED[id] as DocumentedCommand;
  return `[${id}] ${what ?? (typeof command === "string" ? command : "%s")}`;
}

export const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(path.join(PROJECT_ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The command lines of a document's ```sh blocks (comments and blank lines aside). */
export function shCommands(rel: string): string[] {
  const lines: string[] = [];
  for (const m of readFileSync(path.join(PROJECT_ROOT, rel), "utf8").matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const raw of m[1]!.split("\n")) {
      const line = raw.trim();
      if (line !== "" && !line.startsWith("#")) lines.push(line);
    }
  }
  return lines;
}

export function matches(c: DocumentedCommand, line: string): boolean {
  return typeof c.command === "string" ? c.command === line : c.command.test(line);
}

/** The lines of the docs that the entry `id` stands for. */
export function documentedLines(id: DocumentedId): string[] {
  const entry = DOCUMENTED[id] as DocumentedCommand;
  return [...new Set(DOCS.flatMap(shCommands).filter((line) => matches(entry, line)))];
}
