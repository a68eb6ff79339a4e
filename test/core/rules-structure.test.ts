import { describe, expect, it } from "vitest";
import { byRule, checkFile, checkText, french, JOBS, SUBMISSIONS } from "./corpus.js";

describe("file name", () => {
  it("a posting without .md in the postings folder (submissions/2018-12-03_2028_2018-12-02-cdtn-kali-job)", () => {
    const report = checkFile(
      SUBMISSIONS,
      "2018-12-03_2028_2018-12-02-cdtn-kali-job",
      { isNew: true },
      "content/_jobs/2018-12-02-cdtn-kali-job",
    );
    expect(byRule(report, "file-extension")).toEqual([
      {
        line: 1,
        column: 1,
        severity: "error",
        rule: "file-extension",
        messageId: "file-extension",
        params: { name: "2018-12-02-cdtn-kali-job" },
      },
    ]);
    expect(french(byRule(report, "file-extension")[0])).toBe(
      "Le fichier «\u202F2018-12-02-cdtn-kali-job\u202F» doit finir par `.md`\u202F: sinon l'offre n'est pas publiée.",
    );
  });

  it("the same file outside the postings folder is not a posting name problem", () => {
    const report = checkFile(SUBMISSIONS, "2018-12-03_2028_2018-12-02-cdtn-kali-job", {}, "docs/2018-12-02-cdtn-kali-job");
    expect(byRule(report, "file-extension")).toEqual([]);
  });

  it("a ./-prefixed postings folder and a Windows path still match", () => {
    const report = checkFile(
      SUBMISSIONS,
      "2018-12-03_2028_2018-12-02-cdtn-kali-job",
      { postingsDir: "./content/_jobs/" },
      "content\\_jobs\\kali",
    );
    expect(byRule(report, "file-extension")).toHaveLength(1);
  });
});

describe("the posting's day", () => {
  it("no `YYYY-MM-DD-` at the start of the name and no `date:`: an error, with the name to write (submissions/2020-04-07_3564_2020-04-06_culture.md)", () => {
    const report = checkFile(SUBMISSIONS, "2020-04-07_3564_2020-04-06_culture.md");
    const [d] = byRule(report, "file-date-missing");
    expect(d).toEqual({
      line: 1,
      column: 1,
      severity: "error",
      rule: "file-date-missing",
      messageId: "file-date-missing",
      params: { name: "2020-04-06_culture.md", rename: "2020-04-06-culture.md" },
      key: "date",
    });
    expect(french(d)).toBe(
      "Ni date au début du nom du fichier, ni `date` dans l'en-tête\u202F: l'adresse de la page et «\u202FPoste ouvert le\u202F» prendraient le jour de chaque construction du site. Renommez le fichier `2020-04-06-culture.md` ou ajoutez `date: AAAA-MM-JJ`.",
    );
  });

  it("a dated name, or a `date:`, is enough", () => {
    const content = "---\nroles: Dev\nopen: true\nfriend: Etalab\n---\n";
    expect(byRule(checkText(content, {}, "content/_jobs/2021-06-09-dev.md"), "file-date-missing")).toEqual([]);
    expect(
      byRule(checkText(content.replace("open: true", "open: true\ndate: 2021-06-09"), {}, "content/_jobs/dev.md"), "file-date-missing"),
    ).toEqual([]);
    expect(byRule(checkText(content, {}, "content/_jobs/dev.md"), "file-date-missing")[0]?.params).toEqual({ name: "dev.md", rename: "" });
  });
  it("a day in the name that does not exist (2020-13-01, as submitted in PR 3240): an error, Jekyll would stop the site's build", () => {
    const content = "---\nroles: Dev\nopen: true\nfriend: Etalab\n---\n";
    const [d] = checkText(content, {}, "content/_jobs/2020-13-01-mon-entreprise-JS-senior.md").diagnostics;
    expect(d).toEqual({
      line: 1,
      column: 1,
      severity: "error",
      rule: "date-invalid",
      messageId: "file-date-invalid",
      params: { name: "2020-13-01-mon-entreprise-JS-senior.md" },
      key: "date",
    });
    expect(french(d)).toBe(
      "Le nom du fichier «\u202F2020-13-01-mon-entreprise-JS-senior.md\u202F» commence par un jour qui n'existe pas\u202F: Jekyll arrêterait la construction du site. Écrivez un vrai jour, AAAA-MM-JJ.",
    );
    expect(checkText(content, {}, "content/_jobs/2020-02-29-dev.md").diagnostics).toEqual([]);
    expect(byRule(checkText(content, {}, "content/_jobs/2021-02-29-dev.md"), "date-invalid")).toHaveLength(1);
  });
});

