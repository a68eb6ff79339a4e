/**
 * What the check command learns from the repository around the postings: its configuration
 * (`.github/recrutement-bot.yml`) and its startup ids (`content/_startups/*.md`).
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { CONFIG_PATH, type Config } from "../config/schema.js";
import { MAX_CONFIG_BYTES, parseConfig, tooLargeConfig, type ConfigProblem } from "../config/parse-config.js";

export interface RepositoryConfig {
  config: Config;
  problems: ConfigProblem[];
  /** Whether `.github/recrutement-bot.yml` exists under the root. */
  found: boolean;
}

/** Reads and parses `<root>/.github/recrutement-bot.yml`; a missing file means defaults. */
export function loadRepositoryConfig(root: string): RepositoryConfig {
  const file = path.join(root, CONFIG_PATH);
  let text: string;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { ...parseConfig(null), found: false };
    // Oversized: reported without reading the whole file.
    if (stats.size > MAX_CONFIG_BYTES) return { ...tooLargeConfig(), found: true };
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return { ...parseConfig(null), found: false };
    throw error;
  }
  return { ...parseConfig(text), found: true };
}

/** Known startups: their ids, and the `title:` of each when known (id → title). */
export interface Startups {
  ids: Set<string>;
  titles: Map<string, string>;
}

/** Bytes read at the start of a startup's file to find its `title:` (front matters are small). */
const TITLE_READ_BYTES = 8192;

/** The `title:` of a startup file's front matter, from its first bytes; null when absent or unreadable. */
export function readStartupTitle(file: string): string | null {
  let text: string;
  try {
    const fd = openSync(file, "r");
    try {
      const buffer = Buffer.alloc(TITLE_READ_BYTES);
      const n = readSync(fd, buffer, 0, TITLE_READ_BYTES, 0);
      text = buffer.subarray(0, n).toString("utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return null;
  for (const line of lines.slice(1)) {
    if (/^(?:---|\.\.\.)\s*$/.test(line)) break;
    const m = /^title:[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) continue;
    let title = (m[1] ?? "").replace(/[ \t]+#.*$/, "");
    const quoted = /^(["'])(.*)\1$/.exec(title);
    if (quoted) title = quoted[1] === "'" ? (quoted[2] ?? "").replace(/''/g, "'") : (quoted[2] ?? "").replace(/\\"/g, '"');
    return title.trim() === "" ? null : title.trim();
  }
  return null;
}

/** Startups of `<root>/<startupsDir>`: ids from the `*.md` basenames, titles from their front matter; null when the folder is absent. */
export function readStartups(root: string, startupsDir: string): Startups | null {
  const ids = readStartupsDir(root, startupsDir);
  if (!ids) return null;
  const titles = new Map<string, string>();
  for (const id of ids) {
    const title = readStartupTitle(path.join(root, startupsDir, `${id}.md`));
    if (title !== null) titles.set(id, title);
  }
  return { ids, titles };
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

/**
 * Startups from a text file, one per line: an id, or an id, a tab and its title (blank lines and
 * `#` comments ignored).
 */
export function readStartupsFile(file: string): Startups {
  const ids = new Set<string>();
  const titles = new Map<string, string>();
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const id = (tab === -1 ? line : line.slice(0, tab)).trim();
    const title = tab === -1 ? "" : line.slice(tab + 1).trim();
    if (id === "") continue;
    ids.add(id);
    if (title !== "") titles.set(id, title);
  }
  return { ids, titles };
}

export function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}
