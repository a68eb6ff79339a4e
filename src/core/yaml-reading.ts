/**
 * Reads the YAML of a front matter with limits (nesting depth, aliases, tags) and keeps the
 * position of every top-level key and value. The `yaml` library never executes anything; tags it
 * does not know stay text, and any explicit tag other than the core ones is refused here anyway.
 */
import { Composer, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Parser } from "yaml";
import type { CST, Document, Node, ParsedNode, YAMLError } from "yaml";
import { diagnostic } from "./diagnostic.js";
import type { Place } from "./diagnostic.js";
import type { Diagnostic } from "./types.js";
import { readSimpleYaml } from "./yaml-simple.js";

/** Deepest nesting of collections accepted in a front matter (postings use 2). */
export const MAX_YAML_DEPTH = 20;
/** Most alias expansions accepted (postings use none). */
export const MAX_YAML_ALIASES = 100;
/** Above this many brackets or compact dashes, the front matter is refused before parsing. */
const PRESCAN_LIMIT = 64;

/** Most lines plus commas plus brackets in a front matter (postings have about 20). */
export const MAX_YAML_PIECES = 1000;

function countPieces(line: string): number {
  let n = 0;
  for (let j = 0; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 0x2c || c === 0x5b || c === 0x7b) n++;
  }
  return n;
}

const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((t) => `tag:yaml.org,2002:${t}`));

/** A span of one line: 0-based UTF-16 offsets [start, end) in that line's text. */
export interface Span {
  start: number;
  end: number;
}

export interface KeyPosition {
  key: string;
  /** 1-based line and column of the key in the file. */
  line: number;
  column: number;
  /** The key's source on its line (quotes included). */
  keySpan: Span;
  /** 1-based line and column where the value starts (just after the colon when it is empty). */
  valueLine: number;
  valueColumn: number;
  /** When the value is a scalar written on the key's line: its source there (quotes included, comment excluded). */
  valueSpan: Span | null;
  /** How many times the key is written (more than 1: duplicate). */
  occurrences: number;
}

export interface YamlReading {
  /** Top-level mapping as plain data (null-prototype object), or null when not readable as a mapping. */
  data: Record<string, unknown> | null;
  /** Top-level keys with their positions, in file order of the occurrence whose value counts (the last one). */
  positions: Map<string, KeyPosition>;
  /** Position in the file of a nested value given its path of keys and indexes (nearest ancestor found). */
  locate: (path: readonly PropertyKey[]) => Place | null;
  diagnostics: Diagnostic[];
}

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string, private readonly firstLine: number) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  /** File place (1-based) of an offset in the YAML text. */
  place(offset: number): Place {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

function syntax(at: Place, messageId: string, params: Record<string, string | number> = {}): Diagnostic {
  return diagnostic("front-matter-syntax", "error", at, messageId, params);
}

/**
 * Cheap bounds before parsing: nesting (brackets, compact `- - -` dashes) and size in values
 * (lines, commas, brackets), so that parsing a 64 KiB front matter stays well under a second.
 */
function prescan(lines: readonly string[], firstLine: number): Diagnostic | null {
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const dashes = /^[ \t]*(?:[-?:][ \t]+)*/.exec(line)?.[0].replace(/[^-?:]/g, "").length ?? 0;
    if (dashes > PRESCAN_LIMIT) return syntax({ line: firstLine + i, column: 1 }, "yaml-too-deep", { max: MAX_YAML_DEPTH });
    for (let j = 0; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === 0x5b || c === 0x7b) {
        if (++depth > PRESCAN_LIMIT) return syntax({ line: firstLine + i, column: j + 1 }, "yaml-too-deep", { max: MAX_YAML_DEPTH });
      } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    }
  }
  let pieces = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    pieces += 1 + countPieces(line);
    if (pieces > MAX_YAML_PIECES) {
      return diagnostic("file-too-large", "error", { line: firstLine + i, column: 1 }, "front-matter-too-complex", { max: MAX_YAML_PIECES });
    }
  }
  return null;
}

