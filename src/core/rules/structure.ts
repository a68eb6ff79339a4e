/** Rules on the file itself: its name. (Reading problems come from parse-posting.) */
import { diagnostic } from "../diagnostic.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { FRONT_MATTER_START, type PostingView } from "./posting-view.js";

function normalizeDir(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}

/** True when `path` lies in the postings folder `dir` (any depth). */
export function isInPostingsDir(path: string, dir: string): boolean {
  const d = normalizeDir(dir);
  const p = normalizeDir(path);
  return d === "" || p.startsWith(`${d}/`);
}

export function checkStructure(posting: PostingView, options: CheckOptions): Diagnostic[] {
  if (!isInPostingsDir(posting.path, options.postingsDir)) return [];
  const name = normalizeDir(posting.path).split("/").pop() ?? "";
  if (name.endsWith(".md")) return [];
  return [diagnostic("file-extension", "error", FRONT_MATTER_START, "file-extension", { name })];
}
