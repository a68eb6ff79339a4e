/**
 * Where the test data of real postings lives: `test/fixtures/corpus` and `test/fixtures/seeds`,
 * byte-for-byte copies of the workspace's `../shared/corpus` (jobs/, submissions/, startups.txt)
 * and `../shared/seeds`, so that a clone tests green with nothing beside it. RECRUTEMENT_BOT_CORPUS
 * and RECRUTEMENT_BOT_SEEDS name other folders. One place for the tests and the benchmarks.
 * (test/fixtures-copy.test.ts checks the copies against ../shared when it is there.)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function locate(envName: string, fixture: string): string {
  const fromEnv = process.env[envName];
  return fromEnv ? path.resolve(fromEnv) : path.join(PROJECT_ROOT, "test", "fixtures", fixture);
}

export const CORPUS_DIR = locate("RECRUTEMENT_BOT_CORPUS", "corpus");
export const SEEDS_DIR = locate("RECRUTEMENT_BOT_SEEDS", "seeds");

/** The workspace's shared folder beside the checkout, when there is one (the source of the copies). */
export const SHARED_DIR = path.resolve(PROJECT_ROOT, "..", "shared");
