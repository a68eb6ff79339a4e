/**
 * The reading step of the engine: bytes or text in, front matter data and positions out.
 * Checks sizes before decoding, decodes UTF-8 strictly, finds the fences, parses the YAML with
 * limits. Never throws for any input; every problem becomes a diagnostic.
 */
import { decodeContent } from "./decode-content.js";
import type { LineEnding } from "./decode-content.js";
import { diagnostic, FILE_START } from "./diagnostic.js";
import type { Place } from "./diagnostic.js";
import { findFences } from "./front-matter-fences.js";
import { severityOf } from "./rule-severities.js";
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

/** Reads a posting. Stops at the first problem that makes the rest unreliable. */
export function parsePosting(content: string | Uint8Array): ParsedPosting {
  const result: ParsedPosting = {
    data: null,
    positions: new Map(),
    locate: () => null,
    lines: [],
    lineEnding: "none",
    bom: false,
    frontMatter: null,
    diagnostics: [],
  };
  try {
    const decoded = decodeContent(content);
    if ("diagnostic" in decoded) {
      result.diagnostics.push(decoded.diagnostic);
      return result;
    }
    result.bom = decoded.bom;
    result.lineEnding = decoded.lineEnding;
    result.lines = decoded.text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
    const fences = findFences(result.lines);
    result.diagnostics.push(...fences.diagnostics);
    if (!fences.found) return result;
    result.frontMatter = { openLine: 1, closeLine: fences.closeLine };

    const yamlLines = result.lines.slice(1, fences.closeLine - 1);
    const loneCr = yamlLines.findIndex((l) => l.includes("\r"));
    if (loneCr !== -1) {
      const column = (yamlLines[loneCr] ?? "").indexOf("\r") + 1;
      result.diagnostics.push(diagnostic("encoding", severityOf("encoding"), { line: loneCr + 2, column }, "line-endings-cr"));
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
  return diagnostic("front-matter-syntax", severityOf("front-matter-syntax"), FILE_START, "internal-error", {
    detail: detail.slice(0, 200),
  });
}
