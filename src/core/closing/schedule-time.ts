/**
 * When the daily closing run is due: the local hour in the configured time zone equals the
 * configured hour (whether the repository already ran that local day is the caller's claim). Pure.
 */
import { todayIn } from "../dates.js";

/** Hour (0–23) of `now` in `timeZone`. Throws a RangeError for an unknown zone. */
export function hourIn(timeZone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" }).formatToParts(now);
  return Number(parts.find((p) => p.type === "hour")?.value ?? NaN);
}

/** The local day of the run when `now` is in the run's hour, else null. */
export function runDayAt(now: Date, timeZone: string, hour: number): string | null {
  return hourIn(timeZone, now) === hour ? todayIn(timeZone, now) : null;
}
