/** What every rule gets, and small helpers to place diagnostics and build certain fixes. */
import type { Place } from "../diagnostic.js";
import type { ParsedPosting } from "../parse-posting.js";
import type { CheckOptions, Diagnostic, Fix } from "../types.js";

export interface PostingView {
  path: string;
  parsed: ParsedPosting;
  /** The front matter (null-prototype object); `{}` when it could not be read. */
  data: Readonly<Record<string, unknown>>;
}

/** A rule family: pure, gets the posting and the options, returns diagnostics (default severities). */
export type Rule = (posting: PostingView, options: CheckOptions) => Diagnostic[];

/** The opening fence: where problems of the front matter as a whole (a missing key) are reported. */
export const FRONT_MATTER_START: Place = { line: 1, column: 1 };

/** Own value of a key (never one inherited from Object.prototype). */
export function valueOf(posting: PostingView, key: string): unknown {
  return Object.hasOwn(posting.data, key) ? posting.data[key] : undefined;
}

/** Null, undefined or blank text. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function keyPlace(posting: PostingView, key: string): Place {
  const p = posting.parsed.positions.get(key);
  return p ? { line: p.line, column: p.column } : FRONT_MATTER_START;
}

export function valuePlace(posting: PostingView, key: string): Place {
  const p = posting.parsed.positions.get(key);
  return p ? { line: p.valueLine, column: p.valueColumn } : FRONT_MATTER_START;
}

/**
 * Fix that writes `replacement` instead of the value of `key`, on the key's line, keeping the
 * indentation, the key's spacing and the comment after the value (with the spaces before it);
 * trailing spaces with nothing after them are dropped.
 * Undefined when the value is not a scalar on the key's line, or the key is written twice.
 */
export function valueFix(posting: PostingView, key: string, replacement: string): Fix | undefined {
  const p = posting.parsed.positions.get(key);
  if (!p || !p.valueSpan || p.occurrences !== 1) return undefined;
  const line = posting.parsed.lines[p.line - 1];
  if (line === undefined) return undefined;
  const before = line.slice(0, p.valueSpan.start);
  const rest = line.slice(p.valueSpan.end);
  const after = rest.trim() === "" ? "" : rest;
  const space = before.endsWith(":") ? " " : "";
  const spaceAfter = after.startsWith("#") ? " " : "";
  return { line: p.line, text: `${before}${space}${replacement}${spaceAfter}${after}` };
}

/** The source of a scalar value written on its key's line (quotes included, comment excluded), or null. */
export function valueSource(posting: PostingView, key: string): string | null {
  const p = posting.parsed.positions.get(key);
  if (!p || !p.valueSpan) return null;
  const line = posting.parsed.lines[p.line - 1];
  return line === undefined ? null : line.slice(p.valueSpan.start, p.valueSpan.end);
}

/** Plain words Jekyll's YAML 1.1 reader (Psych) takes as booleans, where YAML 1.2 sees text. */
const PSYCH_BOOLEANS = /^(?:yes|on|no|off)$/i;

/** True when the value of `key` is written as a plain `yes`, `on`, `no` or `off`: a boolean for Jekyll. */
export function jekyllBoolean(posting: PostingView, key: string): boolean {
  const source = valueSource(posting, key);
  return source !== null && PSYCH_BOOLEANS.test(source);
}

/** Fix that renames `key` on its line, keeping everything else. */
export function keyFix(posting: PostingView, key: string, newKey: string): Fix | undefined {
  const p = posting.parsed.positions.get(key);
  if (!p || p.occurrences !== 1) return undefined;
  const line = posting.parsed.lines[p.line - 1];
  if (line === undefined) return undefined;
  return { line: p.line, text: `${line.slice(0, p.keySpan.start)}${newKey}${line.slice(p.keySpan.end)}` };
}

/** A value as shown in a message: text as is, anything else in JSON, cut to 80 characters. */
export function shown(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const TRUE_WORDS = new Set(["true", "yes", "oui", "vrai", "on"]);
const FALSE_WORDS = new Set(["false", "no", "non", "faux", "off"]);

/**
 * A text that certainly means a boolean: `"true"`, `yes`, `oui`, `non`, `true#` (a comment glued to
 * the value)… Returns the boolean and the text to write instead (the glued comment kept apart).
 */
export function booleanLike(value: unknown): { value: boolean; text: string } | null {
  if (typeof value !== "string") return null;
  const m = /^\s*([^\s#]+)\s*(#.*)?$/.exec(value);
  if (!m) return null;
  const word = (m[1] ?? "").toLowerCase();
  const bool = TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
  if (bool === null) return null;
  const comment = m[2] && m[2].trim() !== "#" ? ` ${m[2].trim()}` : "";
  return { value: bool, text: `${bool}${comment}` };
}
