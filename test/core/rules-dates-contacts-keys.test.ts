import { describe, expect, it } from "vitest";
import { byRule, checkFile, checkText, french, JOBS, SEEDS, SUBMISSIONS, text, withLine } from "./corpus.js";

const seed000 = text(SEEDS, "000_98b50e31014be289.txt");

describe("dates", () => {
  it("an ISO timestamp is a day in Europe/Paris: 2022-02-22T23:00:00.000Z is the 23rd (jobs/2021-01-07-charge-portefeuille.md)", () => {
    const report = checkFile(JOBS, "2021-01-07-charge-portefeuille.md");
    expect(report.closingDate).toBe("2022-02-23");
    expect(report.closingDateField).toBe("poste_ferme");
    expect(checkFile(JOBS, "2021-01-07-charge-portefeuille.md", { timeZone: "UTC" }).closingDate).toBe("2022-02-22");
  });

  it("a timestamp without zone (jobs/2022-06-27-un.developpeur.ou.une.developpeuse.full.stack.js.md)", () => {
    const report = checkFile(JOBS, "2022-06-27-un.developpeur.ou.une.developpeuse.full.stack.js.md");
    expect(byRule(report, "date-timezone")).toEqual([
      {
        line: 4,
        column: 7,
        severity: "warning",
        rule: "date-timezone",
        messageId: "date-timezone",
        params: { key: "date", value: "2022-06-27T09:00:00", day: "2022-06-27", zone: "Europe/Paris" },
        key: "date",
      },
    ]);
    expect(french(byRule(report, "date-timezone")[0])).toBe(
      "`date`\u202F: heure sans fuseau, lue comme l'heure de Europe/Paris (jour 2022-06-27). Ajoutez le fuseau (`Z`, `+02:00`) ou n'écrivez que le jour.",
    );
  });

  it.each([
    ["poste_ferme: 07/07/2021", "poste_ferme: 2021-07-07"],
    ["poste_ferme: 7/7/2021", "poste_ferme: 2021-07-07"],
    ["poste_ferme: 07-07-2021 # jour de clôture", "poste_ferme: 2021-07-07 # jour de clôture"],
    ["poste_ferme: 7 juillet 2021", "poste_ferme: 2021-07-07"],
    ["poste_ferme: 2021-7-7", "poste_ferme: 2021-07-07"],
  ])("seed 000 with `%s` (line 9) → date-format, fix `%s`", (line, fix) => {
    const report = checkText(withLine(seed000, 9, line));
    expect(byRule(report, "date-format")).toEqual([
      {
        line: 9,
        column: 14,
        severity: "error",
        rule: "date-format",
        messageId: "date-format-closing",
        params: expect.objectContaining({ key: "poste_ferme", fix: "2021-07-07" }),
        key: "poste_ferme",
        fix: { line: 9, text: fix },
      },
    ]);
    expect(report.closingDate).toBeNull();
  });

  it("a date not written AAAA-MM-JJ: an error on `date` (the build) and on a closing field (the closing job), a warning elsewhere", () => {
    const onDate = byRule(checkText(withLine(seed000, 10, "date: 09/06/2021")), "date-format")[0];
    expect(onDate).toMatchObject({ severity: "error", messageId: "date-format-date", fix: { line: 10, text: "date: 2021-06-09" } });
    expect(french(onDate)).toBe(
      "`date`\u202F: écrivez la date au format AAAA-MM-JJ\u202F: 2021-06-09\u202F; le site lit mal les autres formats, ou s'arrête.",
    );
    const opening = byRule(checkText(withLine(seed000, 8, "post_ouvert: 09/06/2021")), "date-format")[0];
    expect(opening).toMatchObject({ severity: "warning", messageId: "date-format", fix: { line: 8, text: "post_ouvert: 2021-06-09" } });
    const invalidDate = byRule(checkText(withLine(seed000, 10, "date: 2021-02-30")), "date-invalid")[0];
    expect(invalidDate).toMatchObject({ severity: "error", messageId: "date-invalid-date" });
  });

  it("an impossible day (seed 000 with poste_ferme: 2021-02-30)", () => {
    const report = checkText(withLine(seed000, 9, "poste_ferme: 2021-02-30"));
    expect(byRule(report, "date-invalid")).toEqual([
      {
        line: 9,
        column: 14,
        severity: "error",
        rule: "date-invalid",
        messageId: "date-invalid-closing",
        params: { key: "poste_ferme", value: "2021-02-30" },
        key: "poste_ferme",
      },
    ]);
    expect(french(byRule(report, "date-invalid")[0])).toBe(
      "`poste_ferme`\u202F: «\u202F2021-02-30\u202F» n'est pas un jour qui existe\u202F: l'offre ne serait pas fermée. Écrivez AAAA-MM-JJ.",
    );
    expect(byRule(report, "invalid-value")).toEqual([]);
  });

  it("not a date at all, and a number", () => {
    expect(byRule(checkText(withLine(seed000, 9, "poste_ferme: fin juillet")), "date-invalid")[0]?.messageId).toBe(
      "date-unreadable-closing",
    );
    const report = checkText(withLine(seed000, 9, "poste_ferme: 20210707"));
    expect(byRule(report, "date-invalid")[0]?.messageId).toBe("date-unreadable-closing");
    expect(byRule(report, "invalid-value")).toEqual([]);
  });

  it("closing before opening (seed 000 with poste_ferme: 2021-06-01, opened 2021-06-09)", () => {
    const report = checkText(withLine(seed000, 9, "poste_ferme: 2021-06-01"));
    expect(byRule(report, "date-order")).toEqual([
      {
        line: 9,
        column: 14,
        severity: "error",
        rule: "date-order",
        messageId: "date-order",
        params: { closingKey: "poste_ferme", closing: "2021-06-01", openingKey: "post_ouvert", opening: "2021-06-09" },
        key: "poste_ferme",
      },
    ]);
  });

  it("a new open posting without closing date (submissions/2019-04-09_2480_2019-04-09-aidantsconnect-dev-fullstack.md)", () => {
    const report = checkFile(SUBMISSIONS, "2019-04-09_2480_2019-04-09-aidantsconnect-dev-fullstack.md", { isNew: true });
    expect(byRule(report, "closing-date-missing")).toEqual([
      {
        line: 3,
        column: 1,
        severity: "warning",
        rule: "closing-date-missing",
        messageId: "closing-date-missing",
        params: { field: "poste_ferme" },
        key: "poste_ferme",
      },
    ]);
    expect(french(byRule(report, "closing-date-missing")[0])).toBe(
      "Offre ouverte sans date de clôture\u202F: ajoutez `poste_ferme: AAAA-MM-JJ` pour qu'elle soit fermée à temps.",
    );
    expect(byRule(checkFile(SUBMISSIONS, "2019-04-09_2480_2019-04-09-aidantsconnect-dev-fullstack.md"), "closing-date-missing")).toEqual(
      [],
    );
  });

  it("closing fields are taken in the configured order", () => {
    const content = withLine(seed000, 10, "depublication_date: 2021-07-01");
    expect(checkText(content).closingDateField).toBe("poste_ferme");
    const report = checkText(content, { closingDateFields: ["depublication_date", "poste_ferme"] });
    expect([report.closingDateField, report.closingDate]).toEqual(["depublication_date", "2021-07-01"]);
  });
});

