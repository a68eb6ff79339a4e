/** Folding, edit distance and near matches: what the rules use to say which known word was meant. */
import { describe, expect, it } from "vitest";
import { cleanInvisible, editDistance, foldAlnum, foldText, hasInvisible, nearMatch, typoBudget } from "../../src/core/compare-text.js";
import { KNOWN_KEYS } from "../../src/core/posting-schema.js";

describe("folding", () => {
  it("drops case, accents, invisible characters and odd spaces", () => {
    expect(foldText("  Indépendant\u00A0\u200BE  ")).toBe("independant e");
    expect(foldAlnum("Loc@docs")).toBe("locdocs");
    expect(foldAlnum("Data.Gouv.fr")).toBe("datagouvfr");
    expect(cleanInvisible("\uFEFFopen\u202F")).toBe("open");
    expect(hasInvisible("op\u200Ben")).toBe(true);
    expect(hasInvisible("open")).toBe(false);
  });
});

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

  it("above the cutoff, max + 1; long words", () => {
    const long = "x".repeat(500);
    expect(editDistance(long, `${long}y`, 2)).toBe(1);
    expect(editDistance(long, "y".repeat(500))).toBe(500);
    expect(editDistance(long, "y".repeat(500), 3)).toBe(4);
    expect(editDistance("abc", "abcdefgh", 2)).toBe(3);
  });
});

describe("nearMatch", () => {
  it("typo budget grows with the length", () => {
    expect([3, 4, 11, 12].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });

  it("folded, then letters and digits only, then typos", () => {
    expect(nearMatch("Open", KNOWN_KEYS)).toEqual({ matches: ["open"], kind: "folded", distance: 0 });
    expect(nearMatch("external-url", KNOWN_KEYS)).toEqual({ matches: ["externalURL"], kind: "alnum", distance: 0 });
    expect(nearMatch("rols", KNOWN_KEYS)).toEqual({ matches: ["roles"], kind: "edit", distance: 1 });
    expect(nearMatch("depublication_dat", KNOWN_KEYS)).toEqual({ matches: ["depublication_date"], kind: "edit", distance: 1 });
  });

  it("a swap wins a tie (contart: contrat, not contact); several at the same distance otherwise", () => {
    expect(nearMatch("contart", KNOWN_KEYS)?.matches).toEqual(["contrat"]);
    expect(nearMatch("abcd", ["abce", "abcf"])).toEqual({ matches: ["abce", "abcf"], kind: "edit", distance: 1 });
  });

  it("nothing for short words, words too far, or punctuation only", () => {
    expect(nearMatch("opn", KNOWN_KEYS)).toBeNull();
    expect(nearMatch("salaire", KNOWN_KEYS)).toBeNull();
    expect(nearMatch("@@", KNOWN_KEYS)).toBeNull();
    expect(nearMatch("anything", [])).toBeNull();
  });
});
