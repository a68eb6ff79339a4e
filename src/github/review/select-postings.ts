/**
 * Which files of a pull request are postings to review: the files under the postings folder
 * that the pull request adds, modifies, copies or renames (removals are not reviewed), at most
 * `max-files` of them, in path order.
 */
import type { PullRequestFile } from "../read-pull-request-files.js";
import { readPatch } from "./diff-lines.js";

export interface PostingToReview {
  path: string;
  /** Added (or brought into the postings folder): the rules for new postings apply. */
  isNew: boolean;
  /** New-side lines of the diff (where a suggestion can go); "all" for an added file. */
  diffLines: ReadonlySet<number> | "all";
  /**
   * Lines the pull request wrote ("+" lines of the diff), "all" for a new posting. Empty when
   * GitHub gives no diff (a pure rename, a diff too large): the version before then decides.
   */
  addedLines: ReadonlySet<number> | "all";
  /** Where the posting was before the pull request (its path, or the old path of a rename), null for a new one. */
  basePath: string | null;
}

export interface PostingSelection {
  postings: PostingToReview[];
  /** Postings of the pull request beyond `max-files`, not reviewed. */
  skipped: string[];
}

export function isUnder(path: string, folder: string): boolean {
  return path.startsWith(folder + "/") && path.length > folder.length + 1;
}

export function selectPostings(files: readonly PullRequestFile[], postingsDir: string, maxFiles: number): PostingSelection {
  const candidates = files
    .filter((f) => f.status !== "removed" && f.status !== "unchanged" && isUnder(f.filename, postingsDir))
    .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
  const postings = candidates.slice(0, maxFiles).map((f): PostingToReview => {
    const isNew =
      f.status === "added" ||
      f.status === "copied" ||
      (f.status === "renamed" && (f.previousFilename === null || !isUnder(f.previousFilename, postingsDir)));
    const patch = !isNew && f.patch !== null ? readPatch(f.patch) : null;
    // A posting GitHub did not list (beyond its 3,000 files) has no diff: no line takes a suggestion.
    const lines: ReadonlySet<number> | "all" = f.unlisted
      ? new Set<number>()
      : f.status === "added"
        ? "all"
        : f.patch !== null
          ? readPatch(f.patch).lines
          : new Set<number>();
    return {
      path: f.filename,
      isNew,
      diffLines: lines,
      addedLines: isNew ? "all" : (patch?.added ?? new Set<number>()),
      basePath: isNew ? null : (f.previousFilename ?? f.filename),
    };
  });
  return { postings, skipped: candidates.slice(maxFiles).map((f) => f.filename) };
}
