/** Keys the schema does not know: warned, with the key most likely meant and a fix when certain. */
import { diagnostic } from "../diagnostic.js";
import { KNOWN_KEYS } from "../posting-schema.js";
import { cleanInvisible, hasInvisible, NearIndex } from "../text-fold.js";
import type { Diagnostic } from "../types.js";
import { keyFix, type PostingView } from "./posting-view.js";

const KNOWN = new Set(KNOWN_KEYS);
const INDEX = new NearIndex(KNOWN_KEYS);
/** Past this many unknown keys, the file is not a posting with typos: stop looking for near misses. */
const MAX_SUGGESTIONS = 100;

/** A key as shown in a message: invisible and odd space characters written as \uXXXX. */
export function visibleKey(key: string): string {
  let out = "";
  for (const c of key) {
    const code = c.codePointAt(0) ?? 0;
    const odd = code < 0x20 || (code >= 0x7f && code <= 0xa0) || hasInvisible(c) || code === 0x2028 || code === 0x2029;
    out += odd ? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}` : c;
    if (out.length > 80) return `${out.slice(0, 79)}…`;
  }
  return out;
}

function present(posting: PostingView, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(posting.data, key);
}

export function checkUnknownKeys(posting: PostingView): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [key, position] of posting.parsed.positions) {
    if (KNOWN.has(key)) continue;
    const at = { line: position.line, column: position.column };
    const clean = cleanInvisible(key);
    if (hasInvisible(key) && KNOWN.has(clean)) {
      const fix = present(posting, clean) ? undefined : keyFix(posting, key, clean);
      found.push(diagnostic("unknown-key", "warning", at, "unknown-key-invisible", { key: visibleKey(key), suggestion: clean }, { key, fix }));
      continue;
    }
    const near = key.length <= 100 && found.length < MAX_SUGGESTIONS ? INDEX.match(key) : null;
    const target = near?.matches.length === 1 ? near.matches[0] : undefined;
    if (target === undefined) {
      found.push(diagnostic("unknown-key", "warning", at, "unknown-key", { key: visibleKey(key) }, { key }));
      continue;
    }
    const fix = present(posting, target) ? undefined : keyFix(posting, key, target);
    found.push(diagnostic("unknown-key", "warning", at, "unknown-key-suggestion", { key: visibleKey(key), suggestion: target }, { key, fix }));
  }
  return found;
}
