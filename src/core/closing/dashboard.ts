/**
 * The content of the dashboard issue « Tableau de bord des offres », pure: from the postings of
 * the default branch (their texts) and the closing pull requests waiting, what the issue lists.
 *
 * - the open postings with a closing date, soonest first, with the days left; those closing
 *   within `noticeDays` (today included) are flagged;
 * - the open postings without a closing date opened more than `staleDays` ago (the opening day:
 *   the front matter's `date`, else the day the file name starts with);
 * - the postings due (past date, or filled) still open;
 * - the closing pull requests waiting, oldest first, with their age in days;
 * - the open postings counted by contract type;
 * - the open postings that do not pass the checks (an error the review would block on).
 */
import { checkPosting } from "../check-posting.js";
import { isPast } from "../dates.js";
import type { PostingCache } from "../posting-cache.js";
import type { CheckOptions, ContractType } from "../types.js";
import { daysBetween } from "./days.js";
import type { PostingFile } from "./find-due.js";

export interface DashboardPosting {
  path: string;
  roles: string | null;
  contracts: ContractType[];
}

export interface DashboardInput {
  postings: readonly PostingFile[];
  options: CheckOptions;
  today: string;
  noticeDays: number;
  staleDays: number;
  /** Open closing pull requests: number, the day it was opened (YYYY-MM-DD), the postings it names. */
  pullRequests: readonly { number: number; openedOn: string | null; paths: readonly string[] }[];
  /** Readings kept by blob id (the closing run has just read the same postings). */
  cache?: PostingCache;
}

export interface Dashboard {
  today: string;
  open: (DashboardPosting & { date: string; daysLeft: number; soon: boolean })[];
  due: (DashboardPosting & { date: string | null })[];
  stale: (DashboardPosting & { openedOn: string; days: number })[];
  waiting: { number: number; days: number | null; paths: readonly string[] }[];
  /** Open postings with an error the review would block on, and which rules. */
  failing: (DashboardPosting & { rules: string[] })[];
  /** Open postings (due or not) per contract type; `null`: none stated. */
  contracts: { type: ContractType | null; count: number }[];
  /** Open postings, due ones included. */
  openCount: number;
  noDateCount: number;
}

export function planDashboard(input: DashboardInput): Dashboard {
  const { today } = input;
  const board: Dashboard = { today, open: [], due: [], stale: [], waiting: [], failing: [], contracts: [], openCount: 0, noDateCount: 0 };
  const counts = new Map<ContractType | null, number>();
  for (const file of input.postings) {
    if (file.text === null) continue;
    const report = checkPosting({ path: file.path, content: file.text, blob: file.blob }, input.options, input.cache);
    if (report.open !== true) continue;
    board.openCount++;
    const types: (ContractType | null)[] = report.contracts.length > 0 ? [...new Set(report.contracts)] : [null];
    for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
    const posting: DashboardPosting = { path: file.path, roles: report.roles, contracts: report.contracts };
    const errors = [...new Set(report.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule))];
    if (errors.length > 0) board.failing.push({ ...posting, rules: errors });
    const date = report.closingDate;
    if (report.filled || (date !== null && isPast(date, today))) {
      board.due.push({ ...posting, date });
      continue;
    }
    if (date !== null) {
      const daysLeft = daysBetween(today, date);
      board.open.push({ ...posting, date, daysLeft, soon: daysLeft <= input.noticeDays });
      continue;
    }
    board.noDateCount++;
    const openedOn = openingDay(file.path, file.text);
    if (openedOn === null) continue;
    const days = daysBetween(openedOn, today);
    if (days > input.staleDays) board.stale.push({ ...posting, openedOn, days });
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  board.open.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : byPath(a, b)));
  board.due.sort((a, b) => ((a.date ?? "") !== (b.date ?? "") ? ((a.date ?? "") < (b.date ?? "") ? -1 : 1) : byPath(a, b)));
  board.stale.sort((a, b) => b.days - a.days || byPath(a, b));
  board.failing.sort(byPath);
  board.waiting = input.pullRequests
    // A pull request opened "after" today (a clock ahead of the reference day): today.
    .map((p) => ({ number: p.number, days: p.openedOn ? Math.max(0, daysBetween(p.openedOn, today)) : null, paths: p.paths }))
    .sort((a, b) => (b.days ?? -1) - (a.days ?? -1) || a.number - b.number);
  board.contracts = [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || String(a.type ?? "~").localeCompare(String(b.type ?? "~")));
  return board;
}

/** The day a posting was opened: its front matter's `date:`, else the day its file name starts with. */
export function openingDay(path: string, text: string): string | null {
  const head = text.split(/\r?\n---/, 1)[0] ?? "";
  const fromDate = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})/m.exec(head);
  if (fromDate) return fromDate[1]!;
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(path.split("/").pop() ?? "");
  return fromName ? fromName[1]! : null;
}