describe("front matter fences", () => {
  it("no front matter at all (submissions/2019-05-07_2562_2019-05-07-data-scientist.md)", () => {
    const report = checkFile(SUBMISSIONS, "2019-05-07_2562_2019-05-07-data-scientist.md");
    expect(report.diagnostics).toEqual([
      { line: 1, column: 1, severity: "error", rule: "front-matter-missing", messageId: "front-matter-missing", params: {} },
    ]);
    expect(french(report.diagnostics[0])).toMatch(/^Pas d'en-tête\u202F: la première ligne du fichier doit être `---`/);
  });

  it("fields without the opening fence (submissions/2021-06-15_6236_locadoc-dev2.md)", () => {
    const report = checkFile(SUBMISSIONS, "2021-06-15_6236_locadoc-dev2.md");
    expect(report.diagnostics.map((d) => [d.line, d.rule, d.messageId])).toEqual([
      [1, "front-matter-missing", "front-matter-opening-missing"],
    ]);
  });

  it("an indented closing fence gets a fix (submissions/2021-06-18_6252_2021-06-15-charge.ou.chargee.de.deploiement.md)", () => {
    const report = checkFile(SUBMISSIONS, "2021-06-18_6252_2021-06-15-charge.ou.chargee.de.deploiement.md");
    expect(report.diagnostics).toEqual([
      {
        line: 9,
        column: 1,
        severity: "error",
        rule: "front-matter-missing",
        messageId: "front-matter-fence-indented",
        params: {},
        fix: { line: 9, text: "---" },
      },
    ]);
  });

  it("four dashes instead of three (submissions/2020-04-16_3605_2020-01-13-developpeur-full-stack-apigouvfr.md)", () => {
    const report = checkFile(SUBMISSIONS, "2020-04-16_3605_2020-01-13-developpeur-full-stack-apigouvfr.md");
    expect(report.diagnostics).toEqual([
      {
        line: 1,
        column: 1,
        severity: "error",
        rule: "front-matter-missing",
        messageId: "front-matter-fence-dashes",
        params: {},
        fix: { line: 1, text: "---" },
      },
    ]);
  });

  it("a blank line before the fence (submissions/2021-02-22_5305_2021-02-19-dev2-einspe)", () => {
    const report = checkFile(SUBMISSIONS, "2021-02-22_5305_2021-02-19-dev2-einspe", {}, "content/_jobs/2021-02-19-dev2-einspe.md");
    expect(report.diagnostics.map((d) => [d.line, d.column, d.messageId])).toEqual([[2, 1, "front-matter-not-first"]]);
    expect(french(report.diagnostics[0])).toBe(
      "L'en-tête doit commencer à la toute première ligne du fichier\u202F: supprimez les lignes avant ce `---`.",
    );
  });

  it("---yaml is read, with an error (Jekyll does not see such a front matter: no page) and a fix to plain ---", () => {
    const report = checkText("---yaml\nroles: Dev\nopen: false\nfriend: Etalab\n---\n");
    expect(report.diagnostics).toEqual([
      {
        line: 1,
        column: 1,
        severity: "error",
        rule: "front-matter-language",
        messageId: "front-matter-language-yaml",
        params: {},
        fix: { line: 1, text: "---" },
      },
    ]);
    expect(report.open).toBe(false);
  });

  it("a front matter that is a list", () => {
    const report = checkText("---\n- roles: Dev\n- open: true\n---\n");
    expect(report.diagnostics.map((d) => [d.line, d.column, d.rule, d.messageId])).toEqual([
      [2, 1, "front-matter-not-mapping", "front-matter-not-mapping"],
    ]);
  });
});

describe("duplicate keys", () => {
  it("open written twice with the same value: a warning (jobs/2021-10-18-atlasculture-dev.md)", () => {
    const report = checkFile(JOBS, "2021-10-18-atlasculture-dev.md");
    expect(byRule(report, "duplicate-key")).toEqual([
      {
        line: 11,
        column: 1,
        severity: "warning",
        rule: "duplicate-key",
        messageId: "duplicate-key",
        params: { key: "open", firstLine: 7 },
        key: "open",
      },
    ]);
    expect(french(byRule(report, "duplicate-key")[0])).toBe("Le champ `open` est déjà défini ligne 7\u202F: gardez-en un seul.");
    expect(report.openLine).toBeNull();
  });

  it("startup written twice with two values, a key the page reads: an error (submissions/2021-07-28_6725_2021-07-28-dev-archifiltre.md)", () => {
    const report = checkFile(SUBMISSIONS, "2021-07-28_6725_2021-07-28-dev-archifiltre.md");
    expect(byRule(report, "duplicate-key").map((d) => [d.line, d.severity, d.params.key])).toEqual([[5, "error", "startup"]]);
  });

  it("a key nobody reads written twice with two values: a warning", () => {
    const report = checkText("---\nroles: Dev\nopen: true\nfriend: Etalab\nstatus: open\nstatus: closed\n---\n");
    expect(byRule(report, "duplicate-key").map((d) => d.severity)).toEqual(["warning"]);
  });
});
