/**
 * Finding and reading the postings to check.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { MAX_POSTING_BYTES } from "../core/defaults.js";

/** Folders never walked into (dependencies, VCS data). Dot-folders are skipped too. */
const SKIPPED_DIRS = new Set(["node_modules"]);

export interface CollectResult {
  /** Absolute paths of the files to check, deduplicated (order: see sortPaths). */
  files: string[];
  /** Arguments that exist as neither file nor folder. */
  missing: string[];
  /** Arguments that exist but are neither file nor folder (sockets, devices…). */
  special: string[];
}

/**
 * Expands paths into files. A file given explicitly is always checked. A folder is walked
 * recursively for `*.md` files; in a folder that is the postings folder (same path from the
 * root, or same name, e.g. `_jobs`) every file is taken, so that a posting whose name lacks
 * `.md` reaches the engine, which reports it (rule file-extension). Hidden files and folders,
 * symbolic links to folders and `node_modules` are skipped.
 */
export function collectFiles(absPaths: readonly string[], root: string, postingsDir: string): CollectResult {
  const files = new Set<string>();
  const missing: string[] = [];
  const special: string[] = [];
  const postingsAbs = path.resolve(root, postingsDir);
  const postingsName = path.basename(postingsAbs);
  const isPostingsDir = (dir: string) => dir === postingsAbs || path.basename(dir) === postingsName;

  const walk = (dir: string) => {
    const takeAll = isPostingsDir(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      let isFile = entry.isFile();
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
        continue;
      }
      if (entry.isSymbolicLink()) {
        try {
          isFile = statSync(full).isFile();
        } catch {
          isFile = false; // dangling link
        }
      }
      if (isFile && (takeAll || /\.md$/i.test(entry.name))) files.add(full);
    }
  };

  for (const abs of absPaths) {
    let stats;
    try {
      stats = statSync(abs);
    } catch {
      missing.push(abs);
      continue;
    }
    if (stats.isDirectory()) walk(abs);
    else if (stats.isFile()) files.add(abs);
    else special.push(abs);
  }
  return { files: sortPaths([...files]), missing, special };
}

/** Deterministic order: by code unit, not by locale. */
export function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads a posting, at most MAX_POSTING_BYTES + 1 bytes: enough for the engine to report a
 * file that is too large without holding 50 MiB in memory.
 */
export function readPosting(file: string, limit = MAX_POSTING_BYTES + 1): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    // Files can grow between stat and read, and some report size 0: read until EOF or the limit.
    let buffer = Buffer.allocUnsafeSlow(Math.min(Math.max(size, 1), limit));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const bigger = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, limit));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** `p` with forward slashes (paths in output and in the engine are POSIX-like). */
export function toPosix(p: string): string {
  return path.sep === "/" ? p : p.split(path.sep).join("/");
}
