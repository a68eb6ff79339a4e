/**
 * The extension commands on a closing pull request, pure: what a comment asks (`/prolonger
 * AAAA-MM-JJ`, `/prolonger 30 jours`, `/garder-ouverte`), the new closing day it means, and the
 * posting's text with that day on its closing-date line, byte for byte: only the date's
 * characters change (quotes, comment, spacing, line endings and the BOM stay).
 */
import { frontMatterValue } from "../edit-lines.js";
import { addDays, daysBetween } from "./days.js";
import { isoDay } from "../dates.js";

export type ClosingCommand = { kind: "extend"; argument: string } | { kind: "keep" };

/** The command of a comment: its first line, `/prolonger …` or `/garder-ouverte`; null for any other comment. */
export function parseClosingCommand(body: string | null | undefined): ClosingCommand | null {
  const first = (body ?? "")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .split(/\r?\n/, 1)[0]!
    .trim();
  const extend = /^\/prolonger(?:\s+(.*))?$/i.exec(first);
  if (extend) return { kind: "extend", argument: (extend[1] ?? "").trim() };
  if (/^\/garder-ouverte$/i.test(first)) return { kind: "keep" };
  return null;
}

/** Longest extension a command may ask, in days. */
export const MAX_EXTENSION_DAYS = 365;

/**
 * The new closing day: `AAAA-MM-JJ` (a real day after `today`, at most MAX_EXTENSION_DAYS ahead)
 * or `N jours` / `N j` / `N days` from `today` (1 to MAX_EXTENSION_DAYS). Null otherwise.
 */
export function extensionDay(argument: string, today: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(argument);
  if (day) {
    const iso = isoDay(Number(day[1]), Number(day[2]), Number(day[3]));
    if (iso === null) return null;
    const ahead = daysBetween(today, iso);
    return ahead >= 1 && ahead <= MAX_EXTENSION_DAYS ? iso : null;
  }
  const days = /^(\d{1,3})\s*(?:jours?|j|days?)$/i.exec(argument);
  if (days) {
    const n = Number(days[1]);
    return n >= 1 && n <= MAX_EXTENSION_DAYS ? addDays(today, n) : null;
  }
  return null;
}

/**
 * `content` with `date` as the value of its front matter's `field:` line (quotes kept); null when
 * there is no front matter or not exactly one such line with a value on it. `line` is 1-based.
 */
export function setClosingDate(content: string, field: string, date: string): { text: string; line: number } | null {
  const found = frontMatterValue(content, field);
  if (!found) return null;
  const quote = /^["']/.test(found.value) ? found.value.charAt(0) : "";
  return { text: content.slice(0, found.start) + quote + date + quote + content.slice(found.start + found.value.length), line: found.line };
}
