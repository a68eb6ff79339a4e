/** Text comparison helpers shared by the rules: folding (case, accents, invisible characters) and edit distance. */

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
  return cleanInvisible(s)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** `foldText` then only letters and digits: `Loc@docs` → `locdocs`, `Data.Gouv.fr` → `datagouvfr`. */
export function foldAlnum(s: string): string {
  return foldText(s).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Optimal string alignment distance (Levenshtein plus transposition of neighbours: `opne` → `open` is 1).
 * Stops early and returns `max + 1` once the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}

export interface NearMatch {
  /** The candidates at the smallest distance (several means ambiguous). */
  matches: string[];
  /** How they match: `exact` after folding (case, accents, invisible characters), `alnum` after dropping punctuation too, or `edit`. */
  kind: "folded" | "alnum" | "edit";
  distance: number;
}

/** Largest edit distance accepted as a typo for a word of `length` characters. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 11) return 1;
  return 2;
}

/** Candidates folded once, for repeated look-ups (startup ids, known keys). */
export class NearIndex {
  private readonly entries: Array<{ value: string; folded: string; alnum: string }>;
  constructor(candidates: Iterable<string>) {
    this.entries = [...candidates].map((value) => ({ value, folded: foldText(value), alnum: foldAlnum(value) }));
  }

  /** The candidates `value` most likely stands for, or null when none is close. */
  match(value: string): NearMatch | null {
    const folded = foldText(value);
    const byFold = this.entries.filter((e) => e.folded === folded).map((e) => e.value);
    if (byFold.length > 0) return { matches: byFold, kind: "folded", distance: 0 };
    const alnum = foldAlnum(value);
    if (alnum === "") return null;
    const byAlnum = this.entries.filter((e) => e.alnum === alnum).map((e) => e.value);
    if (byAlnum.length > 0) return { matches: byAlnum, kind: "alnum", distance: 0 };
    const budget = typoBudget(alnum.length);
    if (budget === 0) return null;
    let best = budget + 1;
    let matches: string[] = [];
    for (const e of this.entries) {
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
}

/** Finds the candidates `value` most likely stands for, or null when none is close. */
export function nearMatch(value: string, candidates: Iterable<string>): NearMatch | null {
  return new NearIndex(candidates).match(value);
}
