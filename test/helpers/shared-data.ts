/**
 * Where the shared test data lives: `../shared/corpus` and `../shared/seeds` beside this
 * checkout (the workspace layout), or the folders named by RECRUTEMENT_BOT_CORPUS /
 * RECRUTEMENT_BOT_SEEDS. One place for the tests and the benchmarks.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function locate(envName: string, sibling: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return path.resolve(fromEnv);
  const besideCheckout = path.resolve(PROJECT_ROOT, "..", "shared", sibling);
  if (existsSync(besideCheckout)) return besideCheckout;
  return path.join("/work/shared", sibling);
}

export const CORPUS_DIR = locate("RECRUTEMENT_BOT_CORPUS", "corpus");
export const SEEDS_DIR = locate("RECRUTEMENT_BOT_SEEDS", "seeds");
