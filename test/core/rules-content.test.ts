import { describe, expect, it } from "vitest";
import { byRule, checkFile, checkText, french, JOBS, SEEDS, SUBMISSIONS, text, withLine } from "./corpus.js";

describe("roles and open", () => {
  it("`role` instead of `roles`, and no `open` (jobs/2021-01-07-charge-portefeuille.md)", () => {
    const report = checkFile(JOBS, "2021-01-07-charge-portefeuille.md");
    expect(byRule(report, "roles-missing")).toEqual([
      { line: 1, column: 1, severity: "error", rule: "roles-missing", messageId: "roles-missing", params: {}, key: "roles" },
    ]);
    expect(byRule(report, "open-missing")).toEqual([
      { line: 1, column: 1, severity: "error", rule: "open-missing", messageId: "open-missing", params: {}, key: "open" },
    ]);
    expect(byRule(report, "unknown-key")).toEqual([
      {
        line: 7,
        column: 1,
        severity: "warning",
        rule: "unknown-key",
        messageId: "unknown-key-suggestion",
        params: { key: "role", suggestion: "roles" },
        key: "role",
        fix: { line: 7, text: "roles: Chargé.e de déploiement de portefeuille" },
      },
    ]);
    expect(french(byRule(report, "roles-missing")[0])).toBe("Le champ `roles` est obligatoire : indiquez l'intitulé du poste.");
    expect(french(byRule(report, "unknown-key")[0])).toBe("Champ inconnu `role` : vouliez-vous dire `roles` ?");
    expect(report.roles).toBeNull();
    expect(report.open).toBeNull();
  });

  it("`status: open` is not `open` (submissions/2021-02-11_5244_2021-02-10-ux-designer-RPC.md)", () => {
    const report = checkFile(SUBMISSIONS, "2021-02-11_5244_2021-02-10-ux-designer-RPC.md", { isNew: true });
    expect(report.diagnostics.map((d) => d.rule)).toEqual(["open-missing"]);
  });

  it("`open: true#` and `junior: true#` (submissions/2020-11-26_4633_2020-11-28-Trackdéchets_stagebizdév.md)", () => {
    const report = checkFile(SUBMISSIONS, "2020-11-26_4633_2020-11-28-Trackdéchets_stagebizdév.md");
    expect(byRule(report, "open-not-boolean")).toEqual([
      {
        line: 5,
        column: 7,
        severity: "error",
        rule: "open-not-boolean",
        messageId: "open-not-boolean",
        params: { value: "true#" },
        key: "open",
        fix: { line: 5, text: "open: true" },
      },
    ]);
    expect(french(byRule(report, "open-not-boolean")[0])).toBe("`open` doit valoir `true` ou `false` (sans guillemets), pas « true# ».");
    expect(byRule(report, "invalid-value")).toEqual([
      {
        line: 4,
        column: 9,
        severity: "error",
        rule: "invalid-value",
        messageId: "invalid-value-boolean",
        params: { key: "junior", value: "true#" },
        key: "junior",
        fix: { line: 4, text: "junior: true" },
      },
    ]);
    expect(report.open).toBeNull();
  });

  const seed = text(SEEDS, "000_98b50e31014be289.txt");
  it.each([
    ['open: "true"', "open: true"],
    ["open: 'true'", "open: true"],
    ["open: yes", "open: true"],
    ["open: oui # à fermer le 7", "open: true # à fermer le 7"],
    ["open: non", "open: false"],
    ["open: no   # fermé", "open: false   # fermé"],
    ["open: true#fermer le 7", "open: true #fermer le 7"],
    ["  open: Vrai", null],
  ])("seed 000 with `%s` on line 13 → fix `%s`", (line, fix) => {
    const report = checkText(withLine(seed, 13, line));
    if (fix === null) {
      expect(report.diagnostics.map((d) => d.rule)).toContain("front-matter-syntax");
      return;
    }
    const [d] = byRule(report, "open-not-boolean");
    expect(d?.line).toBe(13);
    expect(d?.fix).toEqual({ line: 13, text: fix });
    expect(report.diagnostics.filter((x) => x.rule !== "open-not-boolean")).toEqual([]);
  });

  it("`open: True` and `open: FALSE` are booleans in YAML 1.2: nothing to say", () => {
    expect(checkText(withLine(seed, 13, "open: True")).diagnostics).toEqual([]);
    expect(checkText(withLine(seed, 13, "open: FALSE")).open).toBe(false);
  });

  it("an empty `open:` has no certain fix", () => {
    const [d] = byRule(checkText(withLine(seed, 13, "open:")), "open-not-boolean");
    expect(d).toMatchObject({ line: 13, column: 6, params: { value: "" } });
    expect(d?.fix).toBeUndefined();
  });
});

