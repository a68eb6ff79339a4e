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

/** Rows of the distance table, reused from call to call (grown when needed). */
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

/**
 * Optimal string alignment distance (Levenshtein plus transposition of neighbours: `opne` → `open` is 1),
 * on UTF-16 code units. Exact when the distance is at most `max`; otherwise returns `max + 1` (it stops
 * as soon as that is known). Only the band of cells within `max` of the diagonal is computed, every
 * value is capped at `max + 1`, and the three rows are typed arrays kept between calls.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // Values are capped at `cap`: every value up to `max` stays exact (a capped neighbour is above max anyway).
  const cap = max >= la + lb ? la + lb : max + 1;
  const band = max >= la + lb ? la + lb : max; // |i − j| above max: the prefixes are more than max apart
  if (rowCur.length < lb + 2) {
    const size = Math.max(lb + 2, rowCur.length * 2);
    rowPrev2 = new Int32Array(size);
    rowPrev = new Int32Array(size);
    rowCur = new Int32Array(size);
  }
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= lb; j++) prev[j] = j < cap ? j : cap;
  prev[lb + 1] = cap;
  let aPrev = -1;
  for (let i = 1; i <= la; i++) {
    const ai = a.charCodeAt(i - 1);
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < lb ? i + band : lb;
    cur[lo - 1] = lo === 1 && i < cap ? i : cap;
    let rowMin = cur[lo - 1]!;
    let bPrev = lo > 1 ? b.charCodeAt(lo - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      if (ai === bPrev && aPrev === bj && i > 1 && j > 1) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      if (v > cap) v = cap;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
      bPrev = bj;
    }
    if (hi < lb) cur[hi + 1] = cap;
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
    aPrev = ai;
  }
  return prev[lb]!;
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

/** Results kept per index (the same unknown startup or key comes back file after file), for values up to MEMO_MAX_LENGTH. */
const MEMO_SIZE = 512;
const MEMO_MAX_LENGTH = 200;

function group(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Candidates folded once, for repeated look-ups (startup ids, known keys). */
export class NearIndex {
  private readonly entries: Array<{ value: string; alnum: string }>;
  /** Candidates by folded text and by folded letters and digits, in the candidates' order. */
  private readonly byFold = new Map<string, string[]>();
  private readonly byAlnum = new Map<string, string[]>();
  /** Last results by value (a pure function of the value), cleared when full. */
  private readonly memo = new Map<string, NearMatch | null>();

  constructor(candidates: Iterable<string>) {
    this.entries = [];
    for (const value of candidates) {
      const alnum = foldAlnum(value);
      this.entries.push({ value, alnum });
      group(this.byFold, foldText(value), value);
      group(this.byAlnum, alnum, value);
    }
  }

  /** The candidates `value` most likely stands for, or null when none is close. */
  match(value: string): NearMatch | null {
    let found = this.memo.get(value);
    if (found === undefined) {
      found = this.compute(value);
      if (value.length <= MEMO_MAX_LENGTH) {
        if (this.memo.size >= MEMO_SIZE) this.memo.clear();
        this.memo.set(value, found);
      }
    }
    return found === null ? null : { matches: [...found.matches], kind: found.kind, distance: found.distance };
  }

  private compute(value: string): NearMatch | null {
    const folded = foldText(value);
    const byFold = this.byFold.get(folded);
    if (byFold) return { matches: [...byFold], kind: "folded", distance: 0 };
    const alnum = foldAlnum(value);
    if (alnum === "") return null;
    const byAlnum = this.byAlnum.get(alnum);
    if (byAlnum) return { matches: [...byAlnum], kind: "alnum", distance: 0 };
    const budget = typoBudget(alnum.length);
    if (budget === 0) return null;
    let best = budget + 1;
    let matches: string[] = [];
    const length = alnum.length;
    for (const e of this.entries) {
      const gap = e.alnum.length - length;
      if (gap > best || -gap > best) continue; // the distance is at least the difference of lengths
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
