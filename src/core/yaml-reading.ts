/**
 * Reads the YAML of a front matter with the `yaml` library (`parseDocument`, YAML 1.2 core
 * schema) and keeps the position of every top-level key and value. Limits come first: size in
 * values and bracket nesting before parsing, collection depth and aliases after. The library
 * never executes anything, and any explicit tag other than the core ones is refused.
 */
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node, ParsedNode, YAMLError, YAMLMap } from "yaml";
import { diagnostic } from "./diagnostic.js";
import type { Place } from "./diagnostic.js";
import type { Diagnostic } from "./types.js";

/** Deepest nesting of collections accepted in a front matter (postings use 2). */
export const MAX_YAML_DEPTH = 20;
/** Most alias expansions accepted (postings use none). */
export const MAX_YAML_ALIASES = 100;
/** Above this many open brackets or compact dashes, the front matter is refused before parsing. */
const PRESCAN_LIMIT = 64;
/** Most lines plus commas plus brackets in a front matter (postings have about 20). */
export const MAX_YAML_PIECES = 1000;
/** At most this many tag, key and duplicate problems are reported (the walk still sees every node). */
const MAX_NODE_PROBLEMS = 200;

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
  /** Written more than once: the value of the occurrence before the last one, in JSON. */
  valueBefore?: string;
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

/** The front matter's text and where its offsets are in the file. */
interface Source {
  lines: readonly string[];
  firstLine: number;
  /** File place (1-based) of an offset in the YAML text. */
  place: (offset: number) => Place;
}

function syntax(at: Place, messageId: string, params: Record<string, string | number> = {}): Diagnostic {
  return diagnostic("front-matter-syntax", "error", at, messageId, params);
}

/**
 * Bounds checked on the lines before parsing: bracket nesting and compact `- - -` dashes (anywhere,
 * quotes and comments included) and size in values (lines, commas, brackets), so that parsing the
 * largest front matter accepted (64 KiB) stays well under a second.
 */
