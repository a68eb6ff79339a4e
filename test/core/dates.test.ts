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
  it("the day of an instant in a zone", () => {
    const ms = Date.parse("2021-07-07T22:30:00Z");
    expect(dayOfInstant(ms, PARIS)).toBe("2021-07-08");
    expect(dayOfInstant(ms, "America/New_York")).toBe("2021-07-07");
    expect(dayOfInstant(ms, "Pacific/Kiritimati")).toBe("2021-07-08");
    expect(dayOfInstant(Date.parse("9999-12-31T12:00:00Z"), "UTC")).toBe("9999-12-31");
    expect(dayOfInstant(Number.NaN, PARIS)).toBeNull();
    expect(dayOfInstant(0, "Nowhere/Atlantis")).toBeNull();
  });
});

describe("toCalendarDay on YYYY-MM-DD text", () => {
  it("real days as written, other spellings of a real day with their ISO form, the rest invalid", () => {
    expect(toCalendarDay(" 2021-07-07 ", PARIS)).toEqual({ day: "2021-07-07" });
    expect(toCalendarDay("2000-02-29", PARIS)).toEqual({ day: "2000-02-29" });
    expect(toCalendarDay("0001-01-01", PARIS)).toEqual({ day: "0001-01-01" });
    expect(toCalendarDay("2021-7-07", PARIS)).toEqual({ error: "format", isoFix: "2021-07-07" });
    expect(toCalendarDay("2021-07-7", PARIS)).toEqual({ error: "format", isoFix: "2021-07-07" });
    for (const t of ["0000-01-01", "1900-02-29", "2023-02-29", "2021-00-10", "2021-04-31", "2021-12-32"])
      expect(toCalendarDay(t, PARIS), t).toEqual({ error: "invalid" });
    for (const t of ["2021-07-0a", "20210-07-07", "2021-07-077", "2021−07−07"])
      expect(toCalendarDay(t, PARIS), t).toEqual({ error: "unreadable" });
  });
});
