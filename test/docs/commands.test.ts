/**
 * Every command the documentation gives is run somewhere: each line of a ```sh block of
 * README.md, CONTRIBUTING.md and docs/*.md has an entry in test/docs/documented-commands.ts, and
 * the test file the entry names declares a test case named `asTyped(<its id>)` (read from the
 * file's syntax tree: a call of it/test whose name is that call), or .ci/run has the line. A
 * command added to the docs without a test fails here. Also: the documents' relative links lead
 * to files (and headings) that exist.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/shared-data.js";
import {
  DOCS,
  DOCUMENTED,
  documentedLines,
  matches,
  shCommands,
  type DocumentedCommand,
  type DocumentedId,
} from "./documented-commands.js";

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const ENTRIES = Object.entries(DOCUMENTED) as [DocumentedId, DocumentedCommand][];

/** The ids `asTyped("<id>")` names test cases with in a test file: `it(asTyped(id), …)`, `test(…)`, `it.each(…)(asTyped(id), …)`, with modifiers (`it.skipIf(…)(…)`). */
function testCasesNamedAsTyped(rel: string): Set<string> {
  const source = ts.createSourceFile(rel, read(rel), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ids = new Set<string>();
  /** Whether `callee` is it/test, possibly through `.each(…)`, `.skipIf(…)`, `.concurrent`… */
  const isTestFunction = (callee: ts.Expression): boolean => {
    if (ts.isIdentifier(callee)) return callee.text === "it" || callee.text === "test";
    if (ts.isPropertyAccessExpression(callee)) return isTestFunction(callee.expression);
    if (ts.isCallExpression(callee)) return isTestFunction(callee.expression);
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTestFunction(node.expression)) {
      const name = node.arguments[0];
      if (name && ts.isCallExpression(name) && ts.isIdentifier(name.expression) && name.expression.text === "asTyped") {
        const id = name.arguments[0];
        if (id && ts.isStringLiteral(id)) ids.add(id.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return ids;
}

describe("every sh command of the docs is run by a test or .ci/run", () => {
  const all = DOCS.flatMap((doc) => shCommands(doc).map((line) => ({ doc, line })));

  it("finds the commands of README.md, CONTRIBUTING.md and docs/*.md", () => {
    expect(DOCS).toEqual(expect.arrayContaining(["docs/contribuer.md", "docs/deploy.md", "docs/editeurs.md", "docs/fermeture.md"]));
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map(({ doc, line }) => [doc, line]))("%s: `%s` has an entry in documented-commands.ts", (_doc, line) => {
    const covered = ENTRIES.filter(([, c]) => matches(c, line)).map(([id]) => id);
    expect(covered, "no test runs this command: add an entry in test/docs/documented-commands.ts, and its test case").not.toHaveLength(0);
  });

  it.each(ENTRIES.map(([id, c]) => [id, c]))("%s: its test case exists, and the command is still in the docs", (id, c) => {
    expect(documentedLines(id), `${String(c.command)} is no longer in the docs: remove its entry`).not.toHaveLength(0);
    expect(existsSync(path.join(PROJECT_ROOT, c.by)), c.by).toBe(true);
    if (c.by === ".ci/run") {
      expect(read(".ci/run").split("\n")).toContain(c.command);
    } else {
      expect(c.by).toMatch(/^test\/.*\.test\.ts$/);
      expect([...testCasesNamedAsTyped(c.by)], `${c.by} should declare it(asTyped("${id}"), …)`).toContain(id);
    }
    if (c.notRun) expect(c.notRun.length).toBeGreaterThan(20);
  });

  it("says which commands are not run, and why (read this list in the final notes)", () => {
    expect(ENTRIES.filter(([, c]) => c.notRun).map(([id]) => id)).toEqual(["test-fast", "docker-build", "docker-run"]);
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
    [
      ...read(doc)
        .replace(/```[\s\S]*?```/g, "")
        .matchAll(/\]\(([^)\s]+)\)/g),
    ]
      .map((m) => m[1]!)
      .filter((href) => !/^[a-z]+:/i.test(href))
      .map((href) => ({ doc, href })),
  );

  it.each(links.map(({ doc, href }) => [doc, href]))("%s → %s", (doc, href) => {
    const [file, anchor] = href.split("#") as [string, string | undefined];
    const target = file === "" ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), decodeURIComponent(file)));
    expect(existsSync(path.join(PROJECT_ROOT, target)), target).toBe(true);
    if (anchor && target.endsWith(".md")) {
      const headings = [
        ...read(target)
          .replace(/```[\s\S]*?```/g, "")
          .matchAll(/^#{1,6} (.+)$/gm),
      ].map((m) => slug(m[1]!));
      expect(headings, `${target}#${anchor}`).toContain(decodeURIComponent(anchor));
    }
  });
});
