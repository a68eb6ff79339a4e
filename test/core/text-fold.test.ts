/**
 * editDistance and NearIndex against the straightforward versions they replaced (full table,
 * linear scans): same distances up to the cutoff, same suggestions, on the corpus and on random words.
 */
import { describe, expect, it } from "vitest";
import { parsePosting } from "../../src/core/parse-posting.js";
import { KNOWN_KEYS } from "../../src/core/posting-schema.js";
import { editDistance, foldAlnum, foldText, NearIndex, typoBudget, type NearMatch } from "../../src/core/text-fold.js";
import { bytes, JOBS, jobNames, STARTUP_IDS, SUBMISSIONS, submissions } from "./corpus.js";

/** The original: full table of numbers, early stop on a row above `max`. */
function referenceDistance(a: string, b: string, max = Infinity): number {
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

/** The original NearIndex.match: linear scans, no length filter, no memo. */
function referenceMatch(candidates: readonly string[], value: string): NearMatch | null {
  const entries = candidates.map((v) => ({ value: v, folded: foldText(v), alnum: foldAlnum(v) }));
  const folded = foldText(value);
  const byFold = entries.filter((e) => e.folded === folded).map((e) => e.value);
  if (byFold.length > 0) return { matches: byFold, kind: "folded", distance: 0 };
  const alnum = foldAlnum(value);
  if (alnum === "") return null;
  const byAlnum = entries.filter((e) => e.alnum === alnum).map((e) => e.value);
  if (byAlnum.length > 0) return { matches: byAlnum, kind: "alnum", distance: 0 };
  const budget = typoBudget(alnum.length);
  if (budget === 0) return null;
  let best = budget + 1;
  let matches: string[] = [];
  for (const e of entries) {
    const d = referenceDistance(alnum, e.alnum, best);
    if (d < best) {
      best = d;
      matches = [e.value];
    } else if (d === best && d <= budget) matches.push(e.value);
  }
  if (matches.length > 1) {
    const letters = [...alnum].sort().join("");
    const swaps = matches.filter((m) => [...foldAlnum(m)].sort().join("") === letters);
    if (swaps.length === 1) matches = swaps;
  }
  return matches.length > 0 ? { matches, kind: "edit", distance: best } : null;
}

function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Small alphabet (so that words are close), with a surrogate pair and an accent. */
const ALPHABET = ["a", "b", "c", "d", "é", "-", "😀"];
function randomWord(r: () => number, maxLength: number): string {
  let s = "";
  const n = Math.floor(r() * (maxLength + 1));
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

/** A word with one to three random edits (insert, delete, replace, swap). */
function mutate(r: () => number, word: string): string {
  let s = word;
  const edits = 1 + Math.floor(r() * 3);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const c = String.fromCharCode(97 + Math.floor(r() * 26));
    const op = Math.floor(r() * 4);
    if (op === 0) s = s.slice(0, i) + c + s.slice(i);
    else if (op === 1) s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 2) s = s.slice(0, i) + c + s.slice(i + 1);
    else if (i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  }
  return s;
}

describe("editDistance", () => {
  it("known distances", () => {
    expect(editDistance("opne", "open")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("ca", "abc")).toBe(3); // OSA, not Damerau: no edit of a swapped pair
    expect(editDistance("same", "same", 0)).toBe(0);
    expect(editDistance("a", "b", 0)).toBe(1);
  });

  it("equals the full-table version up to the cutoff, on 20 000 random pairs", () => {
    const r = lcg(7);
    for (let k = 0; k < 20_000; k++) {
      const a = randomWord(r, 12);
      const b = r() < 0.5 ? randomWord(r, 12) : mutate(r, a);
      const max = [0, 1, 2, 3, 5, Infinity][Math.floor(r() * 6)]!;
      const want = referenceDistance(a, b, max);
      const got = editDistance(a, b, max);
      // Above the cutoff both only promise "more than max".
      expect(Math.min(got, max + 1), `${a} / ${b} / ${max}`).toBe(Math.min(want, max + 1));
      if (want <= max) expect(got).toBe(want);
    }
  });

  it("long words after short ones (rows grow) and short after long", () => {
    const long = "x".repeat(500);
    expect(editDistance(long, `${long}y`, 2)).toBe(1);
    expect(editDistance("ab", "ba", 2)).toBe(1);
    expect(editDistance(long, "y".repeat(500))).toBe(500);
  });
});

describe("NearIndex", () => {
  const ids = [...STARTUP_IDS];
  const index = new NearIndex(ids);
  const keys = new NearIndex(KNOWN_KEYS);

  it("same suggestions as the linear version for every startup and key of the corpus", () => {
    const values = new Set<string>();
    const keyValues = new Set<string>();
    const add = (content: Uint8Array) => {
      const parsed = parsePosting(content);
      const startup = parsed.data?.startup;
      if (typeof startup === "string") values.add(startup.trim());
      for (const k of parsed.positions.keys()) keyValues.add(k);
    };
    for (const name of jobNames()) add(bytes(JOBS, name));
    for (const { file } of submissions()) add(bytes(SUBMISSIONS, file));
    expect(values.size).toBeGreaterThan(100);
    for (const v of values) {
      expect(index.match(v), v).toEqual(referenceMatch(ids, v));
      expect(index.match(v), `${v} (memo)`).toEqual(referenceMatch(ids, v));
    }
    for (const k of keyValues) expect(keys.match(k), k).toEqual(referenceMatch(KNOWN_KEYS, k));
  });

  it("same suggestions for misspelt startups and keys", () => {
    const r = lcg(11);
    for (let k = 0; k < 1500; k++) {
      const v = mutate(r, ids[Math.floor(r() * ids.length)]!);
      expect(index.match(v), v).toEqual(referenceMatch(ids, v));
      const key = mutate(r, KNOWN_KEYS[Math.floor(r() * KNOWN_KEYS.length)]!);
      expect(keys.match(key), key).toEqual(referenceMatch(KNOWN_KEYS, key));
    }
  });

  it("a result handed out cannot change the next one", () => {
    const first = keys.match("contart");
    first?.matches.push("nope");
    expect(keys.match("contart")?.matches).toEqual(["contrat"]);
  });
});
