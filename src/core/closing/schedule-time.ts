/**
 * When the daily closing run is due: the local hour in the configured time zone equals the
 * configured hour, and the repository has not been run on that local day yet. Pure.
 */
import { todayIn } from "../dates.js";

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** Hour (0–23) of `now` in `timeZone`. Throws a RangeError for an unknown zone. */
export function hourIn(timeZone: string, now: Date): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.formatToParts(now).find((p) => p.type === "hour")?.value ?? NaN);
}

/** The local day to record as run when the run is due now, else null. */
export function dueRunDay(now: Date, timeZone: string, hour: number, lastRunDay: string | undefined): string | null {
  if (hourIn(timeZone, now) !== hour) return null;
  const day = todayIn(timeZone, now);
  return day === lastRunDay ? null : day;
}
