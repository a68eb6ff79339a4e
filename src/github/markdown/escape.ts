/**
 * Makes a value copied from a posting (hostile: anyone can open a pull request) safe to show in
 * a GitHub comment: no @mention or #reference, no HTML, no markdown that escapes its place,
 * one line, and short.
 */

/** Longest value shown as is: beyond it, the value is cut and ends with "…". */
export const MAX_VALUE_LENGTH = 80;

const ZERO_WIDTH_SPACE = "\u200B";

/** Cuts `value` to `max` characters (code points, never half a surrogate pair), adding "…". */
export function shorten(value: string, max = MAX_VALUE_LENGTH): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

/** One line, no control characters, no bidi overrides (which can make text read backwards). */
export function oneLine(value: string): string {
  return (
    value
      .replace(/\r\n|\r|\n/g, " ⏎ ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "\uFFFD")
      .replace(/\t/g, " ")
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
  );
}

/**
 * A value as inline markdown text (always inside a line: values are flattened to one line, so
 * list and heading markers cannot start one): punctuation that means something inline is
 * backslash-escaped, `<`, `>` and `&` become entities, and a zero-width space follows `@` and
 * `#` so that GitHub neither pings anyone nor links issues.
 */
export function escapeText(value: string, max = MAX_VALUE_LENGTH): string {
  let out = "";
  for (const ch of shorten(oneLine(value), max)) {
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === "@" || ch === "#") out += ch + ZERO_WIDTH_SPACE;
    else if ("\\`*_[]()!|~".includes(ch)) out += "\\" + ch;
    else out += ch;
  }
  return out;
}

/**
 * Text placed inside an existing code span (between backticks written by a message template):
 * nothing is interpreted there, only a backtick could close the span, so backticks become a
 * look-alike (ˋ, U+02CB).
 */
export function escapeInCodeSpan(value: string, max = MAX_VALUE_LENGTH): string {
  return shorten(oneLine(value), max).replace(/`/g, "ˋ");
}

/**
 * A whole code span around `value` (file paths, keys): CommonMark's rule, a fence of backticks
 * longer than any run inside, padded with spaces when the value touches a backtick.
 */
export function codeSpan(value: string, max = 200): string {
  const text = shorten(oneLine(value), max);
  if (text === "") return "` `";
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || (text.startsWith(" ") && text.endsWith(" ")) ? " " : "";
  return fence + pad + text + pad + fence;
}

/**
 * A fenced code block (used for ```suggestion): the fence is longer than any run of backticks
 * in the text, so no line of the text can close it.
 */
export function fencedBlock(info: string, text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A value for plain-text places (check-run annotations and titles): one line and shortened. */
export function plainText(value: string, max = MAX_VALUE_LENGTH): string {
  return shorten(oneLine(value), max);
}