function prescan(lines: readonly string[], firstLine: number): Diagnostic | null {
  const tooDeep = (line: number, column: number) => syntax({ line: firstLine + line, column }, "yaml-too-deep", { max: MAX_YAML_DEPTH });
  let depth = 0;
  let pieces = 0;
  let tooComplex: Diagnostic | null = null;
  for (const [i, line] of lines.entries()) {
    const dashes = /^[ \t]*(?:[-?:][ \t]+)*/.exec(line)?.[0].replace(/[^-?:]/g, "").length ?? 0;
    if (dashes > PRESCAN_LIMIT) return tooDeep(i, 1);
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if ((c === "[" || c === "{") && ++depth > PRESCAN_LIMIT) return tooDeep(i, j + 1);
      if ((c === "]" || c === "}") && depth > 0) depth--;
    }
    pieces += line.split(/[,[{]/).length;
    if (pieces > MAX_YAML_PIECES && !tooComplex) {
      tooComplex = diagnostic("file-too-large", "error", { line: firstLine + i, column: 1 }, "front-matter-too-complex", {
        max: MAX_YAML_PIECES,
      });
    }
  }
  return tooComplex;
}

/** Visits `root` and every node under it (keys and values) in document order with its depth, without recursion. */
function walk(root: unknown, visit: (node: Node, depth: number) => void): void {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [null, 0];
    if (!isNode(node)) continue;
    visit(node, depth);
    const children: unknown[] = isMap(node) ? node.items.flatMap((p) => [p.key, p.value]) : isSeq(node) ? node.items : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
}

/** Offset of the first node of the document (in document order) that `test` accepts, or null. */
function firstOffset(doc: Document.Parsed, test: (node: Node, depth: number) => boolean): number | null {
  let found: number | null = null;
  walk(doc.contents, (node, depth) => {
    if (found === null && test(node, depth)) found = node.range?.[0] ?? 0;
  });
  return found;
}

function lineText(src: Source, line: number): string {
  return src.lines[line - src.firstLine] ?? "";
}

/** 0-based column where the value of a `key: value` or `- value` line starts, or null. */
function valueStart(line: string): number | null {
  const m = /^(\s*(?:-\s+)?(?:[^\s:#'"][^:]*?\s*:\s+)?)\S/.exec(line);
  return m ? (m[1]?.length ?? 0) : null;
}

/** Place of the last match of `pattern` on file line `line` or up to 20 lines above (e.g. an unclosed quote's opening). */
function findBack(src: Source, line: number, pattern: RegExp): Place | null {
  for (let l = line; l >= src.firstLine && l > line - 20; l--) {
    const m = pattern.exec(lineText(src, l));
    if (m) return { line: l, column: m.index + m[0].length };
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
  const at = src.place(error.pos[0]);
  const lineStart: Place = { line: at.line, column: 1 };
  const line = lineText(src, at.line);
  const detail = error.message.split("\n")[0] ?? "";
  switch (error.code) {
    case "TAB_AS_INDENT":
      return syntax(at, "yaml-tab-indent");
    case "BLOCK_AS_IMPLICIT_KEY":
      return /block sequence/i.test(detail) ? syntax(lineStart, "yaml-bad-indent") : colonInValue(at, src);
    case "MULTILINE_IMPLICIT_KEY":
      return lineWithoutField(at, src);
    case "MISSING_CHAR": {
      const quote = /^Missing closing (["'])quote/.exec(detail)?.[1];
      if (quote)
        return syntax(findBack(src, at.line, quote === '"' ? /(?:^|[:\-[,{]\s*)"/ : /(?:^|[:\-[,{]\s*)'/) ?? at, "yaml-quote-unclosed", {
          quote,
        });
      if (/^Comments must be separated/.test(detail)) return syntax(at, "yaml-comment-space");
      if (/^Implicit map keys need to be followed/.test(detail)) return lineWithoutField(at, src);
      break;
    }
    case "BAD_INDENT": {
      const flow = /^Flow (sequence|map) in block collection/.exec(detail);
      if (flow) {
        const [open, close] = flow[1] === "map" ? ["{", "}"] : ["[", "]"];
        const place = findBack(src, at.line - (at.column === 1 ? 1 : 0), open === "[" ? /\[/ : /\{/);
        return syntax(place ?? at, "yaml-flow-unclosed", { open, close });
      }
      const dash = /^(\s*)-([^\s-].*)$/.exec(line);
      if (dash) return syntax({ line: at.line, column: (dash[1]?.length ?? 0) + 1 }, "yaml-dash-space", { example: `- ${dash[2] ?? ""}` });
      return syntax(lineStart, "yaml-bad-indent");
    }
    case "UNEXPECTED_TOKEN": {
      if (/^Unexpected scalar at node end/.test(detail)) return scalarAfterValue(at, line) ?? genericError(at, error.code, detail);
      if (/^Unexpected block-seq-ind on same line with key/.test(detail))
        return syntax(at, "yaml-list-same-line", { key: keyOf(line) || "roles" });
      if (
        /^Block scalar header includes extra characters/.test(detail) ||
        (/^Not a YAML token/.test(detail) && /:\s*[|>][-+0-9]*\s+\S/.test(line))
      ) {
        return syntax(at, "yaml-block-scalar");
      }
      break;
    }
    case "BAD_DQ_ESCAPE":
      return syntax(at, "yaml-dq-escape", { sequence: /escape sequence (.+)$/.exec(detail)?.[1] ?? "\\" });
    case "BAD_SCALAR_START":
      return syntax(at, "yaml-bad-start", { char: detail.slice(-1) });
    case "BAD_ALIAS":
      if (/^(Anchor|Alias) cannot be an empty string/.test(detail))
        return syntax(at, "yaml-bad-start", { char: detail.startsWith("Anchor") ? "&" : "*" });
      break;
    case "KEY_OVER_1024_CHARS":
      return syntax(at, "yaml-key-too-long");
    case "RESOURCE_EXHAUSTION":
      return syntax(at, "yaml-too-deep", { max: MAX_YAML_DEPTH });
    default:
      break;
  }
  return genericError(at, error.code, detail);
}

function genericError(at: Place, code: string, detail: string): Diagnostic {
  return syntax(at, "yaml-syntax", { code, detail });
}

/** Text after a value on its line: a value starting with `*` or `&`, or text after a closing quote or bracket. */
function scalarAfterValue(at: Place, line: string): Diagnostic | null {
  const start = valueStart(line);
  if (start !== null && (line[start] === "*" || line[start] === "&"))
    return syntax({ line: at.line, column: start + 1 }, "yaml-bad-start", { char: line[start] ?? "*" });
  const closerColumn = line.slice(0, at.column - 1).trimEnd().length;
  const atCloser = { line: at.line, column: Math.max(1, closerColumn) };
  switch (line.charAt(closerColumn - 1)) {
    case "'":
      return syntax(atCloser, "yaml-apostrophe-in-quotes");
    case '"':
      return syntax(atCloser, "yaml-quote-in-quotes");
    case "]":
    case "}":
      return syntax(atCloser, "yaml-text-after-list", { close: line.charAt(closerColumn - 1) });
    default:
      return null;
  }
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
  const glued = /^(\s*[^\s:#'"][^:\s]*):(\S.*)$/.exec(lineText(src, at.line));
  const lineStart: Place = { line: at.line, column: 1 };
  if (glued) return syntax(lineStart, "yaml-colon-space", { example: `${glued[1]?.trim() ?? ""}: ${glued[2] ?? ""}` });
  return syntax(lineStart, "yaml-not-a-field");
}

/** The library often reports one mistake two or three times: one message per line, at most 10. */
function explainErrors(errors: readonly YAMLError[], src: Source): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    if (out.length >= 10) break;
    const d = errorDiagnostic(error, src);
    const errorLine = src.place(error.pos[0]).line;
    if (lines.has(d.line) || lines.has(errorLine)) continue;
    lines.add(d.line).add(errorLine);
    out.push(d);
  }
  return out;
}

/** Explicit tags, complex keys and duplicate keys at any depth. */
function checkNodes(doc: Document.Parsed, src: Source): Diagnostic[] {
  const found: Diagnostic[] = [];
  const push = (d: Diagnostic) => found.length < MAX_NODE_PROBLEMS && found.push(d);
  walk(doc.contents, (n) => {
    if ((isScalar(n) || isCollection(n)) && n.tag !== undefined && !CORE_TAGS.has(n.tag))
      push(syntax(src.place(n.range?.[0] ?? 0), "yaml-tag", { tag: n.tag }));
    if (!isMap(n)) return;
    const seen = new Map<string, Place>();
    for (const pair of n.items) {
      const key = pair.key as ParsedNode | null;
      if (key && !isScalar(key)) {
        push(syntax(src.place(key.range[0]), "yaml-complex-key"));
        continue;
      }
      const name = key ? String(key.value) : "";
      const place = src.place(key?.range[0] ?? 0);
      const first = seen.get(name);
      if (first) push(diagnostic("duplicate-key", "error", place, "duplicate-key", { key: name, firstLine: first.line }, { key: name }));
      else seen.set(name, place);
    }
  });
  return found;
}

/** The mapping as plain data (null-prototype object), or the diagnostic of an alias problem (too many expansions, no such anchor). */
function toData(doc: Document.Parsed, src: Source): { data: Record<string, unknown> } | { problem: Diagnostic } {
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/alias count/i.test(message)) return { problem: syntax(src.place(0), "yaml-aliases", { max: MAX_YAML_ALIASES }) };
    // An alias to no anchor: a value written `*like this*` (Markdown emphasis).
    const name = /^Unresolved alias[^:]*: (.*)$/.exec(message)?.[1];
    const alias = name === undefined ? null : firstOffset(doc, (n) => isAlias(n) && n.source === name);
    if (alias) return { problem: syntax(src.place(alias), "yaml-bad-start", { char: "*" }) };
    return { problem: syntax(src.place(0), "yaml-syntax", { code: "ALIAS", detail: message.split("\n")[0] ?? "" }) };
  }
  return { data: Object.assign(Object.create(null) as Record<string, unknown>, js) };
}

/** A value node of the document as plain data. */
function toJS(doc: Document.Parsed, node: unknown): unknown {
  return isNode(node) ? node.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES }) : node;
}

/** Span of a node on a given file line, when the node sits on that line only. */
function spanOn(node: ParsedNode, line: number, src: Source): Span | null {
  const start = src.place(node.range[0]);
  const end = src.place(node.range[1]);
  if (start.line !== line || end.line !== line) return null;
  return { start: start.column - 1, end: end.column - 1 };
}

/** Top-level keys and where they and their values are, in file order of the occurrence whose value counts. */
function keyPositions(doc: Document.Parsed, map: YAMLMap, src: Source): Map<string, KeyPosition> {
  const positions = new Map<string, KeyPosition>();
  const values = new Map<string, unknown>();
  for (const pair of map.items) {
    const keyNode = pair.key as ParsedNode | null;
    if (!keyNode || !isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    const at = src.place(keyNode.range[0]);
    const value = pair.value as ParsedNode | null;
    const valueAt = src.place(value ? value.range[0] : keyNode.range[2]);
    const previous = positions.get(key);
    positions.delete(key);
    positions.set(key, {
      key,
      line: at.line,
      column: at.column,
      keySpan: spanOn(keyNode, at.line, src) ?? { start: at.column - 1, end: at.column - 1 + key.length },
      valueLine: valueAt.line,
      valueColumn: valueAt.column,
      valueSpan: value && isScalar(value) ? spanOn(value, at.line, src) : null,
      occurrences: (previous?.occurrences ?? 0) + 1,
      ...(previous ? { valueBefore: JSON.stringify(toJS(doc, values.get(key))) } : {}),
    });
    values.set(key, pair.value);
  }
  return positions;
}

/** Place of a nested value, given its path of keys and indexes (as in zod issues): the nearest ancestor found. */
function locator(contents: unknown, src: Source): (path: readonly PropertyKey[]) => Place | null {
  return (path) => {
    let node = contents;
    let place: Place | null = null;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        node = pair.value;
        place = src.place((pair.key as ParsedNode).range[0]);
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
        if (!isScalar(node) && !isCollection(node)) break;
      } else break;
      if (isScalar(node) || isCollection(node)) place = src.place((node as ParsedNode).range[0]);
    }
    return place;
  };
}

const NO_PLACE = (): Place | null => null;

/**
 * Parses `lines` (the front matter between the fences, line endings removed) whose first line is
 * line `firstLine` of the file.
 */
export function readYaml(lines: readonly string[], firstLine: number): YamlReading {
  const fail = (diagnostics: Diagnostic[]): YamlReading => ({ data: null, positions: new Map(), locate: NO_PLACE, diagnostics });
  const early = prescan(lines, firstLine);
  if (early) return fail([early]);

  const text = lines.join("\n");
  // Lines counted on the text, not by the parser: it does not report the line breaks inside some broken tokens.
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) counter.addNewLine(i + 1);
  const place = (offset: number): Place => {
    const { line, col } = counter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  const src: Source = { lines, firstLine, place };

  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: false, intAsBigInt: false, prettyErrors: false });
  const deep = firstOffset(doc, (node, depth) => isCollection(node) && depth >= MAX_YAML_DEPTH);
  if (deep !== null) return fail([syntax(place(deep), "yaml-too-deep", { max: MAX_YAML_DEPTH })]);
  const several = doc.errors.find((e) => e.code === "MULTIPLE_DOCS");
  if (several) return fail([syntax(place(several.pos[0]), "yaml-several-documents")]);
  if (doc.errors.length > 0) return fail(explainErrors(doc.errors, src));

  const nodeProblems = checkNodes(doc, src);
  const fatal = nodeProblems.filter((d) => d.rule === "front-matter-syntax");
  if (fatal.length > 0) return fail(fatal);

  const contents = doc.contents;
  if (!isMap(contents)) {
    if (contents === null || (isScalar(contents) && contents.value === null)) {
      return fail([
        diagnostic("front-matter-not-mapping", "error", { line: firstLine - 1, column: 1 }, "front-matter-empty", { kind: "empty" }),
      ]);
    }
    return fail([
      diagnostic("front-matter-not-mapping", "error", place(contents.range[0]), "front-matter-not-mapping", {
        kind: isSeq(contents) ? "list" : "scalar",
      }),
    ]);
  }
  const read = toData(doc, src);
  if ("problem" in read) return fail([read.problem]);
  return { data: read.data, positions: keyPositions(doc, contents, src), locate: locator(contents, src), diagnostics: nodeProblems };
}
