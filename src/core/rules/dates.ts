/** Dates: real calendar days written YYYY-MM-DD, closing after opening, a closing date for new open postings. */
import { compareDays, toCalendarDay, type CalendarDay } from "../dates.js";
import { diagnostic } from "../diagnostic.js";
import { dateVariant, severityOf } from "../rule-severities.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { isBlank, keyPlace, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

/** Date fields of a posting, besides the configured closing fields. */
export const DATE_KEYS = ["date", "post_ouvert", "poste_ouvert", "poste_ferme", "depublication_date"] as const;
const OPENING_KEYS = ["post_ouvert", "poste_ouvert"] as const;

/** Each date field present (not null) and what it reads as; the valid days among them. */
function readDates(posting: PostingView, options: CheckOptions): { readings: Map<string, CalendarDay>; days: Map<string, string> } {
  const readings = new Map<string, CalendarDay>();
  const days = new Map<string, string>();
  for (const key of new Set([...DATE_KEYS, ...options.closingDateFields])) {
    const value = valueOf(posting, key);
    if (value === undefined || value === null) continue;
    const day = toCalendarDay(value, options.timeZone);
    readings.set(key, day);
    if ("day" in day) days.set(key, day.day);
  }
  return { readings, days };
}

/** The first of `fields` holding a valid day. */
function firstDay(days: ReadonlyMap<string, string>, fields: readonly string[]): { field: string; day: string } | null {
  for (const field of fields) {
    const day = days.get(field);
    if (day !== undefined) return { field, day };
  }
  return null;
}

/** The closing date: the first closing field holding a valid day (the other date fields are not read). */
export function readClosing(posting: PostingView, options: CheckOptions): { field: string; day: string } | null {
  for (const field of options.closingDateFields) {
    const value = valueOf(posting, field);
    const day = value === undefined || value === null ? null : toCalendarDay(value, options.timeZone);
    if (day && "day" in day) return { field, day: day.day };
  }
  return null;
}

function checkValue(posting: PostingView, key: string, value: unknown, day: CalendarDay, options: CheckOptions): Diagnostic[] {
  const at = valuePlace(posting, key);
  const params = { key, value: shown(value) };
  if ("day" in day) {
    return day.noTimeZone
      ? [
          diagnostic(
            "date-timezone",
            severityOf("date-timezone"),
            at,
            "date-timezone",
            { ...params, day: day.day, zone: options.timeZone },
            { key },
          ),
        ]
      : [];
  }
  // On `date`, Jekyll's build stops; on a closing field, the closing job cannot read it; elsewhere no template shows it.
  const variant = dateVariant(key, options.closingDateFields);
  const why = variant === "default" ? "" : `-${variant}`;
  switch (day.error) {
    case "format":
      return [
        diagnostic(
          "date-format",
          severityOf("date-format", variant),
          at,
          `date-format${why}`,
          { ...params, fix: day.isoFix ?? "" },
          { key, fix: day.isoFix ? valueFix(posting, key, day.isoFix) : undefined },
        ),
      ];
    case "invalid":
      return [diagnostic("date-invalid", severityOf("date-invalid", variant), at, `date-invalid${why}`, params, { key })];
    case "time-zone":
      return [
        diagnostic("date-invalid", severityOf("date-invalid", variant), at, "time-zone-unknown", { zone: options.timeZone }, { key }),
      ];
    default:
      return [diagnostic("date-invalid", severityOf("date-invalid", variant), at, `date-unreadable${why}`, params, { key })];
  }
}

export function checkDates(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { readings, days } = readDates(posting, options);
  for (const [key, day] of readings) {
    const value = valueOf(posting, key);
    if (value === "") continue;
    found.push(...checkValue(posting, key, value, day, options));
  }
  const closing = firstDay(days, options.closingDateFields);
  const opening = firstDay(days, [...OPENING_KEYS, "date"]);
  if (closing && opening && compareDays(closing.day, opening.day) < 0) {
    found.push(
      diagnostic(
        "date-order",
        severityOf("date-order"),
        valuePlace(posting, closing.field),
        "date-order",
        {
          closingKey: closing.field,
          closing: closing.day,
          openingKey: opening.field,
          opening: opening.day,
        },
        { key: closing.field },
      ),
    );
  }
  const closingWritten = options.closingDateFields.some((f) => !isBlank(valueOf(posting, f)));
  if (options.isNew && valueOf(posting, "open") === true && !closingWritten) {
    const field = options.closingDateFields[0] ?? "poste_ferme";
    found.push(
      diagnostic(
        "closing-date-missing",
        severityOf("closing-date-missing"),
        keyPlace(posting, "open"),
        "closing-date-missing",
        { field },
        { key: field },
      ),
    );
  }
  return found;
}
