/**
 * Fast path of the YAML reading: a strict line scanner for the front matter most postings have,
 * flat `key: value` lines, and gives exactly what the `yaml` library gives for them (readYaml in
 * yaml-reading.ts): same data, same positions, same places for nested values. Anything outside
 * the subset below returns null and goes to the library, so when in doubt, it refuses.
 *
 * The subset, line by line (lines have no line ending; the whole front matter is checked first):
 * - blank: empty or spaces only;
 * - comment: `#` in column 1;
 * - key: in column 1, a name `[A-Za-z_][A-Za-z0-9_.-]*` (at most 200 characters, not a null or
 *   boolean word, written once in the front matter), optional spaces, `:`, then the end of the
 *   line or a space and a value: nothing (null), a plain scalar on this line, `'single'` or
 *   `"double"` quoted on this line (no backslash), each optionally followed by ` # comment`;
 * - list item: right after a key with no value, or after the item before it at the same
 *   indentation: spaces, `-`, then the end of the line or a space and a value as above.
 * Refused (library): tabs and other control or invisible characters, indented lines of any other
 * kind (continuations, nested mappings, indented comments), flow collections as values, anchors,
 * aliases, tags, block scalars, `?` keys, directives, document markers, plain scalars starting
 * with an indicator (`-?:,[]{}#&*!|>'"%@` and backquote) or holding `: `, quoted scalars that do
 * not end on their line or are followed by anything but a comment, duplicate keys, blank lines or
 * comments inside a list, a front matter without any key, and front matters near the prescan limits.
 * Plain scalars are resolved with the core schema's own tags, taken from the library.
 */
import { Document, isScalar } from "yaml";
import type { Place } from "./diagnostic.js";
import type { KeyPosition, YamlReading } from "./yaml-reading.js";

/** Same options as the Composer of readYaml: the document's schema and options are the ones it resolves with. */
const REFERENCE = new Document(undefined, { version: "1.2", schema: "core", uniqueKeys: false, intAsBigInt: false });
interface PlainTag {
  test: RegExp;
  resolve: (source: string, onError: (message: string) => void, options: typeof REFERENCE.options) => unknown;
}
/** The tags the library tries on a plain scalar, in its order (findScalarTagByTest: `default: true` and a test). */
const PLAIN_TAGS: readonly PlainTag[] = REFERENCE.schema.tags.filter(
  (t): t is typeof t & PlainTag => t.default === true && t.test instanceof RegExp && typeof t.resolve === "function" && !("collection" in t && t.collection),
);
const RESOLVE_OPTIONS = REFERENCE.options;

/**
 * Characters a core-schema tag test can start with (`~`, null, booleans, numbers, .inf, .nan) plus
 * the empty scalar. A plain scalar starting with anything else is text (checked in the tests against
 * the library's tags).
 */
export function mayBeNonText(source: string): boolean {
  if (source.length === 0) return true;
  const c = source.charCodeAt(0);
  return (
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2b || // +
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x7e || // ~
    c === 0x6e || c === 0x4e || // n N
    c === 0x74 || c === 0x54 || // t T
    c === 0x66 || c === 0x46 // f F
  );
}

/** Sentinel: the scalar is outside the subset. */
const REFUSED: unique symbol = Symbol("refused");

/** The value of a plain scalar as the library resolves it (core schema), or REFUSED. */
export function resolvePlain(source: string): unknown {
  if (!mayBeNonText(source)) return source;
  for (const tag of PLAIN_TAGS) {
    if (!tag.test.test(source)) continue;
    let failed = false;
    let value: unknown;
    try {
      value = tag.resolve(source, () => (failed = true), RESOLVE_OPTIONS);
    } catch {
      return REFUSED;
    }
    if (failed) return REFUSED;
    // Some tags (booleans) return a Scalar node: the library keeps it, and its value is what toJS gives.
    if (isScalar(value)) {
      const inner: unknown = value.value;
      return inner === null || typeof inner !== "object" ? inner : REFUSED;
    }
    return value;
  }
  return source;
}

