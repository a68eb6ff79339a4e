/**
 * What the check command learns from the repository around the postings: its configuration
 * (`.github/recrutement-bot.yml`) and its startup ids (`content/_startups/*.md`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_PATH, type Config } from "../config/schema.js";
import { MAX_CONFIG_BYTES, parseConfig, type ConfigProblem } from "../config/parse-config.js";
import type { Lang } from "../messages/index.js";

export interface RepositoryConfig {
  config: Config;
  problems: ConfigProblem[];
  /** Whether `.github/recrutement-bot.yml` exists under the root. */
  found: boolean;
}

/** Reads and parses `<root>/.github/recrutement-bot.yml`; a missing file means defaults. */
export function loadRepositoryConfig(root: string, lang: Lang): RepositoryConfig {
  const file = path.join(root, CONFIG_PATH);
  let text: string;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { ...parseConfig(null, lang), found: false };
    // Oversized: parseConfig reports it without us reading the whole file.
    text = stats.size > MAX_CONFIG_BYTES ? "x".repeat(MAX_CONFIG_BYTES + 1) : readFileSync(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return { ...parseConfig(null, lang), found: false };
    throw error;
  }
  return { ...parseConfig(text, lang), found: true };
}

/** Startup ids: the `*.md` basenames of `<root>/<startupsDir>`; null when the folder is absent. */
export function readStartupsDir(root: string, startupsDir: string): Set<string> | null {
  const dir = path.join(root, startupsDir);
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return null;
    names = readdirSync(dir);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const ids = new Set<string>();
  for (const name of names) if (name.endsWith(".md") && name.length > 3) ids.add(name.slice(0, -3));
  return ids;
}

/** Startup ids from a text file, one per line (blank lines and `#` comments ignored). */
export function readStartupsFile(file: string): Set<string> {
  const ids = new Set<string>();
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (line !== "" && !line.startsWith("#")) ids.add(line);
  }
  return ids;
}

export function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
