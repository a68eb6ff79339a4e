/**
 * First step of reading a posting: size limit (checked before anything else), UTF-8 decoding,
 * NUL bytes, byte order mark and line endings. Pure: bytes or text in, text or a diagnostic out.
 */
import { Buffer, isUtf8 } from "node:buffer";
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

/** Number of bytes of `s` in UTF-8, without allocating. */
export function utf8Length(s: string, stopAbove = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
    if (n > stopAbove) return n;
  }
  return n;
}

/** 1-based line and column (UTF-16 units) of offset `index` in `text`. */
export function placeOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // The bytes of the line before the bad one are valid UTF-8: count their UTF-16 units.
  const before = new TextDecoder("utf-8").decode(bytes.subarray(start, offset));
  return { line, column: before.length + 1 };
}

function tooLarge(size: number): Diagnostic {
  return diagnostic("file-too-large", severityOf("file-too-large"), FILE_START, "file-too-large", { size, max: MAX_POSTING_BYTES });
}

/** Decodes and checks the raw content. Returns the text, or the diagnostic that stops reading. */
export function decodeContent(content: string | Uint8Array): DecodedText | { diagnostic: Diagnostic } {
  let text: string;
  if (typeof content === "string") {
    if (content.length > MAX_POSTING_BYTES) return { diagnostic: tooLarge(utf8Length(content, MAX_POSTING_BYTES * 4)) };
    const size = utf8Length(content, MAX_POSTING_BYTES);
    if (size > MAX_POSTING_BYTES) return { diagnostic: tooLarge(size) };
    text = content;
  } else {
    if (content.byteLength > MAX_POSTING_BYTES) return { diagnostic: tooLarge(content.byteLength) };
    const [b0, b1] = [content[0], content[1]];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
      return { diagnostic: diagnostic("encoding", severityOf("encoding"), FILE_START, "encoding-utf16") };
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(content);
    } catch {
      const bad = firstInvalidUtf8(content);
      const at = bad >= 0 ? placeOfByte(content, bad) : FILE_START;
      return { diagnostic: diagnostic("encoding", severityOf("encoding"), at, "encoding-not-utf8", { byte: bad >= 0 ? (content[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0") : "?" }) };
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return { diagnostic: diagnostic("encoding", severityOf("encoding"), placeOf(text, nul), "encoding-nul") };
  if (text.indexOf("\r") === -1) return { text, bom, lineEnding: text.indexOf("\n") === -1 ? "none" : "lf" };
  const crlf = countOf(text, "\r\n");
  const lf = countOf(text, "\n") - crlf;
  const cr = countOf(text, "\r") - crlf;
  if (cr > 0 && lf + crlf === 0) return { diagnostic: diagnostic("encoding", severityOf("encoding"), FILE_START, "line-endings-cr") };
  const lineEnding: LineEnding = lf + crlf === 0 ? "none" : lf === 0 ? "crlf" : crlf === 0 ? "lf" : "mixed";
  return { text, bom, lineEnding };
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The start of a plain posting, decoded without the rest (see decodeHead). */
export interface DecodedHead {
  /** Text from the start of the file (BOM removed) to the end of the first fence-like line after line 1, line ending excluded. */
  head: string;
  bom: boolean;
}

/** True when bytes [start, end) are `---` or `...` followed by spaces or tabs only (a closing fence, in ASCII). */
function isFenceBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const c = bytes[start];
  if ((c !== 0x2d && c !== 0x2e) || bytes[start + 1] !== c || bytes[start + 2] !== c) return false;
  for (let i = start + 3; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
  return true;
}

/**
 * Fast path of the reading of bytes, for the common file: at most MAX_POSTING_BYTES, well-formed
 * UTF-8 (checked on the bytes, without building the text), no NUL, no CR (LF line endings), first
 * line starting with `---` and a fence-like line after it. Decodes only up to that line: what
 * decodeContent would give for the whole file, cut there (the caller decodes the rest if it needs it).
 * Null for any other file: decodeContent reads it and says what is wrong.
 */
export function decodeHead(content: Uint8Array): DecodedHead | null {
  if (content.byteLength > MAX_POSTING_BYTES) return null;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  if (bytes[start] !== 0x2d || bytes[start + 1] !== 0x2d || bytes[start + 2] !== 0x2d) return null;
  if (bytes.indexOf(0) !== -1 || bytes.indexOf(0x0d) !== -1 || !isUtf8(bytes)) return null;
  for (let lf = bytes.indexOf(0x0a, start); lf !== -1; ) {
    const next = bytes.indexOf(0x0a, lf + 1);
    const end = next === -1 ? bytes.length : next;
    if (isFenceBytes(bytes, lf + 1, end)) return { head: bytes.toString("utf8", start, end), bom };
    lf = next;
  }
  return null;
}
