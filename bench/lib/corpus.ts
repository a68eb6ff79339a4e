/**
 * The real postings corpus (test/fixtures/corpus, or $RECRUTEMENT_BOT_CORPUS), read into memory
 * once, with the engine options the CLI would use for it (`--startups startups.txt`).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import type { CheckOptions } from "../../src/core/types.js";
import { readPosting, toPosix } from "../../src/cli/files.js";
import { readStartupsFile } from "../../src/cli/repository.js";
import { checkOptionsFor } from "../../src/config/check-options.js";
import { CORPUS_DIR } from "../../test/helpers/shared-data.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export { CORPUS_DIR } from "../../test/helpers/shared-data.js";

export interface CorpusFile {
  /** Path as the CLI hands it to the engine: relative to the root (here the repository). */
  path: string;
  content: Uint8Array;
}

export interface Corpus {
  files: CorpusFile[];
  options: CheckOptions;
  /** Distinct files on disk (before repetition). */
  distinct: number;
  /** Time to read the distinct files once (ms). */
  readMs: number;
}

/** jobs/ and submissions/ (except index.json), repeated `repeat` times (same bytes, new arrays). */
export function loadCorpus(repeat = 10): Corpus {
  const started = performance.now();
  const distinct: CorpusFile[] = [];
  for (const folder of ["jobs", "submissions"]) {
    const dir = path.join(CORPUS_DIR, folder);
    for (const name of readdirSync(dir).sort()) {
      if (folder === "submissions" && name === "index.json") continue;
      const abs = path.join(dir, name);
      distinct.push({ path: toPosix(path.relative(REPO_ROOT, abs)), content: readPosting(abs) });
    }
  }
  const readMs = performance.now() - started;
  const files: CorpusFile[] = [];
  for (let i = 0; i < repeat; i++) for (const f of distinct) files.push({ path: f.path, content: Uint8Array.from(f.content) });
  const options = checkOptionsFor(DEFAULT_CONFIG, readStartupsFile(path.join(CORPUS_DIR, "startups.txt")).ids, false);
  return { files, options, distinct: distinct.length, readMs };
}