/** Key names that the core schema does not read as text. */
const NON_TEXT_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
const MAX_KEY_LENGTH = 200;
/** Kept well under the prescan's limits (1000 lines + commas + brackets; depth 64), so that it never has anything to say. */
const MAX_PIECES = 900;
const MAX_OPENERS = 60;

/** Counts of the last scanLine: commas, and `[` or `{` (the prescan counts both as pieces, and brackets for depth). */
let lineCommas = 0;
let lineOpeners = 0;

/**
 * One pass over a line: false when it holds a character outside the subset (control characters
 * and tabs, DEL and C1 controls, BOM and non-characters, line separators, lone surrogates);
 * counts its commas and opening brackets in lineCommas and lineOpeners.
 */
function scanLine(line: string): boolean {
  let commas = 0;
  let openers = 0;
  for (let j = 0; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c < 0x7f) {
      if (c < 0x20) return false;
      if (c === 0x2c) commas++;
      else if (c === 0x5b || c === 0x7b) openers++;
      continue;
    }
    if (c <= 0x9f) return false; // DEL, C1 controls (NEL)
    if (c === 0xfeff || c === 0xfffe || c === 0xffff || c === 0x2028 || c === 0x2029) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is fine, a lone surrogate is not.
      const next = line.charCodeAt(j + 1);
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
      j++;
    }
  }
  lineCommas = commas;
  lineOpeners = openers;
  return true;
}

function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

/** First characters a plain scalar may not start with here (indicators, quotes handled apart). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

/** Result of the last readScalar that returned true: the value, and the end (exclusive) of its source. */
let scalarValue: unknown = null;
let scalarEnd = 0;

/** After a scalar ending at `end`: only spaces, then nothing or a comment after at least one space. */
function restIsComment(line: string, end: number): boolean {
  let j = end;
  while (j < line.length && line.charCodeAt(j) === 0x20) j++;
  return j === line.length || (j > end && line.charCodeAt(j) === 0x23);
}

/**
 * Reads the scalar starting at `p` (not a space, not the end of the line) into scalarValue and
 * scalarEnd; false when it is outside the subset.
 */
function readScalar(line: string, p: number): boolean {
  const len = line.length;
  const c = line.charCodeAt(p);
  if (c === 0x27) {
    // 'single quoted': '' is a quote
    let value = "";
    let from = p + 1;
    for (let j = p + 1; j < len; j++) {
      if (line.charCodeAt(j) !== 0x27) continue;
      if (line.charCodeAt(j + 1) === 0x27) {
        value += line.slice(from, j + 1);
        j++;
        from = j + 1;
        continue;
      }
      if (!restIsComment(line, j + 1)) return false;
      scalarValue = value + line.slice(from, j);
      scalarEnd = j + 1;
      return true;
    }
    return false;
  }
  if (c === 0x22) {
    // "double quoted", without escapes
    for (let j = p + 1; j < len; j++) {
      const d = line.charCodeAt(j);
      if (d === 0x5c) return false;
      if (d === 0x22) {
        if (!restIsComment(line, j + 1)) return false;
        scalarValue = line.slice(p + 1, j);
        scalarEnd = j + 1;
        return true;
      }
    }
    return false;
  }
  if (isIndicator(c)) return false;
  let end = p + 1;
  for (let j = p + 1; j < len; j++) {
    const d = line.charCodeAt(j);
    if (d === 0x20) {
      if (line.charCodeAt(j + 1) === 0x23) break; // ` #`: a comment
      continue;
    }
    if (d === 0x3a && (j + 1 === len || line.charCodeAt(j + 1) === 0x20)) return false; // `: ` or a final `:`
    end = j + 1;
  }
  const value = resolvePlain(line.slice(p, end));
  if (value === REFUSED) return false;
  scalarValue = value;
  scalarEnd = end;
  return true;
}

function firstNonSpace(line: string, from: number): number {
  let p = from;
  while (p < line.length && line.charCodeAt(p) === 0x20) p++;
  return p;
}

/** Places (file line, 1-based column) of the items of each list. */
type ListPlaces = Map<string, Array<[number, number]>>;