describe("contacts and URLs", () => {
  it("`contacts: Ariane-Rose` is neither an address nor a prenom.nom id (jobs/2022-06-28-responsable-produit-PCRS.md)", () => {
    const report = checkFile(JOBS, "2022-06-28-responsable-produit-PCRS.md");
    expect(byRule(report, "contact-invalid")).toEqual([
      {
        line: 7,
        column: 11,
        severity: "warning",
        rule: "contact-invalid",
        messageId: "contact-invalid",
        params: { key: "contacts", value: "Ariane-Rose" },
        key: "contacts",
      },
    ]);
    expect(french(byRule(report, "contact-invalid")[0])).toBe(
      "`contacts`\u202F: «\u202FAriane-Rose\u202F» n'est ni une adresse électronique, ni un identifiant prenom.nom.",
    );
  });

  it.each([
    "clemence.chalopet@culture.gouv.fr",
    "patrick.lambret",
    "elsa.le-duigou",
    "mailto:contact@beta.gouv.fr",
    "@octocat",
    "a@b.fr, c.d@e.fr",
    "Ariane.ROSE@anct.gouv.fr",
  ])("`contact: %s` is fine", (value) => {
    expect(byRule(checkText(withLine(seed000, 11, `contact: ${value}`)), "contact-invalid")).toEqual([]);
  });

  it.each(["Clémence", "https://beta.gouv.fr/contact", "clemence@culture", "a@b.fr et Clémence"])("`contact: %s` is not", (value) => {
    expect(byRule(checkText(withLine(seed000, 11, `contact: ${value}`)), "contact-invalid")).toHaveLength(1);
  });

  it("a list of contacts: the bad item is pointed at", () => {
    const content = seed000.replace("contact: clemence.chalopet@culture.gouv.fr", "contacts:\n  - patrick.lambret\n  - Patrick");
    expect(byRule(checkText(content), "contact-invalid").map((d) => [d.line, d.column, d.params.value])).toEqual([[13, 5, "Patrick"]]);
  });

  it("externalURL must be a web address (corpus values pass; a bare host does not)", () => {
    const ok = checkFile(JOBS, "2022-04-19-anct-sit-full-stack.md");
    expect(byRule(ok, "url-invalid")).toEqual([]);
    const report = checkText(withLine(withLine(seed000, 7, "type: autre"), 11, "externalURL: www.fun-mooc.fr/news/fun-recrute-son-cto/"));
    expect(byRule(report, "url-invalid")).toEqual([
      {
        line: 11,
        column: 14,
        severity: "warning", // not a partner posting: no template shows it
        rule: "url-invalid",
        messageId: "url-invalid",
        params: { key: "externalURL", value: "www.fun-mooc.fr/news/fun-recrute-son-cto/" },
        key: "externalURL",
      },
    ]);
  });
});