/** Exact collection depth on the syntax tree, without recursion. Returns the offset of the first too-deep collection. */
function tooDeepOffset(tokens: readonly CST.Token[]): number | null {
  const stack: Array<[CST.Token | null | undefined, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop() ?? [null, 0];
    if (!token) continue;
    if (token.type === "document") stack.push([token.value, depth]);
    else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > MAX_YAML_DEPTH) return token.offset;
      for (const item of token.items) {
        stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return null;
}

/** The front matter's lines, to explain an error from the text around it. */
interface Source {
  lines: readonly string[];
  firstLine: number;
  index: LineIndex;
}

function lineText(src: Source, line: number): string {
  return src.lines[line - src.firstLine] ?? "";
}

/** 0-based column where the value of a `key: value` or `- value` line starts, or null. */
function valueStart(line: string): number | null {
  const m = /^(\s*(?:-\s+)?(?:[^\s:#'"][^:]*?\s*:\s+)?)\S/.exec(line);
  return m ? (m[1]?.length ?? 0) : null;
}

/** Place of the last `char` at or before file line `line` (searching up to `lookBack` lines up), e.g. an unclosed quote's opening. */
function findBack(src: Source, line: number, pattern: RegExp, lookBack = 20): Place | null {
  for (let l = line; l >= src.firstLine && l > line - lookBack; l--) {
    const m = pattern.exec(lineText(src, l));
    if (m) return { line: l, column: m.index + (m[0].length - 1) + 1 };
  }
  return null;
}

/** The `key` of a `key: …` line (list dash and indentation removed), or "". */
function keyOf(line: string): string {
  return /^\s*([^\s:#'"][^:]*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? "";
}

/**
 * What to tell a person about a YAML error, in their words: each error code of the `yaml`
 * library that a posting can hit is explained (with what to write) by its own message; the
 * library's English text only shows in the generic message, for codes no posting has hit.
 */
function errorDiagnostic(error: YAMLError, src: Source): Diagnostic {
  const at = src.index.place(error.pos[0]);
  const lineStart: Place = { line: at.line, column: 1 };
  const line = lineText(src, at.line);
  const detail = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
  switch (error.code) {
    case "TAB_AS_INDENT":
      return syntax(at, "yaml-tab-indent");
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/block sequence/i.test(detail)) return syntax(lineStart, "yaml-bad-indent");
      return colonInValue(at, src);
    case "MULTILINE_IMPLICIT_KEY":
    case "MISSING_CHAR":
      if (error.code === "MISSING_CHAR" && /^Missing closing (["'])quote/.test(detail)) {
        const quote = detail.charAt(16);
        const open = findBack(src, at.line, quote === '"' ? /(?:^|[:\-[,{]\s*)"/ : /(?:^|[:\-[,{]\s*)'/);
        return syntax(open ?? at, "yaml-quote-unclosed", { quote });
      }
      if (error.code === "MISSING_CHAR" && /^Comments must be separated/.test(detail)) return syntax(at, "yaml-comment-space");
      if (error.code === "MISSING_CHAR" && !/^Implicit map keys need to be followed/.test(detail)) break;
      return lineWithoutField(at, src);
    case "BAD_INDENT": {
      const flow = /^Flow (sequence|map) in block collection/.exec(detail);
      if (flow) {
        const [open, close] = flow[1] === "map" ? ["{", "}"] : ["[", "]"];
        const place = findBack(src, at.line - (at.column === 1 ? 1 : 0), open === "[" ? /\[/ : /\{/);
        return syntax(place ?? at, "yaml-flow-unclosed", { open, close });
      }
      const dash = /^(\s*)-([^\s-].*)$/.exec(line);
      const dashAt: Place = { line: at.line, column: (dash?.[1]?.length ?? 0) + 1 };
      if (dash) return syntax(dashAt, "yaml-dash-space", { example: `- ${dash[2] ?? ""}` });
      return syntax(lineStart, "yaml-bad-indent");
    }
    case "UNEXPECTED_TOKEN": {
      if (/^Unexpected scalar at node end/.test(detail)) {
        const start = valueStart(line);
        const valueAt: Place = { line: at.line, column: (start ?? 0) + 1 };
        if (start !== null && (line[start] === "*" || line[start] === "&")) return syntax(valueAt, "yaml-bad-start", { char: line[start] ?? "*" });
        const closerColumn = line.slice(0, at.column - 1).trimEnd().length;
        const closer = line.charAt(closerColumn - 1);
        const atCloser = { line: at.line, column: Math.max(1, closerColumn) };
        if (closer === "'") return syntax(atCloser, "yaml-apostrophe-in-quotes");
        if (closer === '"') return syntax(atCloser, "yaml-quote-in-quotes");
        if (closer === "]" || closer === "}") return syntax(atCloser, "yaml-text-after-list", { close: closer });
        break;
      }
      if (/^Unexpected block-seq-ind on same line with key/.test(detail)) return syntax(at, "yaml-list-same-line", { key: keyOf(line) || "roles" });
      if (/^Block scalar header includes extra characters/.test(detail) || (/^Not a YAML token/.test(detail) && /:\s*[|>][-+0-9]*\s+\S/.test(line))) {
        return syntax(at, "yaml-block-scalar");
      }
      break;
    }
    case "BAD_DQ_ESCAPE":
      return syntax(at, "yaml-dq-escape", { sequence: /escape sequence (.+)$/.exec(detail)?.[1] ?? "\\" });
    case "BAD_SCALAR_START":
      return syntax(at, "yaml-bad-start", { char: detail.slice(-1) });
    case "BAD_ALIAS":
      if (/^(Anchor|Alias) cannot be an empty string/.test(detail)) return syntax(at, "yaml-bad-start", { char: detail.startsWith("Anchor") ? "&" : "*" });
      break;
    case "KEY_OVER_1024_CHARS":
      return syntax(at, "yaml-key-too-long");
    case "RESOURCE_EXHAUSTION":
      return syntax(at, "yaml-too-deep", { max: MAX_YAML_DEPTH });
    default:
      break;
  }
  return syntax(at, "yaml-syntax", { code: error.code, detail });
}

/** The library often reports one mistake two or three times: one message per line, at most 10. */
function explainErrors(errors: readonly YAMLError[], src: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    if (out.length >= 10) break;
    const d = errorDiagnostic(error, src);
    if (lines.has(d.line) || lines.has(src.index.place(error.pos[0]).line)) continue;
    lines.add(d.line);
    lines.add(src.index.place(error.pos[0]).line);
    out.push(d);
  }
  return out;
}

/**
 * "Nested mappings are not allowed in compact mappings": the value starting at `at` holds `: `,
 * on its own line (put it in quotes) or on an indented line below it (a field indented by mistake).
 */
function colonInValue(at: Place, src: Source): Diagnostic {
  const rest = lineText(src, at.line).slice(at.column - 1);
  if (/:(?:\s|$)/.test(rest)) return syntax(at, "yaml-colon-in-value");
  for (let l = at.line + 1; l < src.firstLine + src.lines.length; l++) {
    const text = lineText(src, l);
    if (!/^\s/.test(text)) break;
    const fieldAt: Place = { line: l, column: text.length - text.trimStart().length + 1 };
    if (/:(?:\s|$)/.test(text)) return syntax(fieldAt, "yaml-indented-field", { key: keyOf(text) || "…" });
  }
  return syntax(at, "yaml-colon-in-value");
}

/** A line that is not `key: value` (a multi-line "key"): a missing space after `:`, or a text line that is not a field. */
function lineWithoutField(at: Place, src: Source): Diagnostic {
  const text = lineText(src, at.line);
  const lineStart: Place = { line: at.line, column: 1 };
  const glued = /^(\s*[^\s:#'"][^:\s]*):(\S.*)$/.exec(text);
  if (glued) return syntax(lineStart, "yaml-colon-space", { example: `${glued[1]?.trim() ?? ""}: ${glued[2] ?? ""}` });
  return syntax(lineStart, "yaml-not-a-field");
}

/** At most this many tag, key and duplicate problems are reported (the walk still sees every node). */
const MAX_NODE_PROBLEMS = 200;

/** Walks the document without recursion: explicit tags, nested duplicate keys, complex keys. */
function checkNodes(doc: Document.Parsed, index: LineIndex): Diagnostic[] {
  const found: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  const push = (d: Diagnostic) => {
    if (found.length < MAX_NODE_PROBLEMS) found.push(d);
  };
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    const n = node as Node;
    if ((isScalar(n) || isCollection(n)) && n.tag !== undefined && !CORE_TAGS.has(n.tag)) {
      push(syntax(index.place(n.range?.[0] ?? 0), "yaml-tag", { tag: n.tag }));
    }
    if (isMap(n)) {
      const seen = new Map<string, Place>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as ParsedNode | null;
        if (key && !isScalar(key)) {
          push(syntax(index.place(key.range[0]), "yaml-complex-key"));
          continue;
        }
        const name = key ? String(key.value) : "";
        const place = index.place(key?.range[0] ?? 0);
        const first = seen.get(name);
        if (first) push(diagnostic("duplicate-key", "error", place, "duplicate-key", { key: name, firstLine: first.line }, { key: name }));
        else seen.set(name, place);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(n)) stack.push(...n.items);
  }
  return found;
}

/** Span of a node on a given file line, when the node sits on that line only. */
function spanOn(node: ParsedNode, line: number, index: LineIndex): Span | null {
  const start = index.place(node.range[0]);
  const end = index.place(node.range[1]);
  if (start.line !== line || end.line !== line) return null;
  return { start: start.column - 1, end: end.column - 1 };
}

/** Offset of the first alias of the document, or null. */
function firstAlias(doc: Document.Parsed): number | null {
  const stack: unknown[] = [doc.contents];
  let first: number | null = null;
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) first = Math.min(first ?? Infinity, n.range?.[0] ?? 0);
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return first;
}

function hasAlias(doc: Document.Parsed): boolean {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) return true;
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return false;
}

const EMPTY_LOCATE = (): Place | null => null;

/**
 * Parses `lines` (the front matter between the fences, line endings removed) whose first line is
 * line `firstLine` of the file.
 */
export function readYaml(lines: readonly string[], firstLine: number): YamlReading {
  return readSimpleYaml(lines, firstLine) ?? readYamlWithLibrary(lines, firstLine);
}

/** readYaml through the `yaml` library: any YAML, with limits. (readSimpleYaml gives the same for its subset.) */
export function readYamlWithLibrary(lines: readonly string[], firstLine: number): YamlReading {
  const positions = new Map<string, KeyPosition>();
  const fail = (diagnostics: Diagnostic[]): YamlReading => ({ data: null, positions, locate: EMPTY_LOCATE, diagnostics });

  const early = prescan(lines, firstLine);
  if (early) return fail([early]);
  const text = lines.join("\n");
  const index = new LineIndex(text, firstLine);
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeepOffset(tokens);
  if (deep !== null) return fail([syntax(index.place(deep), "yaml-too-deep", { max: MAX_YAML_DEPTH })]);

  const composer = new Composer({ version: "1.2", schema: "core", uniqueKeys: false, intAsBigInt: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0];
  if (!doc) return fail([syntax(index.place(0), "yaml-syntax", { code: "EMPTY", detail: "" })]);
  if (docs.length > 1) return fail([syntax(index.place(docs[1]?.range[0] ?? 0), "yaml-several-documents")]);
  if (doc.errors.length > 0) return fail(explainErrors(doc.errors, { lines, firstLine, index }));

  const nodeProblems = checkNodes(doc, index);
  const fatal = nodeProblems.filter((d) => d.rule === "front-matter-syntax");
  if (fatal.length > 0) return fail(fatal);

  const contents = doc.contents;
  if (!isMap(contents)) {
    const kind = contents === null || (isScalar(contents) && contents.value === null) ? "empty" : isSeq(contents) ? "list" : "scalar";
    const at = contents ? index.place(contents.range[0]) : { line: firstLine, column: 1 };
    return fail([diagnostic("front-matter-not-mapping", "error", kind === "empty" ? { line: firstLine - 1, column: 1 } : at, `front-matter-${kind === "empty" ? "empty" : "not-mapping"}`, { kind })]);
  }

  let js: unknown;
  try {
    js = hasAlias(doc) ? doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) : doc.toJS();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/alias count/i.test(message)) return fail([syntax(index.place(0), "yaml-aliases", { max: MAX_YAML_ALIASES })]);
    // An alias to no anchor: a value written `*like this*` (Markdown emphasis).
    const alias = /^Unresolved alias/.test(message) ? firstAlias(doc) : null;
    if (alias) return fail([syntax(index.place(alias), "yaml-bad-start", { char: "*" })]);
    return fail([syntax(index.place(0), "yaml-syntax", { code: "ALIAS", detail: message.split("\n")[0] ?? "" })]);
  }
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(js as object)) data[k] = v;

  for (const pair of contents.items) {
    const keyNode = pair.key as ParsedNode | null;
    if (!keyNode || !isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    const at = index.place(keyNode.range[0]);
    const value = pair.value as ParsedNode | null;
    const valueAt = value ? index.place(value.range[0]) : index.place(keyNode.range[2]);
    const previous = positions.get(key);
    if (previous) positions.delete(key); // keep file order of the occurrence whose value counts
    positions.set(key, {
      key,
      line: at.line,
      column: at.column,
      keySpan: spanOn(keyNode, at.line, index) ?? { start: at.column - 1, end: at.column - 1 + key.length },
      valueLine: valueAt.line,
      valueColumn: valueAt.column,
      valueSpan: value && isScalar(value) ? spanOn(value, at.line, index) : null,
      occurrences: (previous?.occurrences ?? 0) + 1,
    });
  }

  const locate = (path: readonly PropertyKey[]): Place | null => {
    let node: unknown = contents;
    let place: Place | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        node = pair.value;
        place = index.place((pair.key as ParsedNode).range[0]);
        if (isScalar(node) || isCollection(node)) place = index.place((node as ParsedNode).range[0]);
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
        if (isScalar(node) || isCollection(node)) place = index.place((node as ParsedNode).range[0]);
        else break;
      } else break;
    }
    return place;
  };

  return { data, positions, locate, diagnostics: nodeProblems };
}
