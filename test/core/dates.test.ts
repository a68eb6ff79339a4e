import { describe, expect, it } from "vitest";
import { compareDays, dayOfInstant, isPast, toCalendarDay, todayIn } from "../../src/core/dates.js";

const PARIS = "Europe/Paris";

describe("toCalendarDay", () => {
  it.each([
    ["2021-07-07", { day: "2021-07-07" }],
    ["2022-02-22T23:00:00.000Z", { day: "2022-02-23" }],
    ["2022-07-08T08:20:03.110Z", { day: "2022-07-08" }],
    ["2022-02-21T9:00:00.000Z", { day: "2022-02-21" }],
    ["2021-12-31T23:30:00+01:00", { day: "2021-12-31" }],
    ["2021-12-31T23:30:00-05:00", { day: "2022-01-01" }],
    ["2021-06-30 22:30:00 Z", { day: "2021-07-01" }],
    ["2022-06-27T09:00:00", { day: "2022-06-27", noTimeZone: true }],
    ["07/07/2026", { error: "format", isoFix: "2026-07-07" }],
    ["7/7/2026", { error: "format", isoFix: "2026-07-07" }],
    ["07-07-2026", { error: "format", isoFix: "2026-07-07" }],
    ["31.12.2026", { error: "format", isoFix: "2026-12-31" }],
    ["2026/07/07", { error: "format", isoFix: "2026-07-07" }],
    ["1er juillet 2026", { error: "format", isoFix: "2026-07-01" }],
    ["mardi 7 Juillet 2026", { error: "format", isoFix: "2026-07-07" }],
    ["2026-02-30", { error: "invalid" }],
    ["2024-02-29", { day: "2024-02-29" }],
    ["2100-02-29", { error: "invalid" }],
    ["2026-13-01", { error: "invalid" }],
    ["30/02/2026", { error: "invalid" }],
    ["2022-06-27T25:00:00Z", { error: "invalid" }],
    ["bientôt", { error: "unreadable" }],
    ["", { error: "unreadable" }],
  ])("%s → %j", (value, expected) => {
    expect(toCalendarDay(value, PARIS)).toEqual(expected);
  });

  it("non-text values", () => {
    expect(toCalendarDay(20210707, PARIS)).toEqual({ error: "unreadable" });
    expect(toCalendarDay(null, PARIS)).toEqual({ error: "unreadable" });
    expect(toCalendarDay(["2021-07-07"], PARIS)).toEqual({ error: "unreadable" });
    // Date objects (YAML 1.1 readers): a date-only value is midnight UTC, that day whatever the zone.
    expect(toCalendarDay(new Date("2021-07-07T00:00:00Z"), "America/New_York")).toEqual({ day: "2021-07-07" });
    expect(toCalendarDay(new Date("2022-02-22T23:00:00Z"), PARIS)).toEqual({ day: "2022-02-23" });
    expect(toCalendarDay(new Date(NaN), PARIS)).toEqual({ error: "invalid" });
  });

  it("an unknown time zone is an error, not an exception", () => {
    expect(toCalendarDay("2022-02-22T23:00:00Z", "Nowhere/Atlantis")).toEqual({ error: "time-zone" });
  });
});

describe("todayIn, compareDays, isPast", () => {
  it("today is a calendar day of the zone", () => {
    const now = new Date("2021-07-07T22:30:00Z");
    expect(todayIn(PARIS, now)).toBe("2021-07-08");
    expect(todayIn("UTC", now)).toBe("2021-07-07");
    expect(() => todayIn("Nowhere/Atlantis", now)).toThrow(RangeError);
  });

  it("orders days; a posting closing on day D is over from D+1", () => {
    expect(compareDays("2021-07-07", "2021-07-08")).toBeLessThan(0);
    expect(compareDays("2021-07-07", "2021-07-07")).toBe(0);
    expect(compareDays("2021-12-31", "2021-07-07")).toBeGreaterThan(0);
    expect(isPast("2021-07-07", "2021-07-07")).toBe(false);
    expect(isPast("2021-07-07", "2021-07-08")).toBe(true);
  });
});

describe("dayOfInstant", () => {
  /** The reading it replaced: formatToParts, parts joined. */
  function reference(ms: number, timeZone: string): string {
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")}`;
  }

  it("same day as formatToParts, over the years 1 to 9999 and odd zones", () => {
    const zones = [PARIS, "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Chatham", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia"];
    let x = 12345;
    /** Date.UTC reads years 0 to 99 as 1900 to 1999: set the full year instead. */
    const utc = (y: number, m: number, d: number, h = 0) => new Date(0).setUTCFullYear(y, m, d) + h * 3_600_000;
    const instants = [utc(1, 0, 1), utc(1, 0, 1, 12), utc(0, 11, 31), utc(0, 11, 31, 23), utc(9999, 11, 31, 23), utc(10000, 0, 1), utc(99, 5, 1), utc(999, 5, 1), utc(1970, 0, 1), utc(2021, 2, 28, 1) + 1_800_000];
    for (let i = 0; i < 400; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      instants.push(utc(1, 0, 1) + (x / 2 ** 31) * (utc(9999, 11, 31) - utc(1, 0, 1)));
    }
    for (const zone of zones) for (const ms of instants) expect(dayOfInstant(ms, zone), `${new Date(ms).toISOString()} ${zone}`).toBe(reference(ms, zone));
    expect(dayOfInstant(Number.NaN, PARIS)).toBeNull();
    expect(dayOfInstant(0, "Nowhere/Atlantis")).toBeNull();
  });
});

describe("toCalendarDay on YYYY-MM-DD text (fast path)", () => {
  /** The reading without the fast path: ISO_DAY then isoDay. */
  function reference(s: string): unknown {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days) return { error: "invalid" };
    const day = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    return day === s.trim() ? { day } : { error: "format", isoFix: day };
  }

  it("same reading for every day of four years, odd days and odd spellings", () => {
    const texts: string[] = [];
    for (const y of ["0000", "0001", "1900", "2000", "2023", "2024", "2100", "9999"])
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) texts.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    texts.push(" 2021-07-07 ", "2021-7-07", "2021-07-7", "2021-07-07\u00a0", "2021/07/07", "2021-07-0a", "20210-07-07", "2021-07-077", "2021−07−07");
    for (const t of texts) {
      const want = reference(t);
      if (want !== null) expect(toCalendarDay(t, PARIS), t).toEqual(want);
    }
  });
});
