import { describe, expect, it } from "vitest";
import { byRule, checkFile, checkText, french, JOBS, SEEDS, SUBMISSIONS, text, withLine } from "./corpus.js";

describe("roles and open", () => {
  it("`role` instead of `roles`, and no `open` (jobs/2021-01-07-charge-portefeuille.md): one message for the misspelling", () => {
    const report = checkFile(JOBS, "2021-01-07-charge-portefeuille.md");
    expect(byRule(report, "roles-missing")).toEqual([]); // caused by the misspelling: not said twice
    expect(byRule(report, "open-missing")).toEqual([
      { line: 1, column: 1, severity: "error", rule: "open-missing", messageId: "open-missing", params: {}, key: "open" },
    ]);
    expect(byRule(report, "key-misspelled")).toEqual([
      {
        line: 7,
        column: 1,
        severity: "error",
        rule: "key-misspelled",
        messageId: "key-misspelled",
        params: { key: "role", suggestion: "roles" },
        key: "role",
        fix: { line: 7, text: "roles: Chargé.e de déploiement de portefeuille" },
      },
    ]);
    expect(french(byRule(report, "open-missing")[0])).toBe(
      "Pas de `open` : la page dirait « Ce poste a été pourvu » et l'API n'aurait pas l'offre. Ajoutez `open: true`.",
    );
    expect(french(byRule(report, "key-misspelled")[0])).toBe("Écrivez `roles`, pas `role` : sinon la valeur est ignorée.");
    expect(report.roles).toBeNull();
    expect(report.open).toBeNull();
  });

  it("`status: open` is not `open` (submissions/2021-02-11_5244_2021-02-10-ux-designer-RPC.md)", () => {
    const report = checkFile(SUBMISSIONS, "2021-02-11_5244_2021-02-10-ux-designer-RPC.md", { isNew: true });
    expect(report.diagnostics.map((d) => d.rule)).toEqual(["open-missing"]);
  });

  it("`open: true#` and `junior: true#` (submissions/2020-11-26_4633_2020-11-28-Trackdéchets_stagebizdév.md)", () => {
    const report = checkFile(SUBMISSIONS, "2020-11-26_4633_2020-11-28-Trackdéchets_stagebizdév.md");
    // `true#` is a text for Jekyll too: true on the page, left out by the API (`where: "open", 'true'`).
    expect(byRule(report, "open-not-boolean")).toEqual([
      {
        line: 5,
        column: 7,
        severity: "error",
        rule: "open-not-boolean",
        messageId: "open-not-boolean",
        params: { value: "true#", fix: "true" },
        key: "open",
        fix: { line: 5, text: "open: true" },
      },
    ]);
    expect(french(byRule(report, "open-not-boolean")[0])).toBe(
      "`open` vaut « true# » : la page et l'API ne le lisent pas de la même façon. Écrivez `open: true`, sans guillemets.",
    );
    // A text is true for Liquid: `junior: true#` shows what the author meant, a warning.
    expect(byRule(report, "invalid-value")).toEqual([
      {
        line: 4,
        column: 9,
        severity: "warning",
        rule: "invalid-value",
        messageId: "invalid-value-boolean",
        params: { key: "junior", value: "true#", fix: "true" },
        key: "junior",
        fix: { line: 4, text: "junior: true" },
      },
    ]);
    expect(report.open).toBeNull();
  });

  const seed = text(SEEDS, "000_98b50e31014be289.txt");
  // Seed 000 is a partner posting without `externalURL`: that error is always there.
  const others = (rule: string) => (d: { rule: string }) => d.rule !== rule && d.rule !== "partner-url-missing";
  it.each([
    // Read by Jekyll as the author meant (a quoted "true" passes the page and the API; Psych reads yes/no as booleans): warnings.
    ['open: "true"', "open: true", "warning"],
    ["open: 'true'", "open: true", "warning"],
    ["open: yes", "open: true", "warning"],
    ["open: no   # fermé", "open: false   # fermé", "warning"],
    // Texts: true on the page, left out by the API.
    ['open: "false"', "open: false", "error"],
    ["open: oui # à fermer le 7", "open: true # à fermer le 7", "error"],
    ["open: non", "open: false", "error"],
    ["open: true#fermer le 7", "open: true #fermer le 7", "error"],
    ["  open: Vrai", null, null],
  ])("seed 000 with `%s` on line 13 → fix `%s` (%s)", (line, fix, severity) => {
    const report = checkText(withLine(seed, 13, line));
    if (fix === null) {
      expect(report.diagnostics.map((d) => d.rule)).toContain("front-matter-syntax");
      return;
    }
    const [d] = byRule(report, "open-not-boolean");
    expect(d?.line).toBe(13);
    expect(d?.severity).toBe(severity);
    expect(d?.fix).toEqual({ line: 13, text: fix });
    expect(report.diagnostics.filter(others("open-not-boolean"))).toEqual([]);
  });

  it("`open: yes` is read as meant: the message says so", () => {
    const [d] = byRule(checkText(withLine(seed, 13, "open: yes")), "open-not-boolean");
    expect(french(d)).toBe("`open` vaut « yes » : le site le lit bien, mais écrivez `open: true`, sans guillemets.");
  });

  it("`open: True` and `open: FALSE` are booleans in YAML 1.2: nothing to say", () => {
    expect(checkText(withLine(seed, 13, "open: True")).diagnostics.filter(others(""))).toEqual([]);
    expect(checkText(withLine(seed, 13, "open: FALSE")).open).toBe(false);
  });

  it("an empty `open:` has no certain fix", () => {
    const [d] = byRule(checkText(withLine(seed, 13, "open:")), "open-not-boolean");
    expect(d).toMatchObject({ line: 13, column: 6, params: { value: "" } });
    expect(d?.fix).toBeUndefined();
  });
});

