/**
 * Calendar days of posting dates. No library: ISO forms are read with regular expressions and
 * instants are turned into days of a time zone with Intl.DateTimeFormat.
 */

export type DateError =
  /** Looks like a date but is not a real one (2026-02-30, month 13, 25:00). */
  | "invalid"
  /** A real date written another way (07/07/2026, 7 juillet 2026, 2026-7-7): `isoFix` is the ISO day. */
  | "format"
  /** Not a date at all (text, number, list…). */
  | "unreadable"
  /** The time zone of the options is unknown to Intl. */
  | "time-zone";

export type CalendarDay =
  { day: string; /** Timestamp without zone: read as local time in the zone. */ noTimeZone?: true } | { error: DateError; isoFix?: string };

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?))?$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const FRENCH_MONTHS = [
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];
const FRENCH_DAY = /^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})$/;

/** `YYYY-MM-DD` when y/m/d is a real day (years 1 to 9999), else null. */
export function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (!Number.isInteger(y) || y < 1 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** Calendar day (YYYY-MM-DD) of instant `ms` in `timeZone`, or null for an unknown zone. */
export function dayOfInstant(ms: number, timeZone: string): string | null {
  if (!Number.isFinite(ms)) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(ms));
  } catch {
    return null;
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Today's calendar day in `timeZone`. Throws a RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date): string {
  const day = dayOfInstant(now.getTime(), timeZone);
  if (day === null) throw new RangeError(`unknown time zone ${timeZone}`);
  return day;
}

/** Orders two YYYY-MM-DD days: negative when a is before b, 0 when equal, positive after. */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the closing day `closing` is over on day `today` (closing the day after). */
export function isPast(closing: string, today: string): boolean {
  return compareDays(today, closing) > 0;
}

function offsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!m) return NaN;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function readTimestamp(m: RegExpExecArray, timeZone: string): CalendarDay {
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const day = isoDay(y, mo, d);
  if (day === null || h > 23 || mi > 59 || s > 60) return { error: "invalid" };
  const zone = m[7];
  if (zone === undefined) return { day, noTimeZone: true };
  const offset = offsetMinutes(zone);
  if (!Number.isFinite(offset) || Math.abs(offset) > 18 * 60) return { error: "invalid" };
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  const inZone = dayOfInstant(ms, timeZone);
  return inZone === null ? { error: "time-zone" } : { day: inZone };
}

function readText(text: string, timeZone: string): CalendarDay {
  const s = text.trim();
  let m = ISO_DAY.exec(s);
  if (m) {
    const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day === null) return { error: "invalid" };
    return day === s ? { day } : { error: "format", isoFix: day };
  }
  m = TIMESTAMP.exec(s);
  if (m) return readTimestamp(m, timeZone);
  m = DAY_FIRST.exec(s);
  if (m) return fixed(Number(m[3]), Number(m[2]), Number(m[1]));
  m = YEAR_FIRST_SLASH.exec(s);
  if (m) return fixed(Number(m[1]), Number(m[2]), Number(m[3]));
  const folded = s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
  m = FRENCH_DAY.exec(folded);
  if (m) {
    const month = FRENCH_MONTHS.indexOf(m[2] ?? "") + 1;
    if (month > 0) return fixed(Number(m[3]), month, Number(m[1]));
  }
  return { error: "unreadable" };
}

function fixed(y: number, m: number, d: number): CalendarDay {
  const day = isoDay(y, m, d);
  return day === null ? { error: "invalid" } : { error: "format", isoFix: day };
}

/**
 * The calendar day a front-matter date stands for, in `timeZone`.
 * Accepts strings (YAML 1.2 core schema keeps dates as strings) and Date objects (other readers).
 */
export function toCalendarDay(value: unknown, timeZone: string): CalendarDay {
  if (typeof value === "string") return readText(value, timeZone);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return { error: "invalid" };
    // A date-only YAML 1.1 value is midnight UTC: that day, whatever the zone.
    if (ms % 86_400_000 === 0) return { day: value.toISOString().slice(0, 10) };
    const day = dayOfInstant(ms, timeZone);
    return day === null ? { error: "time-zone" } : { day };
  }
  return { error: "unreadable" };
}
