/**
 * Every command the documentation gives is run somewhere: each line of a ```sh block of
 * README.md, CONTRIBUTING.md and docs/*.md must match an entry below, which names the test (or
 * .ci/run) that runs it, and that file must show it does (its `evidence` string). A command
 * added to the docs without a test fails here. Also: the documents' relative links lead to files
 * (and headings) that exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";

interface Coverage {
  /** The command line, exactly, or a pattern for a family of lines. */
  command: string | RegExp;
  /** The test file (or .ci/run) that runs it. */
  by: string;
  /** A string of that file that shows it runs this command (the line itself, or how it finds the lines). */
  evidence: string;
  /** Set when the command cannot run on the test machine: why, and what is checked instead. */
  notRun?: string;
}

const COVERAGE: Coverage[] = [
  { command: "npm ci", by: ".ci/run", evidence: "npm ci" },
  { command: "npm test", by: ".ci/run", evidence: "npm test" },
  // README « Vérifier des offres en ligne de commande »: that test runs every `npm run cli --` line of the section.
  { command: /^npm run cli -- (check|schema)( |$)/, by: "test/cli/readme.test.ts", evidence: 'startsWith("npm run cli -- ")' },
  // README « Fermeture automatique » and docs/fermeture.md: every `npm run cli -- close …` line of their sh blocks.
  { command: /^([A-Z_]+=\S+ )*npm run cli -- close( |$)/, by: "test/github/closing/docs-and-action.test.ts", evidence: "npm run cli -- close" },
  { command: /^npm run replay -- test\/fixtures\/replay\/[a-z-]+\.json$/, by: "test/docs/replay.test.ts", evidence: "/^npm run replay -- (\\S+)$/gm" },
  { command: "npm install --no-save ../recrutement-bot", by: "test/docs/npx.test.ts", evidence: 'sh("npm install --no-save ../recrutement-bot")' },
  { command: "npx recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new", by: "test/docs/npx.test.ts", evidence: 'sh("npx recrutement-bot check content/_jobs/2026-11-24-mon-offre.md --new")' },
  { command: "npx recrutement-bot schema --out .vscode/posting.schema.json", by: "test/docs/npx.test.ts", evidence: 'sh("npx recrutement-bot schema --out .vscode/posting.schema.json")' },
  { command: "cp ../recrutement-bot/examples/pre-commit .git/hooks/pre-commit", by: "test/docs/pre-commit.test.ts", evidence: "cp ../recrutement-bot/examples/pre-commit .git/hooks/pre-commit" },
  { command: "chmod +x .git/hooks/pre-commit", by: "test/docs/pre-commit.test.ts", evidence: "chmod +x .git/hooks/pre-commit" },
  { command: "npm ci --omit=dev", by: "test/docs/deploy.test.ts", evidence: 'expect(shBlocks[1]).toEqual(["npm ci --omit=dev", "npm start"])' },
  { command: "npm start", by: "test/docs/deploy.test.ts", evidence: 'start(["npm", "start"]' },
  { command: "npx tsx scripts/render-comment-image.ts", by: "test/docs/comment-image.test.ts", evidence: '["scripts/render-comment-image.ts", "--out"' },
  {
    command: "docker build -t recrutement-bot .",
    by: "test/docs/deploy.test.ts",
    evidence: 'expect(shBlocks[0]![0]).toBe("docker build -t recrutement-bot .")',
    notRun: "no Docker engine runs on the test machine: the Dockerfile is checked (two stages on node:24-bookworm-slim, npm run build, USER, HEALTHCHECK, copied files), and test/docs/start.test.ts runs its CMD with its ENV and its HEALTHCHECK in a folder laid out as the image",
  },
  {
    command: /^docker run --env-file <\(sed -E '.*' \.env\) -p 3000:3000 recrutement-bot$/,
    by: "test/docs/deploy.test.ts",
    evidence: "const sed = shBlocks[0]![1]!",
    notRun: "no Docker engine: the sed is run on a .env written like Probot's, its output read the way docker reads --env-file, and Probot signs with the key it gives",
  },
];

const DOCS = ["README.md", "CONTRIBUTING.md", ...readdirSync(path.join(PROJECT_ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");

function shCommands(rel: string): string[] {
  const lines: string[] = [];
  for (const m of read(rel).matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const raw of m[1]!.split("\n")) {
      const line = raw.trim();
      if (line !== "" && !line.startsWith("#")) lines.push(line);
    }
  }
  return lines;
}

const matches = (c: Coverage, line: string) => (typeof c.command === "string" ? c.command === line : c.command.test(line));

describe("every sh command of the docs is run by a test or .ci/run", () => {
  const all = DOCS.flatMap((doc) => shCommands(doc).map((line) => ({ doc, line })));

  it("finds the commands of README.md, CONTRIBUTING.md and docs/*.md", () => {
    expect(DOCS).toEqual(expect.arrayContaining(["docs/contribuer.md", "docs/deploy.md", "docs/editeurs.md", "docs/fermeture.md"]));
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map(({ doc, line }) => [doc, line]))("%s: `%s`", (_doc, line) => {
    const covered = COVERAGE.filter((c) => matches(c, line));
    expect(covered, `no test runs this command: add one, and an entry in ${path.basename(import.meta.url)}`).not.toHaveLength(0);
  });

  it.each(COVERAGE.map((c) => [String(c.command), c]))("%s: its test exists and shows it runs it", (_name, c) => {
    const by = c.by;
    expect(existsSync(path.join(PROJECT_ROOT, by)), by).toBe(true);
    expect(read(by), `${by} should contain: ${c.evidence}`).toContain(c.evidence);
    expect(all.some(({ line }) => matches(c, line)), `${String(c.command)} is no longer in the docs: remove its entry`).toBe(true);
    if (c.notRun) expect(c.notRun.length).toBeGreaterThan(20);
  });

  it("says which commands are not run, and why (read this list in the final notes)", () => {
    expect(COVERAGE.filter((c) => c.notRun).map((c) => String(c.command))).toEqual(["docker build -t recrutement-bot .", String(COVERAGE[COVERAGE.length - 1]!.command)]);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

describe("relative links of the docs", () => {
  const docs = [...DOCS, "CHANGELOG.md"];
  const links = docs.flatMap((doc) =>
    [...read(doc).replace(/```[\s\S]*?```/g, "").matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((href) => !/^[a-z]+:/i.test(href))
      .map((href) => ({ doc, href })),
  );

  it.each(links.map(({ doc, href }) => [doc, href]))("%s → %s", (doc, href) => {
    const [file, anchor] = href.split("#") as [string, string | undefined];
    const target = file === "" ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), decodeURIComponent(file)));
    expect(existsSync(path.join(PROJECT_ROOT, target)), target).toBe(true);
    if (anchor && target.endsWith(".md")) {
      const headings = [...read(target).replace(/```[\s\S]*?```/g, "").matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!));
      expect(headings, `${target}#${anchor}`).toContain(decodeURIComponent(anchor));
    }
  });
});
