/**
 * Which postings are due for closing, and why. Pure: the text of each posting in, one status
 * per posting out.
 *
 * A posting is due when it says `open: true` and either its closing date (the first of the
 * configured date fields that holds a valid date, already turned into a day of the configured
 * time zone by the engine) is before today, or it says `poste_pourvu: true`. Without a date and
 * not filled, it is left alone.
 */
import { checkPosting } from "../check-posting.js";
import { isPast } from "../dates.js";
import { setOpenFalse } from "../edit-lines.js";
import type { PostingCache } from "../posting-cache.js";
import type { CheckOptions, ContractType } from "../types.js";

/** One posting file of the default branch. `text` is null when its bytes are not exact UTF-8 text. */
export interface PostingFile {
  path: string;
  /** Git blob oid of the file on the default branch (empty for files on disk). */
  blob: string;
  text: string | null;
}

/** `asked`: not due, but someone with write access ticked « fermer maintenant » on the dashboard. */
export type DueReason = { kind: "date"; field: string; date: string } | { kind: "filled" } | { kind: "asked"; login: string };

export interface DuePosting {
  path: string;
  blob: string;
  roles: string | null;
  contracts: ContractType[];
  /** 1-based line of `open:`, the only line the edit changes. */
  openLine: number;
  reason: DueReason;
  /** The whole file with `open: false`. */
  closedText: string;
}

export type ClosingStatus =
  | { path: string; blob: string; state: "due"; posting: DuePosting }
  /** `open: false` already. */
  | { path: string; blob: string; state: "closed" }
  /** Open, with a closing day today or later. */
  | { path: string; blob: string; state: "open-until"; field: string; date: string }
  /** Open, no closing date, not filled. */
  | { path: string; blob: string; state: "open-no-date" }
  /** Not text, no boolean `open`, or no `open:` line the edit can rewrite: left alone. */
  | { path: string; blob: string; state: "unreadable" };

/** The posting's status on `today`; `cache`: readings kept by blob id from a run to the next. */
export function classifyPosting(file: PostingFile, options: CheckOptions, today: string, cache?: PostingCache): ClosingStatus {
  const { path, blob } = file;
  if (file.text === null) return { path, blob, state: "unreadable" };
  const report = checkPosting({ path, content: file.text, blob }, options, cache);
  if (report.open === false) return { path, blob, state: "closed" };
  if (report.open !== true) return { path, blob, state: "unreadable" };
  let reason: DueReason | null = null;
  if (report.filled) reason = { kind: "filled" };
  else if (report.closingDate !== null && isPast(report.closingDate, today)) {
    reason = { kind: "date", field: report.closingDateField ?? options.closingDateFields[0] ?? "", date: report.closingDate };
  }
  if (reason === null) {
    return report.closingDate !== null
      ? { path, blob, state: "open-until", field: report.closingDateField ?? "", date: report.closingDate }
      : { path, blob, state: "open-no-date" };
  }
  const closedText = setOpenFalse(file.text);
  if (closedText === null || report.openLine === null) return { path, blob, state: "unreadable" };
  return {
    path,
    blob,
    state: "due",
    posting: { path, blob, roles: report.roles, contracts: report.contracts, openLine: report.openLine, reason, closedText },
  };
}

/** Statuses of all `files`, and the postings due, oldest closing date first (filled ones first), then by path. */
export function findDue(
  files: readonly PostingFile[],
  options: CheckOptions,
  today: string,
  cache?: PostingCache,
): { statuses: ClosingStatus[]; due: DuePosting[] } {
  const statuses = files.map((f) => classifyPosting(f, options, today, cache));
  const due = statuses.flatMap((s) => (s.state === "due" ? [s.posting] : [])).sort(byUrgency);
  return { statuses, due };
}

export function byUrgency(a: DuePosting, b: DuePosting): number {
  const da = a.reason.kind === "date" ? a.reason.date : "";
  const db = b.reason.kind === "date" ? b.reason.date : "";
  if (da !== db) return da < db ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
