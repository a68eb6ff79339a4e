import { describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { bytes, jobPath, options, SEEDS } from "./corpus.js";

describe("the two seed postings", () => {
  it("000: an internship, open, closing 2021-07-07, no error", () => {
    const report = checkPosting(
      { path: jobPath("2021-06-09-atelier-numerique.md"), content: bytes(SEEDS, "000_98b50e31014be289.txt") },
      options(),
    );
    expect(report.contracts).toEqual(["stage"]);
    expect(report.open).toBe(true);
    expect(report.closingDate).toBe("2021-07-07");
    expect(report.closingDateField).toBe("poste_ferme");
    expect(report.openLine).toBe(13);
    expect(report.filled).toBe(false);
    expect(report.roles).toBe("Chargé.e de développement de l'atelier numérique");
    expect(report.recruiter).toEqual({ kind: "friend", name: "L'Atelier Numérique du Ministère de la Culture" });
    // A partner posting (`type: friend`) without `externalURL`: the page's partner link is empty.
    expect(report.diagnostics.map((d) => [d.line, d.rule, d.severity])).toEqual([[7, "partner-url-missing", "error"]]);
  });

  it("000 as a new posting: nothing more (it has a contract and a closing date)", () => {
    const report = checkPosting({ path: jobPath("x.md"), content: bytes(SEEDS, "000_98b50e31014be289.txt") }, options({ isNew: true }));
    expect(report.diagnostics.map((d) => d.rule)).toEqual(["partner-url-missing"]);
  });

  it("003: a freelance role for ellesfontlaculture, closed", () => {
    const report = checkPosting(
      { path: jobPath("2021-04-09-eflc.md"), content: bytes(SEEDS, "003_f3dddee9d80a1e5f.txt") },
      options({ isNew: true }),
    );
    expect(report.contracts).toEqual(["indépendant"]);
    expect(report.open).toBe(false);
    expect(report.closingDate).toBeNull();
    expect(report.openLine).toBe(6);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