describe("unknown keys", () => {
  it("`externalUrl` → externalURL, an error: the partner link is empty (jobs/2022-04-19-anct-sit-full-stack.md)", () => {
    expect(byRule(checkFile(JOBS, "2022-04-19-anct-sit-full-stack.md"), "key-misspelled")).toEqual([
      {
        line: 10,
        column: 1,
        severity: "error",
        rule: "key-misspelled",
        messageId: "key-misspelled",
        params: { key: "externalUrl", suggestion: "externalURL" },
        key: "externalUrl",
        fix: { line: 10, text: "externalURL: https://incubateur.anct.gouv.fr/recrutement/dev-sit" },
      },
    ]);
  });

  it("`titles` → title (jobs/2021-06-25-covoitPO.md): advice with its fix, the page only loses its own title (« Recrutement » instead)", () => {
    const [d] = byRule(checkFile(JOBS, "2021-06-25-covoitPO.md"), "key-misspelled");
    expect(d).toMatchObject({ line: 3, column: 1, severity: "warning", params: { key: "titles", suggestion: "title" } });
    expect(d?.fix).toEqual({ line: 3, text: "title: Responsable de produit numérique covoiturage.beta.gouv.fr" });
  });

  it("`domaine` next to `domaines`: suggested, not fixed (jobs/2022-05-31-bizdev.charge.e.de.deploiement.experimente.e.md)", () => {
    const [d] = byRule(checkFile(JOBS, "2022-05-31-bizdev.charge.e.de.deploiement.experimente.e.md"), "unknown-key");
    expect(d).toMatchObject({ line: 2, params: { key: "domaine", suggestion: "domaines" } });
    expect(d?.fix).toBeUndefined();
  });

  it.each([
    ["opne: true", "opne", "open", "open: true", "error"],
    // `contrat` only feeds the app's labels: its misspelling is advice, as its absence is.
    ["contart: stage", "contart", "contrat", "contrat: stage", "warning"],
    ["poste_fermé: 2021-07-07", "poste_fermé", "poste_ferme", "poste_ferme: 2021-07-07", "error"],
    ["post_ferme: 2021-07-07", "post_ferme", "poste_ferme", "poste_ferme: 2021-07-07", "error"],
  ])("`%s` → %s means %s: %s… with its fix, and the one message for that cause", (line, key, suggestion, fix, severity) => {
    const content = seed000
      .replace("status: open\n", `${line}\n`)
      .replace(/^open: true\n/m, key === "opne" ? "" : "open: true\n")
      .replace(/^contrat: stage\n/m, key === "contart" ? "" : "contrat: stage\n")
      .replace(/^poste_ferme: 2021-07-07\n/m, key.startsWith("post") ? "" : "poste_ferme: 2021-07-07\n");
    const report = checkText(content, { isNew: true });
    const [d] = byRule(report, "key-misspelled");
    expect(d?.severity).toBe(severity);
    expect(d?.params).toEqual({ key, suggestion });
    expect(d?.fix?.text).toBe(fix);
    // Not open-missing, contract-missing nor closing-date-missing as well (seed 000 also lacks externalURL).
    expect(report.diagnostics.map((x) => x.rule).sort()).toEqual(["key-misspelled", "partner-url-missing"]);
  });

  it("a zero-width space or an NBSP in a key", () => {
    const zw = byRule(checkText(seed000.replace("status: open", "startup\u200B: ellesfontlaculture")), "key-misspelled")[0];
    expect(zw).toMatchObject({
      severity: "error",
      messageId: "key-misspelled-invisible",
      params: { key: "startup\\u200B", suggestion: "startup" },
      fix: { line: 12, text: "startup: ellesfontlaculture" },
    });
    expect(french(zw)).toBe(
      "Le champ `startup\\u200B` contient un caractère invisible\u202F: écrivez `startup`, sinon la valeur est ignorée.",
    );
    const nbsp = byRule(checkText(seed000.replace("status: open", "startup\u00A0: ellesfontlaculture")), "key-misspelled")[0];
    expect(nbsp?.fix).toEqual({ line: 12, text: "startup: ellesfontlaculture" });
  });

  it('`startup :` (space before the colon) is the key `startup`; a quoted `"startup "` is not', () => {
    expect(byRule(checkText(seed000.replace("status: open", "startup : ellesfontlaculture")), "unknown-key")).toEqual([]);
    const [d] = byRule(checkText(seed000.replace("status: open", '"startup ": ellesfontlaculture')), "key-misspelled");
    expect(d?.fix).toEqual({ line: 12, text: "startup: ellesfontlaculture" });
  });

  it("an unknown key far from any known one", () => {
    expect(byRule(checkText(seed000.replace("status: open", "salaire: 50k")), "unknown-key")).toEqual([
      {
        line: 12,
        column: 1,
        severity: "warning",
        rule: "unknown-key",
        messageId: "unknown-key",
        params: { key: "salaire" },
        key: "salaire",
      },
    ]);
  });
});

