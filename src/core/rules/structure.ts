/** Rules on the file itself: its name. (Reading problems come from parse-posting.) */
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { FRONT_MATTER_START, isBlank, valueOf, type PostingView } from "./posting-view.js";

/** Jekyll's date in a collection's file name (its DATE_FILENAME_MATCHER): `2021-07-07-titre.md`. */
const FILE_NAME_DATE = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-/;

function isCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year.length === 2 ? `20${year}` : year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function normalizeDir(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
}

/** True when `path` lies in the postings folder `dir` (any depth). */
export function isInPostingsDir(path: string, dir: string): boolean {
  const d = normalizeDir(dir);
  const p = normalizeDir(path);
  return d === "" || p.startsWith(`${d}/`);
}

function fileName(path: string): string {
  return normalizeDir(path).split("/").pop() ?? "";
}

export function checkStructure(posting: PostingView, options: CheckOptions): Diagnostic[] {
  if (!isInPostingsDir(posting.path, options.postingsDir)) return [];
  const name = fileName(posting.path);
  if (name.endsWith(".md")) return [];
  return [diagnostic("file-extension", severityOf("file-extension"), FRONT_MATTER_START, "file-extension", { name })];
}

/**
 * The posting's day: Jekyll takes it from the file name (`YYYY-MM-DD-…`) or from `date:`; with
 * neither, the page's address and « Poste ouvert le » take the day the site is built.
 */
export function checkFileDate(posting: PostingView, options: CheckOptions): Diagnostic[] {
  if (!isInPostingsDir(posting.path, options.postingsDir)) return [];
  const name = fileName(posting.path);
  if (!name.endsWith(".md")) return [];
  const written = FILE_NAME_DATE.exec(name);
  if (written) {
    // Jekyll reads this day and stops the whole site's build when it is not a real one (2020-13-01).
    return isCalendarDay(written[1]!, written[2]!, written[3]!)
      ? []
      : [
          diagnostic(
            "date-invalid",
            severityOf("date-invalid", "date"),
            FRONT_MATTER_START,
            "file-date-invalid",
            { name },
            { key: "date" },
          ),
        ];
  }
  if (!isBlank(valueOf(posting, "date"))) return [];
  // A day written another way at the start of the name (`2020-09-10_coach.md`): the name to write.
  const day = /^(\d{4})[-_.]?(\d{1,2})[-_.]?(\d{1,2})[-_. ]+(.+)$/.exec(name);
  const rename = day ? `${day[1]}-${day[2]}-${day[3]}-${day[4]}` : "";
  return [
    diagnostic(
      "file-date-missing",
      severityOf("file-date-missing"),
      FRONT_MATTER_START,
      "file-date-missing",
      { name, rename },
      { key: "date" },
    ),
  ];
}