describe("team", () => {
  it("no startup, friend nor equipe (jobs/2017-03-16-developpeur-pole-geo.md): a warning saying what the page shows", () => {
    const report = checkFile(JOBS, "2017-03-16-developpeur-pole-geo.md");
    expect(report.diagnostics).toEqual([
      { line: 1, column: 1, severity: "warning", rule: "team-missing", messageId: "team-missing", params: {}, key: "startup" },
    ]);
    expect(french(report.diagnostics[0])).toBe(
      "L'en-tête ne dit pas qui recrute\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F». Ajoutez `startup: identifiant` pour une startup d'État, sinon `friend: Nom de l'équipe` (le nom que la page affiche).",
    );
    expect(report.recruiter).toBeNull();
  });

  it("`DossierFacile`: the id in other letters, a warning with the id as certain fix (submissions/2020-09-21_4288_…)", () => {
    const report = checkFile(SUBMISSIONS, "2020-09-21_4288_2020-09-21-recrutement-dossierfacile-devfullstack.md");
    expect(byRule(report, "startup-unknown")).toEqual([
      {
        line: 3,
        column: 10,
        severity: "warning",
        rule: "startup-unknown",
        messageId: "startup-by-name",
        params: { value: "DossierFacile", id: "dossierfacile", title: "" },
        key: "startup",
        fix: { line: 3, text: "startup: dossierfacile" },
      },
    ]);
    expect(french(byRule(report, "startup-unknown")[0])).toBe(
      "`startup` attend l'identifiant de la startup\u202F: écrivez `dossierfacile`. La page cherche la startup par son identifiant.",
    );
    expect(report.recruiter).toEqual({ kind: "startup", id: "DossierFacile", title: null });
  });

  it("a startup's title: `DossierFacile` was the title of `locatio` in 2020 (titles given)", () => {
    const options = {
      startupIds: new Set(["locatio", "itou"]),
      startupTitles: new Map([
        ["locatio", "DossierFacile"],
        ["itou", "Emplois de l'inclusion"],
      ]),
    };
    const report = checkFile(SUBMISSIONS, "2020-09-21_4288_2020-09-21-recrutement-dossierfacile-devfullstack.md", options);
    const [d] = byRule(report, "startup-unknown");
    expect(d).toMatchObject({
      severity: "warning",
      messageId: "startup-by-name",
      params: { value: "DossierFacile", id: "locatio", title: "DossierFacile" },
      fix: { line: 3, text: "startup: locatio" },
    });
    expect(french(d)).toBe(
      "`startup` attend l'identifiant de la startup «\u202FDossierFacile\u202F»\u202F: écrivez `locatio`. La page cherche la startup par son identifiant.",
    );
  });

  it("an id followed by a domain: `reserve-civique.beta.gouv.fr` (submissions/2020-04-16_3605_…)", () => {
    const [d] = byRule(
      checkFile(SUBMISSIONS, "2020-04-16_3605_2020-01-13-developpeur-full-stack-reservecivique.md", {
        startupIds: new Set(["reserve-civique"]),
      }),
      "startup-unknown",
    );
    expect(d).toMatchObject({
      line: 3,
      severity: "warning",
      messageId: "startup-by-name",
      fix: { line: 3, text: "startup: reserve-civique" },
    });
  });

  it("`Territoires en Transitions`: spaces and case, certain fix (submissions/2021-06-09_6158_…)", () => {
    const report = checkFile(SUBMISSIONS, "2021-06-09_6158_2021-06-08-developpeuse-territoires-en-transitions", {}, "content/_jobs/x.md");
    expect(byRule(report, "startup-unknown")[0]?.fix).toEqual({ line: 3, text: "startup: territoires-en-transitions" });
  });

  it("`Locadoc`: a typo, suggested but not fixed, still an error (submissions/2021-04-26_5731_2021-04-22-offre-biz-dev.md)", () => {
    const [d] = byRule(checkFile(SUBMISSIONS, "2021-04-26_5731_2021-04-22-offre-biz-dev.md"), "startup-unknown");
    expect(d).toMatchObject({
      line: 5,
      column: 10,
      severity: "error",
      messageId: "startup-unknown-suggestion",
      params: { value: "Locadoc", suggestion: "locadocs" },
    });
    expect(d?.fix).toBeUndefined();
    expect(french(d)).toBe(
      "La startup «\u202FLocadoc\u202F» n'existe pas dans content/_startups\u202F: vouliez-vous dire «\u202Flocadocs\u202F»\u202F? Sinon la page affichera «\u202Fbeta.gouv.fr recrute\u202F».",
    );
  });

  it("`mobilot`: unknown, nothing close: an error saying what the page shows and that `equipe` is for other teams", () => {
    const [d] = byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md"), "startup-unknown");
    expect(d).toEqual({
      line: 3,
      column: 10,
      severity: "error",
      rule: "startup-unknown",
      messageId: "startup-unknown",
      params: { value: "mobilot" },
      key: "startup",
    });
    expect(french(d)).toBe(
      "La startup «\u202Fmobilot\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).",
    );
  });

  it("an unknown startup beside `friend`: the page shows the partner, only the card is missing (a warning)", () => {
    const [d] = byRule(checkFile(JOBS, "2022-03-11-developpeur.ou.une.developpeuse.front.md"), "startup-unknown");
    expect(d).toMatchObject({ severity: "warning", messageId: "startup-unknown-friend", params: { value: "conseiller-numerique" } });
  });

  it("startup ids unknown (null): the startup rule is skipped", () => {
    expect(byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md", { startupIds: null }), "startup-unknown")).toEqual(
      [],
    );
  });
});

