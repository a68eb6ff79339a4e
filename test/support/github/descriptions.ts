/**
 * GitHub's published descriptions, read once: the REST description (@octokit/openapi, 13 MB) and
 * the GraphQL schema (@octokit/graphql-schema, 5 MB) are reduced to compact indexes (what the
 * request checks need: operations and request-body schemas; types and fields, without their
 * documentation) kept in the system's temporary folder, under a name made of the package's
 * version and of the code that builds the index. The vitest global setup builds them before any
 * test file runs; a script run outside vitest builds them at its first use. A test file reads an
 * index (hundreds of kB), never a description.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

/** A file of an installed package, found without going through its `exports`. */
function packageFile(name: string, file: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name}/${file} not found: is ${name} installed?`);
}

export interface Description<Index> {
  /** The package that publishes it and the file, e.g. @octokit/openapi, generated/api.github.com.json. */
  pkg: string;
  file: string;
  /** The module that builds the index (its text names the index: a change rebuilds it). */
  builder: URL;
  build(description: never): Index;
}

/** The index's file, built first if missing. */
export function ensureIndex<Index>(d: Description<Index>): string {
  const version = (JSON.parse(readFileSync(packageFile(d.pkg, "package.json"), "utf8")) as { version: string }).version;
  const hash = createHash("sha1").update(readFileSync(d.builder)).digest("hex").slice(0, 12);
  const folder = path.join(tmpdir(), "recrutement-bot-github-descriptions");
  const name = d.pkg.replace(/^@/, "").replace(/\W+/g, "-");
  const file = path.join(folder, `${name}-${version}-${hash}.json`);
  if (existsSync(file)) return file;
  const index = d.build(JSON.parse(readFileSync(packageFile(d.pkg, d.file), "utf8")) as never);
  mkdirSync(folder, { recursive: true });
  // Indexes of other versions or builders are stale now.
  for (const old of readdirSync(folder))
    if (old.startsWith(`${name}-`) && old.endsWith(".json")) rmSync(path.join(folder, old), { force: true });
  // Written aside then renamed: a reader never sees half a file, two writers never mix theirs.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(index));
  renameSync(partial, file);
  return file;
}

export function loadIndex<Index>(d: Description<Index>): Index {
  try {
    return JSON.parse(readFileSync(ensureIndex(d), "utf8")) as Index;
  } catch {
    // Removed meanwhile by a process with another version: built again.
    return JSON.parse(readFileSync(ensureIndex(d), "utf8")) as Index;
  }
}
