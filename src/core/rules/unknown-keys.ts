/**
 * Keys the schema does not know: warned, with the key most likely meant and a fix when certain.
 * When that key is one a consumer reads and is absent (`role`, `externalUrl`, `post_ferme`), the
 * misspelling silently breaks the page or the closing job: an error (`key-misspelled`).
 */
import { diagnostic } from "../diagnostic.js";
import { KNOWN_KEYS } from "../posting-schema.js";
import { DETAIL_KEYS, isConsumed, severityOf } from "../rule-severities.js";
import { cleanInvisible, hasInvisible, nearMatch } from "../compare-text.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { keyFix, type PostingView } from "./posting-view.js";

const KNOWN = new Set(KNOWN_KEYS);
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

export function checkUnknownKeys(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [key, position] of posting.parsed.positions) {
    if (KNOWN.has(key)) continue;
    const at = { line: position.line, column: position.column };
    const clean = cleanInvisible(key);
    const invisible = hasInvisible(key) && KNOWN.has(clean);
    const near = invisible ? null : key.length <= 100 && found.length < MAX_SUGGESTIONS ? nearMatch(key, KNOWN_KEYS) : null;
    const target = invisible ? clean : near?.matches.length === 1 ? near.matches[0] : undefined;
    if (target === undefined) {
      found.push(diagnostic("unknown-key", severityOf("unknown-key"), at, "unknown-key", { key: visibleKey(key) }, { key }));
      continue;
    }
    const params = { key: visibleKey(key), suggestion: target };
    if (Object.hasOwn(posting.data, target)) {
      found.push(
        diagnostic("unknown-key", severityOf("unknown-key"), at, invisible ? "unknown-key-invisible" : "unknown-key-suggestion", params, {
          key,
        }),
      );
      continue;
    }
    const fix = keyFix(posting, key, target);
    if (isConsumed(target, options.closingDateFields)) {
      const severity =
        DETAIL_KEYS.has(target) && !options.closingDateFields.includes(target)
          ? severityOf("key-misspelled", "detail")
          : severityOf("key-misspelled");
      found.push(
        diagnostic("key-misspelled", severity, at, invisible ? "key-misspelled-invisible" : "key-misspelled", params, { key, fix }),
      );
    } else {
      found.push(
        diagnostic("unknown-key", severityOf("unknown-key"), at, invisible ? "unknown-key-invisible" : "unknown-key-suggestion", params, {
          key,
          fix,
        }),
      );
    }
  }
  return found;
}
