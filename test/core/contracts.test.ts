import { describe, expect, it } from "vitest";
import { CONTRACT_ALIASES, normalizeContract } from "../../src/core/contracts.js";
import { CONTRACT_TYPES } from "../../src/core/types.js";

describe("normalizeContract", () => {
  // Every `contrat:` value of the corpus (jobs/ and submissions/), with what it means.
  it.each([
    ["indépendant", ["indépendant"], true, undefined],
    ["indépendent", ["indépendant"], false, "indépendant"],
    ["independant", ["indépendant"], false, "indépendant"],
    ["Indépendant", ["indépendant"], true, undefined], // capitals are accepted
    ["indépendant·e", ["indépendant"], true, undefined], // inclusive forms too
    ["indépendant/freelance", ["indépendant"], false, "indépendant"],
    ["freelance", ["indépendant"], false, "indépendant"],
    ["préstataire", ["indépendant"], false, "indépendant"],
    ["stage", ["stage"], true, undefined],
    ["stagiaire", ["stage"], false, "stage"],
    ["contractuel", ["CDD"], false, "CDD"],
    ["CDD 3 ans", ["CDD"], true, undefined], // accepted: the labels read CDD, and nothing is dropped
    ["Fonctionaire A/A+ ou CDD 3 ans", ["fonctionnaire", "CDD"], false, "fonctionnaire A/A+ ou CDD 3 ans"], // the typo only
  ] as const)("%s → %j (canonical %s, fix %s)", (raw, types, canonical, suggestion) => {
    const reading = normalizeContract(raw, {});
    expect(reading.types).toEqual(types);
    expect(reading.canonical).toBe(canonical);
    expect(reading.suggestion).toBe(suggestion);
  });

  it("tolerates case, accents, spaces and invisible characters", () => {
    expect(normalizeContract("  INDEPENDANT ", {})).toEqual({ types: ["indépendant"], canonical: false, suggestion: "indépendant" });
    expect(normalizeContract("indé\u200Bpendant", {}).types).toEqual(["indépendant"]);
    expect(normalizeContract("cdi", {})).toEqual({ types: ["CDI"], canonical: true });
  });

  it.each(["indépendante", "indépendant.e", "indépendant(e)", "indépendant·e·s", "Stage", "stage de 6 mois", "CDD de 3 ans renouvelable"])(
    "`%s` is accepted as written",
    (value) => {
      expect(normalizeContract(value, {}).canonical).toBe(true);
      expect(normalizeContract(value, {}).suggestion).toBeUndefined();
    },
  );

  it("several canonical types are canonical, whatever the separator", () => {
    expect(normalizeContract("CDD ou CDI", {})).toEqual({ types: ["CDD", "CDI"], canonical: true });
    expect(normalizeContract("CDD, CDI", {})).toEqual({ types: ["CDD", "CDI"], canonical: true });
    expect(normalizeContract("stage/alternance", {})).toEqual({ types: ["stage", "alternance"], canonical: true });
    expect(normalizeContract("cdd ou freelance", {})).toEqual({
      types: ["CDD", "indépendant"],
      canonical: false,
      suggestion: "CDD, indépendant",
    });
  });

  it("a typo of a known spelling is read, and fixed when the value is that word only", () => {
    expect(normalizeContract("indépedant", {})).toEqual({ types: ["indépendant"], canonical: false, suggestion: "indépendant" });
  });

  it("unknown values name no type", () => {
    expect(normalizeContract("mission de 3 mois", {})).toEqual({ types: [], canonical: false });
    expect(normalizeContract("", {})).toEqual({ types: [], canonical: false });
  });

  it("extra aliases from the configuration; bad types in them are ignored", () => {
    expect(normalizeContract("Contrat de projet", { "contrat de projet": "CDD" })).toEqual({
      types: ["CDD"],
      canonical: false,
      suggestion: "CDD",
    });
    expect(normalizeContract("bénévolat", { bénévolat: "nope" as never }).types).toEqual([]);
  });

  it("the alias table only maps to canonical types, and every type is in it", () => {
    for (const type of Object.values(CONTRACT_ALIASES)) expect(CONTRACT_TYPES).toContain(type);
    for (const type of CONTRACT_TYPES) expect(CONTRACT_ALIASES[type]).toBe(type);
  });
});