describe("team", () => {
  it("no startup, friend nor equipe (jobs/2017-03-16-developpeur-pole-geo.md)", () => {
    const report = checkFile(JOBS, "2017-03-16-developpeur-pole-geo.md");
    expect(report.diagnostics).toEqual([{ line: 1, column: 1, severity: "error", rule: "team-missing", messageId: "team-missing", params: {} }]);
    expect(french(report.diagnostics[0])).toBe(
      "Indiquez qui recrute : `startup` (identifiant d'une startup d'État) ou `friend`/`equipe` (nom de l'équipe).",
    );
  });

  it("`DossierFacile`: case only, certain fix (submissions/2020-09-21_4288_2020-09-21-recrutement-dossierfacile-devfullstack.md)", () => {
    const report = checkFile(SUBMISSIONS, "2020-09-21_4288_2020-09-21-recrutement-dossierfacile-devfullstack.md");
    expect(byRule(report, "startup-unknown")).toEqual([
      {
        line: 3,
        column: 10,
        severity: "error",
        rule: "startup-unknown",
        messageId: "startup-unknown-suggestion",
        params: { value: "DossierFacile", suggestion: "dossierfacile" },
        key: "startup",
        fix: { line: 3, text: "startup: dossierfacile" },
      },
    ]);
    expect(french(byRule(report, "startup-unknown")[0])).toBe(
      "La startup « DossierFacile » n'existe pas dans content/_startups. Vouliez-vous dire « dossierfacile » ?",
    );
  });

  it("`Territoires en Transitions`: spaces and case, certain fix (submissions/2021-06-09_6158_…)", () => {
    const report = checkFile(SUBMISSIONS, "2021-06-09_6158_2021-06-08-developpeuse-territoires-en-transitions", {}, "content/_jobs/x.md");
    expect(byRule(report, "startup-unknown")[0]?.fix).toEqual({ line: 3, text: "startup: territoires-en-transitions" });
  });

  it("`Locadoc`: a typo, suggested but not fixed (submissions/2021-04-26_5731_2021-04-22-offre-biz-dev.md)", () => {
    const [d] = byRule(checkFile(SUBMISSIONS, "2021-04-26_5731_2021-04-22-offre-biz-dev.md"), "startup-unknown");
    expect(d).toMatchObject({ line: 5, column: 10, messageId: "startup-unknown-suggestion", params: { value: "Locadoc", suggestion: "locadocs" } });
    expect(d?.fix).toBeUndefined();
  });

  it("`mobilot`: unknown, nothing close (submissions/2018-11-26_2000_2018-11-26-mobilot-bizdev.md)", () => {
    const [d] = byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md"), "startup-unknown");
    expect(d).toEqual({ line: 3, column: 10, severity: "error", rule: "startup-unknown", messageId: "startup-unknown", params: { value: "mobilot" }, key: "startup" });
  });

  it("startup ids unknown (null): the startup rule is skipped", () => {
    expect(byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md", { startupIds: null }), "startup-unknown")).toEqual([]);
  });
});

describe("contract", () => {
  it("`indépendent` (jobs/2021-03-15-anct-pni-coach.md)", () => {
    const report = checkFile(JOBS, "2021-03-15-anct-pni-coach.md");
    expect(byRule(report, "contract-alias")).toEqual([
      {
        line: 9,
        column: 10,
        severity: "warning",
        rule: "contract-alias",
        messageId: "contract-alias",
        params: { value: "indépendent", suggestion: "indépendant" },
        key: "contrat",
        fix: { line: 9, text: "contrat: indépendant" },
      },
    ]);
    expect(french(byRule(report, "contract-alias")[0])).toBe("Type de contrat écrit « indépendent » : écrivez « indépendant ».");
    expect(report.contracts).toEqual(["indépendant"]);
  });

  it("`Fonctionaire A/A+ ou CDD 3 ans`: two types, no certain fix (jobs/2021-08-20-responsable_portefeuille_produits_dgaln.md)", () => {
    const report = checkFile(JOBS, "2021-08-20-responsable_portefeuille_produits_dgaln.md");
    expect(report.contracts).toEqual(["fonctionnaire", "CDD"]);
    const [d] = byRule(report, "contract-alias");
    expect(d).toMatchObject({ line: 4, column: 10, params: { suggestion: "fonctionnaire, CDD" } });
    expect(d?.fix).toBeUndefined();
  });

  it("missing `contrat` is an error for a new posting only (submissions/2018-11-26_2000_2018-11-26-mobilot-bizdev.md)", () => {
    expect(byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md", { isNew: true }), "contract-missing")).toEqual([
      {
        line: 1,
        column: 1,
        severity: "error",
        rule: "contract-missing",
        messageId: "contract-missing",
        params: { allowed: "CDI, CDD, fonctionnaire, indépendant, stage, alternance" },
        key: "contrat",
      },
    ]);
    expect(byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md"), "contract-missing")).toEqual([]);
  });

  it("unknown type: a body line of the corpus (`Contrat : mission de 3 mois`) put in seed 003's `contrat`", () => {
    const report = checkText(withLine(text(SEEDS, "003_f3dddee9d80a1e5f.txt"), 4, "contrat: mission de 3 mois"));
    expect(byRule(report, "contract-unknown")).toEqual([
      {
        line: 4,
        column: 10,
        severity: "error",
        rule: "contract-unknown",
        messageId: "contract-unknown",
        params: { value: "mission de 3 mois", allowed: "CDI, CDD, fonctionnaire, indépendant, stage, alternance" },
        key: "contrat",
      },
    ]);
    expect(french(byRule(report, "contract-unknown")[0])).toBe(
      "Type de contrat inconnu « mission de 3 mois » : choisissez parmi CDI, CDD, fonctionnaire, indépendant, stage, alternance.",
    );
    expect(report.contracts).toEqual([]);
  });

  it("extra aliases from the configuration", () => {
    const content = withLine(text(SEEDS, "003_f3dddee9d80a1e5f.txt"), 4, "contrat: contrat de projet");
    const report = checkText(content, { extraContractAliases: { "contrat de projet": "CDD" } });
    expect(report.contracts).toEqual(["CDD"]);
    expect(byRule(report, "contract-alias")[0]?.fix).toEqual({ line: 4, text: "contrat: CDD" });
  });
});
