/**
 * The reading step of the engine: bytes or text in, front matter data and positions out.
 * Checks sizes before decoding, decodes UTF-8 strictly, finds the fences, parses the YAML with
 * limits. Never throws for any input; every problem becomes a diagnostic.
 */
import { decodeContent, decodeHead } from "./decode-content.js";
import type { LineEnding } from "./decode-content.js";
import { diagnostic, FILE_START } from "./diagnostic.js";
import { severityOf } from "./rule-severities.js";
import type { Place } from "./diagnostic.js";
import { findFences, type Fences } from "./front-matter-fences.js";
import type { Diagnostic } from "./types.js";
import { readYaml } from "./yaml-reading.js";
import type { KeyPosition } from "./yaml-reading.js";

export type { LineEnding } from "./decode-content.js";
export type { KeyPosition, Span } from "./yaml-reading.js";

export interface ParsedPosting {
  /** Front matter as plain data (null-prototype object); null when it could not be read as a mapping. */
  data: Record<string, unknown> | null;
  /** Top-level key → positions of the key and its value (lines of the file as stored, 1-based). */
  positions: ReadonlyMap<string, KeyPosition>;
  /** Place of a nested value (path of keys and indexes, as in zod issues), nearest ancestor found. */
  locate: (path: readonly PropertyKey[]) => Place | null;
  /** Lines of the file without their line endings (and without the BOM on line 1); empty when not decoded. */
  lines: string[];
  lineEnding: LineEnding;
  bom: boolean;
  /** Lines of the fences (1-based), when the front matter was found. */
  frontMatter: { openLine: number; closeLine: number } | null;
  /** Problems met while reading (default severities). */
  diagnostics: Diagnostic[];
}

const NO_PLACE = (): Place | null => null;

function splitLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Lines of each reading up to its closing fence at least, for lineOf. */
const FRONT_LINES = new WeakMap<ParsedPosting, readonly string[]>();

/**
 * Line `line` (1-based) of the file, as in `parsed.lines`, without decoding the rest of the file
 * when the line is in the front matter (fixes only touch front-matter lines).
 */
export function lineOf(parsed: ParsedPosting, line: number): string | undefined {
  const front = FRONT_LINES.get(parsed);
  if (front && line >= 1 && line <= front.length) return front[line - 1];
  return parsed.lines[line - 1];
}

function emptyResult(): ParsedPosting {
  return { data: null, positions: new Map(), locate: NO_PLACE, lines: [], lineEnding: "none", bom: false, frontMatter: null, diagnostics: [] };
}

/**
 * The same, but `lines` (the lines of the whole file) is decoded and split on first read only:
 * most postings never need the lines after the front matter. (An object literal with an accessor
 * keeps the object's fast shape, unlike defineProperty on an existing object.)
 */
function lazyResult(content: Uint8Array): ParsedPosting {
  let all: string[] | null = null;
  return {
    data: null,
    positions: new Map(),
    locate: NO_PLACE,
    get lines(): string[] {
      if (all === null) {
        const decoded = decodeContent(content);
        all = "text" in decoded ? splitLines(decoded.text) : [];
      }
      return all;
    },
    set lines(value: string[]) {
      all = value;
    },
    lineEnding: "none",
    bom: false,
    frontMatter: null,
    diagnostics: [],
  };
}

/**
 * Reads a posting. Stops at the first problem that makes the rest unreliable.
 * Bytes of a plain file are decoded up to the closing fence; `lines` decodes the rest when read,
 * so the bytes must not change while the result is in use.
 */
export function parsePosting(content: string | Uint8Array): ParsedPosting {
  let result = emptyResult();
  try {
    let fences: Fences | null = null;
    /** Lines of the file up to the closing fence at least (all of them when decoded whole). */
    let front: string[] = [];
    const head = content instanceof Uint8Array ? decodeHead(content) : null;
    if (head) {
      // Plain bytes: the front matter is decoded, the rest of the file only if someone reads `lines`.
      const headLines = head.head.split("\n");
      const found = findFences(headLines);
      if (found.found && found.closeLine === headLines.length) {
        fences = found;
        result = lazyResult(content as Uint8Array);
        result.bom = head.bom;
        result.lineEnding = "lf";
        front = headLines;
      }
    }
    if (!fences) {
      const decoded = decodeContent(content);
      if ("diagnostic" in decoded) {
        result.diagnostics.push(decoded.diagnostic);
        return result;
      }
      result.bom = decoded.bom;
      result.lineEnding = decoded.lineEnding;
      result.lines = splitLines(decoded.text);
      front = result.lines;
      fences = findFences(result.lines);
    }
    result.diagnostics.push(...fences.diagnostics);
    if (!fences.found) return result;
    result.frontMatter = { openLine: 1, closeLine: fences.closeLine };
    FRONT_LINES.set(result, front);

    const yamlLines = front.slice(1, fences.closeLine - 1);
    const loneCr = yamlLines.findIndex((l) => l.includes("\r"));
    if (loneCr !== -1) {
      const line = yamlLines[loneCr] ?? "";
      result.diagnostics.push(diagnostic("encoding", severityOf("encoding"), { line: loneCr + 2, column: line.indexOf("\r") + 1 }, "line-endings-cr"));
      return result;
    }
    const reading = readYaml(yamlLines, 2);
    result.diagnostics.push(...reading.diagnostics);
    result.data = reading.data;
    result.positions = reading.positions;
    result.locate = reading.locate;
  } catch (e) {
    result.data = null;
    result.diagnostics.push(internalFailure(e));
  }
  return result;
}

/** An unexpected failure of the engine, reported instead of thrown. */
export function internalFailure(e: unknown): Diagnostic {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return diagnostic("front-matter-syntax", severityOf("front-matter-syntax"), FILE_START, "internal-error", { detail: detail.slice(0, 200) });
}

