/**
 * What a pull request is answerable for. A problem of a changed posting that was already there
 * before the pull request (the same problem in the version at the base commit) and sits on a
 * line the pull request did not write is "pre-existing": shown apart, never blocking. A new
 * posting answers for all its problems. Pure.
 */
import type { Diagnostic, PostingReport } from "../../core/types.js";

/** Same rule, same message, same key, same texts: the same problem, wherever its line moved. */
function problemKey(d: Diagnostic): string {
  const texts = Object.entries(d.params)
    .filter(([, v]) => typeof v === "string")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([d.rule, d.messageId, d.key ?? "", texts]);
}

/**
 * The diagnostics of `head` already present in `base` and not on a line the pull request wrote.
 * Without a version before (a new posting, or one that could not be read), none.
 */
export function preExistingProblems(head: PostingReport, base: PostingReport | null, added: ReadonlySet<number> | "all"): Set<Diagnostic> {
  const found = new Set<Diagnostic>();
  if (added === "all" || base === null) return found;
  const before = new Map<string, number>();
  for (const d of base.diagnostics) before.set(problemKey(d), (before.get(problemKey(d)) ?? 0) + 1);
  for (const d of head.diagnostics) {
    const key = problemKey(d);
    const left = before.get(key) ?? 0;
    if (left > 0 && !added.has(d.line)) {
      found.add(d);
      before.set(key, left - 1);
    }
  }
  return found;
}

/**
 * True when the only change from `baseLines` to `headLines` is the `open:` line, now false:
 * what the closing job's pull requests do (and a person closing a posting by hand).
 */
export function onlyClosesPosting(
  baseLines: readonly string[],
  headLines: readonly string[],
  head: PostingReport,
  base: PostingReport,
): boolean {
  if (head.open !== false || base.open !== true || head.openLine === null || baseLines.length !== headLines.length) return false;
  let changed = 0;
  for (let i = 0; i < headLines.length; i++) {
    if (headLines[i] === baseLines[i]) continue;
    if (i + 1 !== head.openLine) return false;
    changed++;
  }
  return changed === 1;
}