describe("partner postings", () => {
  it("`type: friend` without `externalURL` is an error: the page's partner link is empty (jobs/2021-04-21-dev-piaf.md)", () => {
    const [d] = byRule(checkFile(JOBS, "2021-04-21-dev-piaf.md"), "partner-url-missing");
    expect(d).toMatchObject({ severity: "error", params: { friend: "Etalab" }, key: "externalURL" });
    expect(french(d)).toBe(
      "Offre d'un partenaire (`type: friend`) sans `externalURL`\u202F: le lien «\u202FVoir l'offre sur le site de Etalab\u202F» de la page serait vide. Ajoutez `externalURL: https://…`.",
    );
  });

  it("`externalUrl` instead of `externalURL`: one error, the misspelling, with its fix (jobs/2022-05-19-anct-sit-nocodb.md)", () => {
    const report = checkFile(JOBS, "2022-05-19-anct-sit-nocodb.md");
    expect(report.diagnostics.filter((d) => d.severity === "error").map((d) => [d.rule, d.line, d.fix?.text])).toEqual([
      ["key-misspelled", 10, "externalURL: https://incubateur.anct.gouv.fr/recrutement/dev-nocodb"],
    ]);
    expect(report.recruiter).toEqual({ kind: "friend", name: "Incubateur des Territoires" });
    expect(report.contact).toBe("yohan.boniface@anct.gouv.fr");
  });

  it("an invalid `externalURL` is an error on a partner posting, a warning elsewhere", () => {
    const seed = text(SEEDS, "000_98b50e31014be289.txt");
    const partner = checkText(withLine(seed, 7, "type: friend\nexternalURL: www.culture.gouv.fr"));
    expect(byRule(partner, "url-invalid").map((d) => [d.severity, d.messageId])).toEqual([["error", "url-invalid-partner"]]);
    expect(byRule(partner, "partner-url-missing")).toEqual([]);
    const other = checkText(withLine(seed, 7, "externalURL: www.culture.gouv.fr"));
    expect(byRule(other, "url-invalid").map((d) => [d.severity, d.messageId])).toEqual([["warning", "url-invalid"]]);
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
    expect(french(byRule(report, "contract-alias")[0])).toBe(
      "Type de contrat «\u202Findépendent\u202F»\u202F: écrivez «\u202Findépendant\u202F».",
    );
    expect(report.contracts).toEqual(["indépendant"]);
  });

  it("`Fonctionaire A/A+ ou CDD 3 ans`: the misspelled word only is fixed, nothing dropped (jobs/2021-08-20-responsable_portefeuille_produits_dgaln.md)", () => {
    const report = checkFile(JOBS, "2021-08-20-responsable_portefeuille_produits_dgaln.md");
    expect(report.contracts).toEqual(["fonctionnaire", "CDD"]);
    const [d] = byRule(report, "contract-alias");
    expect(d).toMatchObject({ line: 4, column: 10, severity: "warning", params: { suggestion: "fonctionnaire A/A+ ou CDD 3 ans" } });
    expect(d?.fix).toEqual({ line: 4, text: "contrat: fonctionnaire A/A+ ou CDD 3 ans" });
  });

  it.each(["CDD 3 ans", "Stage", "cdi", "indépendant·e", "indépendant.e", "Indépendante", "CDD ou CDI"])(
    "`contrat: %s` is accepted as written",
    (value) => {
      const report = checkText(withLine(text(SEEDS, "003_f3dddee9d80a1e5f.txt"), 4, `contrat: ${value}`));
      expect(report.diagnostics.filter((d) => d.key === "contrat")).toEqual([]);
    },
  );

  it("missing `contrat`: a warning, for a new posting only; nothing in the text to propose (submissions/2018-11-26_2000_…)", () => {
    const report = checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md", { isNew: true });
    expect(byRule(report, "contract-missing")).toEqual([
      {
        line: 1,
        column: 1,
        severity: "warning",
        rule: "contract-missing",
        messageId: "contract-missing",
        params: { allowed: "CDI, CDD, fonctionnaire, indépendant, stage, alternance" },
        key: "contrat",
      },
    ]);
    expect(french(byRule(report, "contract-missing")[0])).toBe(
      "Pas de `contrat`\u202F: ajoutez le type de contrat, parmi CDI, CDD, fonctionnaire, indépendant, stage, alternance.",
    );
    expect(byRule(checkFile(SUBMISSIONS, "2018-11-26_2000_2018-11-26-mobilot-bizdev.md"), "contract-missing")).toEqual([]);
  });

  it("missing `contrat`, the text says « stage de 6 mois »: a proposal to check, adding the line after `roles` (submissions/2019-05-21_2589_…)", () => {
    const report = checkFile(SUBMISSIONS, "2019-05-21_2589_2019-05-16-bizdev-stage-peps.md", { isNew: true });
    const [d] = byRule(report, "contract-missing");
    expect(d).toEqual({
      line: 2,
      column: 1,
      severity: "warning",
      rule: "contract-missing",
      messageId: "contract-missing-proposal",
      params: { type: "stage", said: "stage de 6 mois" },
      key: "contrat",
      fix: { line: 2, text: "roles: business developer\ncontrat: stage", certain: false },
    });
    expect(french(d)).toBe(
      "Pas de `contrat`\u202F; le texte dit «\u202Fstage de 6 mois\u202F». Proposition à vérifier\u202F: `contrat: stage`.",
    );
  });

  it("missing `contrat` on a closed posting: nothing asked (submissions/2021-11-04_7491_2021-11-04-spie-dev.md)", () => {
    expect(byRule(checkFile(SUBMISSIONS, "2021-11-04_7491_2021-11-04-spie-dev.md", { isNew: true }), "contract-missing")).toEqual([]);
  });

  it("unknown type: a body line of the corpus (`Contrat : mission de 3 mois`) put in seed 003's `contrat`", () => {
    const report = checkText(withLine(text(SEEDS, "003_f3dddee9d80a1e5f.txt"), 4, "contrat: mission de 3 mois"));
    expect(byRule(report, "contract-unknown")).toEqual([
      {
        line: 4,
        column: 10,
        severity: "warning",
        rule: "contract-unknown",
        messageId: "contract-unknown",
        params: { value: "mission de 3 mois", allowed: "CDI, CDD, fonctionnaire, indépendant, stage, alternance" },
        key: "contrat",
      },
    ]);
    expect(french(byRule(report, "contract-unknown")[0])).toBe(
      "Type de contrat inconnu «\u202Fmission de 3 mois\u202F»\u202F: choisissez parmi CDI, CDD, fonctionnaire, indépendant, stage, alternance.",
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
