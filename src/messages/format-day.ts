/** A calendar day `YYYY-MM-DD` in words: « 7 juillet 2021 », "7 July 2021". */
import type { Lang } from "./define.js";

const FORMATS: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
};

export function dayInWords(lang: Lang, day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return day;
  const words = FORMATS[lang].format(date);
  // French writes the first of the month « 1er ».
  return lang === "fr" && date.getUTCDate() === 1 ? words.replace(/^1 /, "1er ") : words;
}
