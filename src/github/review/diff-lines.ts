/**
 * Lines of the new version of a file that a review comment can point at: GitHub accepts
 * `side: "RIGHT"` comments on the added and context lines of the diff's hunks, nothing else.
 */

/** New-side line numbers (1-based) present in a unified diff `patch` (hunks only, no headers). */
export function diffLines(patch: string): Set<number> {
  return readPatch(patch).lines;
}

/**
 * New-side lines of `patch`: `lines`, every line GitHub shows (added and context: where a
 * suggestion can go); `added`, the lines the pull request wrote (only these can block it).
 */
export function readPatch(patch: string): { lines: Set<number>; added: Set<number> } {
  const lines = new Set<number>();
  const added = new Set<number>();
  let next = 0;
  let inHunk = false;
  const rows = patch.split("\n");
  if (rows.at(-1) === "") rows.pop();
  for (const raw of rows) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const mark = line[0];
    if (mark === "+" || mark === " ") {
      lines.add(next);
      if (mark === "+") added.add(next);
      next++;
    } else if (mark === "" || mark === undefined) {
      // An empty line inside a hunk is a context line whose leading space was lost.
      lines.add(next);
      next++;
    }
    // "-" (removed) and "\" (no newline at end of file) do not move the new side.
  }
  return { lines, added };
}