describe("value types (from the schema)", () => {
  it.each([
    ["domaines: Développement", "domaines", "list"],
    ["junior: 3", "junior", "boolean"],
    ["permalink: [a, b]", "permalink", "text"],
    ["techno: {a: 1}", "techno", "text-or-list"],
  ])("`%s` → invalid-value on %s (%s expected)", (line, key, expected) => {
    const [d] = byRule(checkText(seed000.replace("status: open", line)), "invalid-value");
    expect(d).toMatchObject({ line: 12, key, params: { key, expected } });
  });

  it("a wrong item in a list is pointed at", () => {
    const [d] = byRule(checkText(seed000.replace("status: open", "domaines:\n  - Design\n  - 42")), "invalid-value");
    expect(d).toMatchObject({ line: 14, column: 5, params: { key: "domaines.1", expected: "text" } });
    expect(french(d)).toBe("`domaines.1` doit être un texte.");
  });
});

describe("severity overrides", () => {
  it("`off` removes a rule, a severity replaces the default", () => {
    const base = checkFile(JOBS, "2021-01-07-charge-portefeuille.md");
    expect(base.diagnostics.map((d) => d.rule)).toContain("key-misspelled");
    const report = checkFile(JOBS, "2021-01-07-charge-portefeuille.md", {
      severities: { "key-misspelled": "off", "open-missing": "warning" },
    });
    expect(byRule(report, "key-misspelled")).toEqual([]);
    expect(byRule(report, "open-missing")[0]?.severity).toBe("warning");
  });
});
