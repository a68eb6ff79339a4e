/**
 * Comparing what people write with the words the rules know: folding (case, accents, invisible
 * characters), edit distance, and the known words a value most likely stands for.
 */

/** Characters that do not show: zero-width spaces and joiners, BOM, soft hyphen, bidi marks… */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
/** Spaces that are not ASCII spaces (NBSP, narrow NBSP, thin spaces…). */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Removes invisible characters, turns odd spaces into ASCII spaces and trims. */
export function cleanInvisible(s: string): string {
  return s.replace(INVISIBLE, "").replace(ODD_SPACES, " ").trim();
}

/** True when `s` holds characters that an editor does not show (or shows as a plain space). */
export function hasInvisible(s: string): boolean {
  return new RegExp(INVISIBLE.source).test(s) || new RegExp(ODD_SPACES.source).test(s);
}

/** Lower case, no accents, no invisible characters, whitespace collapsed. */
export function foldText(s: string): string {
  return cleanInvisible(s).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

/** `foldText` then only letters and digits: `Loc@docs` → `locdocs`, `Data.Gouv.fr` → `datagouvfr`. */
export function foldAlnum(s: string): string {
  return lettersAndDigits(foldText(s));
}

function lettersAndDigits(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Optimal string alignment distance (Levenshtein plus transposition of neighbours: `opne` → `open` is 1),
 * on UTF-16 code units. Exact up to `max`; above it, returns `max + 1` (and stops as soon as a row is all above).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    if (Math.min(...cur) > max) return max + 1;
    [prev2, prev] = [prev, cur];
  }
  return Math.min(prev[b.length]!, max + 1);
}

export interface NearMatch {
  /** The candidates at the smallest distance (several means ambiguous). */
  matches: string[];
  /** How they match: `folded` (case, accents, invisible characters), `alnum` (punctuation dropped too), or `edit`. */
  kind: "folded" | "alnum" | "edit";
  distance: number;
}

/** Largest edit distance accepted as a typo for a word of `length` characters. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 11) return 1;
  return 2;
}

/** The candidates `value` most likely stands for, or null when none is close. */
export function nearMatch(value: string, candidates: Iterable<string>): NearMatch | null {
  const entries = [...candidates].map((c) => ({ value: c, folded: foldText(c) })).map((e) => ({ ...e, alnum: lettersAndDigits(e.folded) }));
  const folded = foldText(value);
  const byFold = entries.filter((e) => e.folded === folded).map((e) => e.value);
  if (byFold.length > 0) return { matches: byFold, kind: "folded", distance: 0 };
  const alnum = lettersAndDigits(folded);
  if (alnum === "") return null;
  const byAlnum = entries.filter((e) => e.alnum === alnum).map((e) => e.value);
  if (byAlnum.length > 0) return { matches: byAlnum, kind: "alnum", distance: 0 };
  const budget = typoBudget(alnum.length);
  if (budget === 0) return null;
  let best = budget + 1;
  let matches: string[] = [];
  for (const e of entries) {
    const d = editDistance(alnum, e.alnum, best);
    if (d < best) {
      best = d;
      matches = [e.value];
    } else if (d === best && d <= budget) matches.push(e.value);
  }
  if (matches.length > 1) {
    // Same letters in another order (a swap: `contart`) beats a different letter (`contact`).
    const letters = [...alnum].sort().join("");
    const swaps = matches.filter((m) => [...foldAlnum(m)].sort().join("") === letters);
    if (swaps.length === 1) matches = swaps;
  }
  return matches.length > 0 ? { matches, kind: "edit", distance: best } : null;
}
