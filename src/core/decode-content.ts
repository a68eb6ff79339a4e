/**
 * First step of reading a posting: size limit (checked before anything else), UTF-8 decoding,
 * NUL bytes, byte order mark and line endings. Pure: bytes or text in, text or a diagnostic out.
 */
import { Buffer } from "node:buffer";
import { MAX_POSTING_BYTES } from "./defaults.js";
import { diagnostic, FILE_START } from "./diagnostic.js";
import { severityOf } from "./rule-severities.js";
import type { Diagnostic } from "./types.js";

export type LineEnding = "lf" | "crlf" | "mixed" | "none";

export interface DecodedText {
  /** The text without its byte order mark. */
  text: string;
  bom: boolean;
  lineEnding: LineEnding;
}

/** 1-based line and column (UTF-16 units) of offset `index` in `text`. */
export function placeOf(text: string, index: number): { line: number; column: number } {
  const lines = text.slice(0, index).split("\n");
  return { line: lines.length, column: (lines.at(-1) ?? "").length + 1 };
}

/** The first byte that is not well-formed UTF-8: where the decoder wrote U+FFFD in `text` (one written in the file is fine). */
function invalidByte(bytes: Uint8Array, text: string): Diagnostic | null {
  for (let k = text.indexOf("\uFFFD"); k !== -1; k = text.indexOf("\uFFFD", k + 1)) {
    const offset = Buffer.byteLength(text.slice(0, k), "utf8");
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const before = text.slice(0, k).replace(/^\uFEFF/, "");
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return diagnostic("encoding", severityOf("encoding"), placeOf(before, before.length), "encoding-not-utf8", { byte });
  }
  return null;
}

function tooLarge(size: number): Diagnostic {
  return diagnostic("file-too-large", severityOf("file-too-large"), FILE_START, "file-too-large", { size, max: MAX_POSTING_BYTES });
}

/** Decodes and checks the raw content. Returns the text, or the diagnostic that stops reading. */
export function decodeContent(content: string | Uint8Array): DecodedText | { diagnostic: Diagnostic } {
  let text: string;
  if (typeof content === "string") {
    const size = Buffer.byteLength(content, "utf8");
    if (size > MAX_POSTING_BYTES) return { diagnostic: tooLarge(size) };
    text = content;
  } else {
    if (content.byteLength > MAX_POSTING_BYTES) return { diagnostic: tooLarge(content.byteLength) };
    const [b0, b1] = [content[0], content[1]];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
      return { diagnostic: diagnostic("encoding", severityOf("encoding"), FILE_START, "encoding-utf16") };
    }
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(content);
    const invalid = invalidByte(content, text);
    if (invalid) return { diagnostic: invalid };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return { diagnostic: diagnostic("encoding", severityOf("encoding"), placeOf(text, nul), "encoding-nul") };
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const crlf = count(/\r\n/g);
  const lf = count(/\n/g) - crlf;
  const cr = count(/\r/g) - crlf;
  if (cr > 0 && lf + crlf === 0) return { diagnostic: diagnostic("encoding", severityOf("encoding"), FILE_START, "line-endings-cr") };
  const lineEnding: LineEnding = lf + crlf === 0 ? "none" : lf === 0 ? "crlf" : crlf === 0 ? "lf" : "mixed";
  return { text, bom, lineEnding };
}