/** locate() of a reading: same answers as readYaml's walk of the library's nodes, for this subset. */
function locateIn(positions: ReadonlyMap<string, KeyPosition>, lists: ListPlaces | null, path: readonly PropertyKey[]): Place | null {
  if (path.length === 0) return null;
  const key = String(path[0]);
  const position = positions.get(key);
  if (!position) return null;
  const step = path[1];
  if (typeof step === "number" && lists !== null) {
    const item = lists.get(key)?.[step];
    if (item) return { line: item[0], column: item[1] };
  }
  return { line: position.valueLine, column: position.valueColumn };
}

/**
 * Reads `lines` (front matter between the fences, line endings removed; first one is file line
 * `firstLine`) when they fall in the subset; null otherwise (the caller uses the library).
 */
export function readSimpleYaml(lines: readonly string[], firstLine: number): YamlReading | null {
  const data = Object.create(null) as Record<string, unknown>;
  const positions = new Map<string, KeyPosition>();
  let lists: ListPlaces | null = null;
  let pieces = lines.length;
  let openers = 0;
  /** Key with no value on its line, whose value may still become a list (the line before was it or an item of it). */
  let open: KeyPosition | null = null;
  /** The list being read under `open`, its items' places and indentation. */
  let list: unknown[] | null = null;
  let places: Array<[number, number]> = [];
  let indent = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const len = line.length;
    if (!scanLine(line)) return null;
    openers += lineOpeners;
    pieces += lineCommas + lineOpeners;
    if (pieces > MAX_PIECES || openers > MAX_OPENERS) return null;
    const fileLine = firstLine + i;
    const p0 = firstNonSpace(line, 0);
    if (p0 === len) {
      open = null; // blank
      continue;
    }
    const c0 = line.charCodeAt(p0);
    if (c0 === 0x2d && (p0 + 1 === len || line.charCodeAt(p0 + 1) === 0x20)) {
      // list item
      if (open === null) return null;
      if (list === null) {
        list = [];
        places = [];
        indent = p0;
        data[open.key] = list;
        (lists ??= new Map()).set(open.key, places);
        open.valueLine = fileLine;
        open.valueColumn = p0 + 1;
        open.valueSpan = null;
      } else if (p0 !== indent) return null;
      const p = firstNonSpace(line, p0 + 1);
      if (p === len || line.charCodeAt(p) === 0x23) list.push(null);
      else if (readScalar(line, p)) list.push(scalarValue);
      else return null;
      places.push([fileLine, p + 1]);
      continue;
    }
    if (p0 !== 0) return null; // any other indented line
    if (c0 === 0x23) {
      open = null; // comment
      continue;
    }
    // key
    if (!isKeyStart(c0)) return null;
    let keyEnd = 1;
    while (keyEnd < len && isKeyChar(line.charCodeAt(keyEnd))) keyEnd++;
    const colon = firstNonSpace(line, keyEnd);
    if (colon >= len || line.charCodeAt(colon) !== 0x3a) return null;
    if (colon + 1 < len && line.charCodeAt(colon + 1) !== 0x20) return null;
    if (keyEnd > MAX_KEY_LENGTH) return null;
    const key = line.slice(0, keyEnd);
    if (NON_TEXT_KEYS.has(key) || positions.has(key)) return null;
    const p = firstNonSpace(line, colon + 1);
    let end = p;
    open = null;
    if (p === len || line.charCodeAt(p) === 0x23) data[key] = null;
    else if (readScalar(line, p)) {
      data[key] = scalarValue;
      end = scalarEnd;
    } else return null;
    const position: KeyPosition = {
      key,
      line: fileLine,
      column: 1,
      keySpan: { start: 0, end: keyEnd },
      valueLine: fileLine,
      valueColumn: p + 1,
      valueSpan: { start: p, end },
      occurrences: 1,
    };
    positions.set(key, position);
    if (end === p) {
      open = position;
      list = null;
    }
  }
  if (positions.size === 0) return null;
  // bind, not a closure: no per-call function wrapper in builds that keep function names.
  return { data, positions, locate: locateIn.bind(null, positions, lists), diagnostics: [] };
}
