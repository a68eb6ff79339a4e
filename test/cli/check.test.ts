/**
 * `recrutement-bot check` end to end, in-process: exact outputs for the seeds and for small
 * crafted repositories (temporary folders), in the three formats and both languages.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_POSTING_BYTES } from "../../src/core/defaults.js";
import { runCli, SEEDS_DIR, tempTree } from "./helpers.js";

const SEED_STAGE = readFileSync(path.join(SEEDS_DIR, "000_98b50e31014be289.txt"));
const SEED_FREELANCE = readFileSync(path.join(SEEDS_DIR, "003_f3dddee9d80a1e5f.txt"));

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function repo(files: Record<string, string | Uint8Array>): string {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Crafted postings: one with many problems, one without `.md`, one in `---js`, one with a warning only, one clean. */
const CRAFTED = {
  "content/_startups/mon-produit.md": "---\ntitle: Mon produit\n---\n",
  "content/_jobs/2024-03-01-dev.md":
    '---\nrole: Développeuse ou développeur\ncontrat: freelance\nstartup: inconnue\nopen: "true"\nposte_ferme: 07/07/2024\n---\n\nTexte.\n',
  "content/_jobs/2024-03-02-sans-extension": "---\nroles: Designer\ncontrat: CDI\nstartup: mon-produit\nopen: false\n---\n",
  "content/_jobs/2024-03-03-js.md": '---js\n{roles: "x"}\n---\n',
  "content/_jobs/2024-03-04-avertissement.md":
    "---\nroles: Chargée de déploiement\ncontrat: contractuel\nstartup: mon-produit\nopen: true\n---\n",
  "content/_jobs/2024-03-05-bonne.md":
    "---\nroles: Coach\ncontrat: indépendant\nstartup: mon-produit\nopen: true\nposte_ferme: 2024-12-31\n---\n",
};

const CRAFTED_TEXT_FR =
  "content/_jobs/2024-03-01-dev.md\n  2:1   erreur         key-misspelled    Écrivez `roles`, pas `role`\u202F: sinon la valeur est ignorée.\n                                         correction\u202F: ligne 2 → roles: Développeuse ou développeur\n  3:10  avertissement  contract-alias    Type de contrat «\u202Ffreelance\u202F»\u202F: écrivez «\u202Findépendant\u202F».\n                                         correction\u202F: ligne 3 → contrat: indépendant\n  4:10  erreur         startup-unknown   La startup «\u202Finconnue\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).\n  5:7   avertissement  open-not-boolean  `open` vaut «\u202Ftrue\u202F»\u202F: le site le lit bien, mais écrivez `open: true`, sans guillemets.\n                                         correction\u202F: ligne 5 → open: true\n  6:14  erreur         date-format       `poste_ferme`\u202F: écrivez la date au format AAAA-MM-JJ\u202F: 2024-07-07\u202F; sinon l'offre ne sera pas fermée.\n                                         correction\u202F: ligne 6 → poste_ferme: 2024-07-07\n\ncontent/_jobs/2024-03-02-sans-extension\n  1:1  erreur  file-extension  Le fichier «\u202F2024-03-02-sans-extension\u202F» doit finir par `.md`\u202F: sinon l'offre n'est pas publiée.\n\ncontent/_jobs/2024-03-03-js.md\n  1:1  erreur  front-matter-language  En-tête écrit en «\u202Fjs\u202F»\u202F: seul le YAML est accepté. Écrivez `---` seul\u202F; ce contenu n'est pas exécuté.\n\ncontent/_jobs/2024-03-04-avertissement.md\n  3:10  avertissement  contract-alias  Type de contrat «\u202Fcontractuel\u202F»\u202F: écrivez «\u202FCDD\u202F».\n                                       correction\u202F: ligne 3 → contrat: CDD\n\n✖ 8 problèmes (5 erreurs, 3 avertissements) dans 5 fichiers vérifiés\n";

describe("check: the seeds", () => {
  // Seed 000 is a partner posting (`type: friend`) without `externalURL`: the page's partner link is empty.
  it("finds the one defect of the two seeds, given as files (exit 1)", async () => {
    const r = await runCli(["check", "000_98b50e31014be289.txt", "003_f3dddee9d80a1e5f.txt", "--root", "."], { cwd: SEEDS_DIR });
    expect(r).toEqual({
      code: 1,
      stdout:
        "000_98b50e31014be289.txt\n  7:1  erreur  partner-url-missing  Offre d'un partenaire (`type: friend`) sans `externalURL`\u202F: le lien «\u202FVoir l'offre sur le site de L'Atelier Numérique du Ministère de la Culture\u202F» de la page serait vide. Ajoutez `externalURL: https://…`.\n\n✖ 1 problème (1 erreur, 0 avertissement) dans 2 fichiers vérifiés\n",
      stderr: "",
    });
    expect(
      (await runCli(["check", "000_98b50e31014be289.txt", "003_f3dddee9d80a1e5f.txt", "--lang", "en"], { cwd: SEEDS_DIR })).stdout,
    ).toBe(
      "000_98b50e31014be289.txt\n  7:1  error  partner-url-missing  Partner posting (`type: friend`) without `externalURL`: the page's link “Voir l'offre sur le site de L'Atelier Numérique du Ministère de la Culture” would be empty. Add `externalURL: https://…`.\n\n✖ 1 problem (1 error, 0 warnings) in 2 files checked\n",
    );
  });

  it("reports contracts, open and closing date in JSON", async () => {
    const r = await runCli(["check", "000_98b50e31014be289.txt", "003_f3dddee9d80a1e5f.txt", "--format", "json"], { cwd: SEEDS_DIR });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        {
          path: "000_98b50e31014be289.txt",
          contracts: ["stage"],
          open: true,
          closingDate: "2021-07-07",
          diagnostics: [
            {
              line: 7,
              column: 1,
              severity: "error",
              rule: "partner-url-missing",
              message:
                "Offre d'un partenaire (`type: friend`) sans `externalURL`\u202F: le lien «\u202FVoir l'offre sur le site de L'Atelier Numérique du Ministère de la Culture\u202F» de la page serait vide. Ajoutez `externalURL: https://…`.",
            },
          ],
        },
        {
          path: "003_f3dddee9d80a1e5f.txt",
          contracts: ["indépendant"],
          open: false,
          closingDate: null,
          diagnostics: [],
        },
      ],
      summary: {
        files: 2,
        errors: 1,
        warnings: 0,
      },
    });
  });

  it("checks the seeds as postings of a repository: known startup, unknown startup, name without .md", async () => {
    const dir = repo({
      "content/_startups/ellesfontlaculture.md": "---\ntitle: Elles font la culture\n---\n",
      "content/_jobs/2021-06-09-atelier-numerique-stage.md": SEED_STAGE,
      "content/_jobs/2021-09-01-ellesfontlaculture-produit.md": SEED_FREELANCE,
    });
    expect(await runCli(["check"], { cwd: dir })).toEqual({
      code: 1,
      stdout:
        "content/_jobs/2021-06-09-atelier-numerique-stage.md\n  7:1  erreur  partner-url-missing  Offre d'un partenaire (`type: friend`) sans `externalURL`\u202F: le lien «\u202FVoir l'offre sur le site de L'Atelier Numérique du Ministère de la Culture\u202F» de la page serait vide. Ajoutez `externalURL: https://…`.\n\n✖ 1 problème (1 erreur, 0 avertissement) dans 2 fichiers vérifiés\n",
      stderr: "",
    });

    const other = repo({
      "content/_startups/autre.md": "",
      "content/_jobs/2021-09-01-ellesfontlaculture-produit.md": SEED_FREELANCE,
      "content/_jobs/2021-06-09-atelier-numerique-stage": SEED_STAGE,
    });
    const r = await runCli(["check", "--format", "github"], { cwd: other });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "::error file=content/_jobs/2021-06-09-atelier-numerique-stage,line=1,col=1,title=file-extension::Le fichier «\u202F2021-06-09-atelier-numerique-stage\u202F» doit finir par `.md`\u202F: sinon l'offre n'est pas publiée.",
        "::error file=content/_jobs/2021-06-09-atelier-numerique-stage,line=7,col=1,title=partner-url-missing::Offre d'un partenaire (`type: friend`) sans `externalURL`\u202F: le lien «\u202FVoir l'offre sur le site de L'Atelier Numérique du Ministère de la Culture\u202F» de la page serait vide. Ajoutez `externalURL: https://…`.",
        "::error file=content/_jobs/2021-09-01-ellesfontlaculture-produit.md,line=5,col=10,title=startup-unknown::La startup «\u202Fellesfontlaculture\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).",
        "✖ 3 problèmes (3 erreurs, 0 avertissement) dans 2 fichiers vérifiés",
        "",
      ].join("\n"),
    );
  });
});

describe("check: crafted postings", () => {
  it("prints the text format, sorted by path (exit 1)", async () => {
    const dir = repo(CRAFTED);
    expect(await runCli(["check"], { cwd: dir })).toEqual({ code: 1, stdout: CRAFTED_TEXT_FR, stderr: "" });
    // Same output with the folder given, twice, with the root given explicitly.
    expect((await runCli(["check", "content/_jobs", "content/_jobs/", "--root", "."], { cwd: dir })).stdout).toBe(CRAFTED_TEXT_FR);
  });

  it("prints the text format in English", async () => {
    const dir = repo(CRAFTED);
    const r = await runCli(["check", "content/_jobs/2024-03-01-dev.md", "content/_jobs/2024-03-03-js.md", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "content/_jobs/2024-03-01-dev.md\n  2:1   error    key-misspelled    Write `roles`, not `role`: otherwise the value is ignored.\n                                   fix: line 2 → roles: Développeuse ou développeur\n  3:10  warning  contract-alias    Contract type “freelance”: write “indépendant”.\n                                   fix: line 3 → contrat: indépendant\n  4:10  error    startup-unknown   The startup “inconnue” does not exist in content/_startups: the page will show “beta.gouv.fr recrute”, without a startup card. Write a startup's id (its file name); for a team that is not a startup, `friend: Team name` (the name the page shows).\n  5:7   warning  open-not-boolean  `open` is “true”: the site reads it right, but write `open: true`, without quotes.\n                                   fix: line 5 → open: true\n  6:14  error    date-format       `poste_ferme`: write the date as YYYY-MM-DD: 2024-07-07; otherwise the posting will not be closed.\n                                   fix: line 6 → poste_ferme: 2024-07-07\n\ncontent/_jobs/2024-03-03-js.md\n  1:1  error  front-matter-language  Front matter in “js”: only YAML is accepted (write `---` alone); this content is not run.\n\n✖ 6 problems (4 errors, 2 warnings) in 2 files checked\n",
    );
  });

  it("prints GitHub workflow commands (fr and en)", async () => {
    const dir = repo(CRAFTED);
    const r = await runCli(["check", "--format", "github"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "::error file=content/_jobs/2024-03-01-dev.md,line=2,col=1,title=key-misspelled::Écrivez `roles`, pas `role`\u202F: sinon la valeur est ignorée.",
        "::warning file=content/_jobs/2024-03-01-dev.md,line=3,col=10,title=contract-alias::Type de contrat «\u202Ffreelance\u202F»\u202F: écrivez «\u202Findépendant\u202F».",
        "::error file=content/_jobs/2024-03-01-dev.md,line=4,col=10,title=startup-unknown::La startup «\u202Finconnue\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).",
        "::warning file=content/_jobs/2024-03-01-dev.md,line=5,col=7,title=open-not-boolean::`open` vaut «\u202Ftrue\u202F»\u202F: le site le lit bien, mais écrivez `open: true`, sans guillemets.",
        "::error file=content/_jobs/2024-03-01-dev.md,line=6,col=14,title=date-format::`poste_ferme`\u202F: écrivez la date au format AAAA-MM-JJ\u202F: 2024-07-07\u202F; sinon l'offre ne sera pas fermée.",
        "::error file=content/_jobs/2024-03-02-sans-extension,line=1,col=1,title=file-extension::Le fichier «\u202F2024-03-02-sans-extension\u202F» doit finir par `.md`\u202F: sinon l'offre n'est pas publiée.",
        "::error file=content/_jobs/2024-03-03-js.md,line=1,col=1,title=front-matter-language::En-tête écrit en «\u202Fjs\u202F»\u202F: seul le YAML est accepté. Écrivez `---` seul\u202F; ce contenu n'est pas exécuté.",
        "::warning file=content/_jobs/2024-03-04-avertissement.md,line=3,col=10,title=contract-alias::Type de contrat «\u202Fcontractuel\u202F»\u202F: écrivez «\u202FCDD\u202F».",
        "✖ 8 problèmes (5 erreurs, 3 avertissements) dans 5 fichiers vérifiés",
        "",
      ].join("\n"),
    );
    const en = await runCli(["check", "content/_jobs/2024-03-04-avertissement.md", "--format", "github", "--lang", "en"], { cwd: dir });
    expect(en).toEqual({
      code: 0,
      stdout:
        "::warning file=content/_jobs/2024-03-04-avertissement.md,line=3,col=10,title=contract-alias::Contract type “contractuel”: write “CDD”.\n✖ 1 problem (0 errors, 1 warning) in 1 file checked\n",
      stderr: "",
    });
  });

  it("prints JSON with fixes, contracts, open and closing date (fr and en)", async () => {
    const dir = repo(CRAFTED);
    const r = await runCli(["check", "content/_jobs/2024-03-01-dev.md", "content/_jobs/2024-03-05-bonne.md", "--format", "json"], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        {
          path: "content/_jobs/2024-03-01-dev.md",
          contracts: ["indépendant"],
          open: null,
          closingDate: null,
          diagnostics: [
            {
              line: 2,
              column: 1,
              severity: "error",
              rule: "key-misspelled",
              message: "Écrivez `roles`, pas `role`\u202F: sinon la valeur est ignorée.",
              fix: {
                line: 2,
                text: "roles: Développeuse ou développeur",
              },
            },
            {
              line: 3,
              column: 10,
              severity: "warning",
              rule: "contract-alias",
              message: "Type de contrat «\u202Ffreelance\u202F»\u202F: écrivez «\u202Findépendant\u202F».",
              fix: {
                line: 3,
                text: "contrat: indépendant",
              },
            },
            {
              line: 4,
              column: 10,
              severity: "error",
              rule: "startup-unknown",
              message:
                "La startup «\u202Finconnue\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).",
            },
            {
              line: 5,
              column: 7,
              severity: "warning",
              rule: "open-not-boolean",
              message: "`open` vaut «\u202Ftrue\u202F»\u202F: le site le lit bien, mais écrivez `open: true`, sans guillemets.",
              fix: {
                line: 5,
                text: "open: true",
              },
            },
            {
              line: 6,
              column: 14,
              severity: "error",
              rule: "date-format",
              message:
                "`poste_ferme`\u202F: écrivez la date au format AAAA-MM-JJ\u202F: 2024-07-07\u202F; sinon l'offre ne sera pas fermée.",
              fix: {
                line: 6,
                text: "poste_ferme: 2024-07-07",
              },
            },
          ],
        },
        {
          path: "content/_jobs/2024-03-05-bonne.md",
          contracts: ["indépendant"],
          open: true,
          closingDate: "2024-12-31",
          diagnostics: [],
        },
      ],
      summary: {
        files: 2,
        errors: 3,
        warnings: 2,
      },
    });
    const en = await runCli(["check", "content/_jobs/2024-03-03-js.md", "--format", "json", "--lang", "en"], { cwd: dir });
    expect(en.stdout).toBe(`{
  "files": [
    {
      "path": "content/_jobs/2024-03-03-js.md",
      "contracts": [],
      "open": null,
      "closingDate": null,
      "diagnostics": [
        {
          "line": 1,
          "column": 1,
          "severity": "error",
          "rule": "front-matter-language",
          "message": "Front matter in “js”: only YAML is accepted (write \`---\` alone); this content is not run."
        }
      ]
    }
  ],
  "summary": {
    "files": 1,
    "errors": 1,
    "warnings": 0
  }
}
`);
  });

  it("exits 0 when there are warnings only", async () => {
    const dir = repo(CRAFTED);
    const r = await runCli(["check", "content/_jobs/2024-03-04-avertissement.md", "content/_jobs/2024-03-05-bonne.md"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✖ 1 problème \(0 erreur, 1 avertissement\) dans 2 fichiers vérifiés\n$/);
  });

  it("applies the rules for a new posting with --new", async () => {
    const dir = repo({
      ...CRAFTED,
      "content/_jobs/2024-03-06-nouvelle.md": "---\nroles: Stage produit\nstartup: mon-produit\nopen: true\n---\n",
    });
    const args = ["check", "content/_jobs/2024-03-06-nouvelle.md", "content/_jobs/2024-03-05-bonne.md"];
    expect(await runCli(args, { cwd: dir })).toEqual({ code: 0, stdout: "✔ 2 fichiers vérifiés\u202F: aucun problème\n", stderr: "" });
    // The title says « Stage »: a proposal to check, a line added after `roles`.
    expect(await runCli([...args, "--new"], { cwd: dir })).toEqual({
      code: 0,
      stdout:
        "content/_jobs/2024-03-06-nouvelle.md\n  2:1  avertissement  contract-missing      Pas de `contrat`\u202F; le texte dit «\u202FStage produit\u202F». Proposition à vérifier\u202F: `contrat: stage`.\n                                            proposition à vérifier\u202F: ligne 2 → roles: Stage produit ⏎ contrat: stage\n  4:1  avertissement  closing-date-missing  Offre ouverte sans date de clôture\u202F: ajoutez `poste_ferme: AAAA-MM-JJ` pour qu'elle soit fermée à temps.\n\n✖ 2 problèmes (0 erreur, 2 avertissements) dans 2 fichiers vérifiés\n",
      stderr: "",
    });
    // In JSON, the proposal says it is one: a script must not apply it blindly.
    const json = JSON.parse((await runCli([...args, "--new", "--format", "json"], { cwd: dir })).stdout) as {
      files: { path: string; diagnostics: { rule: string; fix?: unknown }[] }[];
    };
    expect(json.files.find((f) => f.path.endsWith("nouvelle.md"))!.diagnostics.find((d) => d.rule === "contract-missing")?.fix).toEqual({
      line: 2,
      text: "roles: Stage produit\ncontrat: stage",
      certain: false,
    });
  });

  it("colours the text format only on a terminal without NO_COLOR", async () => {
    const dir = repo(CRAFTED);
    const args = ["check", "content/_jobs/2024-03-04-avertissement.md"];
    const tty = await runCli(args, { cwd: dir, isTTY: true });
    expect(tty.stdout).toContain("\u001b[4mcontent/_jobs/2024-03-04-avertissement.md\u001b[24m\n");
    expect(tty.stdout).toContain("\u001b[33mavertissement\u001b[39m");
    expect((await runCli(args, { cwd: dir, isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
    expect((await runCli(args, { cwd: dir, isTTY: false })).stdout).not.toContain("\u001b[");
    expect((await runCli([...args, "--format", "json"], { cwd: dir, isTTY: true })).stdout).not.toContain("\u001b[");
  });
});

describe("check: root, default folder, configuration", () => {
  it("reads the postings folder under the current folder by default, and exits 2 with a clear message when it is absent", async () => {
    const dir = repo({ "README.md": "# pas un dépôt d'offres\n" });
    expect(await runCli(["check"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "Dossier des offres introuvable\u202F: content/_jobs. Lancez la commande à la racine du dépôt, ou donnez --root DOSSIER ou les chemins des offres.\n",
    });
    expect((await runCli(["check", "--lang", "en"], { cwd: dir })).stderr).toBe(
      "Postings folder not found: content/_jobs. Run the command at the repository root, or give --root DIR or the postings' paths.\n",
    );
  });

  it("with --root, takes startups and the postings folder from the root, shows paths from the current folder", async () => {
    const parent = repo(Object.fromEntries(Object.entries(CRAFTED).map(([k, v]) => [`depot/${k}`, v])));
    const r = await runCli(["check", "--root", "depot", "--format", "github"], { cwd: parent });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.includes("file-extension") || l.includes("startup-unknown"))).toEqual([
      "::error file=depot/content/_jobs/2024-03-01-dev.md,line=4,col=10,title=startup-unknown::La startup «\u202Finconnue\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, `friend: Nom de l'équipe` (c'est ce nom que la page affiche).",
      "::error file=depot/content/_jobs/2024-03-02-sans-extension,line=1,col=1,title=file-extension::Le fichier «\u202F2024-03-02-sans-extension\u202F» doit finir par `.md`\u202F: sinon l'offre n'est pas publiée.",
    ]);
    // Same files, but the root is the parent: no startups folder there (rule skipped) and the
    // files are not under <root>/content/_jobs (no file-extension): the engine saw root-relative paths.
    const fromParent = await runCli(["check", "depot/content/_jobs", "--format", "github"], { cwd: parent });
    expect(fromParent.stdout).not.toContain("startup-unknown");
    expect(fromParent.stdout).not.toContain("file-extension");
    expect(fromParent.stdout).toContain("::error file=depot/content/_jobs/2024-03-03-js.md,line=1,col=1,title=front-matter-language::");
    // From inside a subfolder, paths are shown relative to it.
    const inside = await runCli(["check", ".", "--root", "../..", "--format", "github"], { cwd: path.join(parent, "depot/content/_jobs") });
    expect(inside.stdout).toContain("::error file=2024-03-02-sans-extension,line=1,col=1,title=file-extension::");
  });

  it("exits 2 when --root does not exist", async () => {
    expect(await runCli(["check", "--root", "nulle-part"], { cwd: repo({}) })).toEqual({
      code: 2,
      stdout: "",
      stderr: "Racine du dépôt introuvable (--root)\u202F: nulle-part\n",
    });
  });

  it("takes startup ids from --startups instead of content/_startups", async () => {
    const dir = repo({ ...CRAFTED, "startups.txt": "# identifiants\ninconnue\r\n\n  autre  \n" });
    const r = await runCli(
      ["check", "content/_jobs/2024-03-01-dev.md", "content/_jobs/2024-03-05-bonne.md", "--startups", "startups.txt", "--format", "json"],
      { cwd: dir },
    );
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] };
    expect(out.files[0]!.diagnostics.map((d) => d.rule)).not.toContain("startup-unknown");
    // mon-produit is not in the file: the clean posting now has an unknown startup.
    expect(out.files[1]!.diagnostics.map((d) => d.rule)).toEqual(["startup-unknown"]);
    expect(await runCli(["check", "--startups", "absent.txt"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "Lecture impossible\u202F: absent.txt (ENOENT)\n",
    });
  });

  it("reads each startup's title: a posting naming a startup by its title gets a warning with the id as fix (--root and --startups)", async () => {
    const posting = "---\nroles: Dev\ncontrat: CDI\nstartup: DossierFacile\nopen: false\n---\n";
    const dir = repo({
      "content/_startups/locatio.md": "---\ntitle: 'DossierFacile' # ancien nom\nmission: x\n---\n",
      "content/_startups/illisible.md": new Uint8Array([0xff, 0xfe, 0, 1]),
      "content/_startups/sans-titre.md": "pas d'en-tête\n",
      "content/_jobs/2024-01-01-a.md": posting,
      "startups.tsv": "# id<TAB>titre\nlocatio\tDossierFacile\nautre\n",
    });
    const expected = [
      {
        line: 4,
        column: 10,
        severity: "warning",
        rule: "startup-unknown",
        message:
          "`startup` attend l'identifiant de la startup «\u202FDossierFacile\u202F»\u202F: écrivez `locatio`. La page cherche la startup par son identifiant.",
        fix: { line: 4, text: "startup: locatio" },
      },
    ];
    const fromRoot = await runCli(["check", "--format", "json"], { cwd: dir });
    expect(fromRoot.code).toBe(0);
    expect((JSON.parse(fromRoot.stdout) as { files: { diagnostics: unknown[] }[] }).files[0]!.diagnostics).toEqual(expected);
    const fromFile = await runCli(["check", "--format", "json", "--startups", "startups.tsv"], { cwd: dir });
    expect((JSON.parse(fromFile.stdout) as { files: { diagnostics: unknown[] }[] }).files[0]!.diagnostics).toEqual(expected);
  });

  it("skips the startup rule when there is no startups folder", async () => {
    const dir = repo({ "content/_jobs/2024-01-01-a.md": "---\nroles: Dev\ncontrat: CDI\nstartup: nimporte\nopen: false\n---\n" });
    expect((await runCli(["check"], { cwd: dir })).code).toBe(0);
  });

  it("honours .github/recrutement-bot.yml: folders, language, aliases, severities; reports its problems on stderr", async () => {
    const dir = repo({
      ".github/recrutement-bot.yml":
        'postings: offres\nstartups: equipes\nlanguage: en\ncontracts:\n  aliases:\n    Prestation: indépendant\nrules:\n  startup-unknown: warning\n  unknown-key: "off"\nclosing:\n  hour: 25\ncouleur: bleu\n',
      "offres/2024-01-01-a.md": "---\nroles: Dev\ncontrat: prestation\nstartup: autre\nrole: x\nopen: false\n---\n",
      "offres/2024-01-01-b": "---\nroles: Dev\n---\n",
      "equipes/mon-produit.md": "",
    });
    const r = await runCli(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "offres/2024-01-01-a.md\n  3:10  warning  contract-alias   Contract type “prestation”: write “indépendant”.\n                                  fix: line 3 → contrat: indépendant\n  4:10  warning  startup-unknown  The startup “autre” does not exist in content/_startups: the page will show “beta.gouv.fr recrute”, without a startup card. Write a startup's id (its file name); for a team that is not a startup, `friend: Team name` (the name the page shows).\n\noffres/2024-01-01-b\n  1:1  error    file-extension  The file “2024-01-01-b” must end in `.md`: otherwise the posting is not published.\n  1:1  error    open-missing    No `open`: the page would say “Ce poste a été pourvu” and the API would leave the posting out. Add `open: true`.\n  1:1  warning  team-missing    The front matter does not say who is hiring: the page will show “beta.gouv.fr recrute”. Add `startup: id` for a startup, or else `friend: Team name` (the name the page shows).\n\n✖ 5 problems (2 errors, 3 warnings) in 2 files checked\n",
    );
    expect(r.stderr).toBe(
      [
        ".github/recrutement-bot.yml:11 closing.hour: too large: 23 at most",
        ".github/recrutement-bot.yml:12 couleur: unknown key, ignored",
        "Configuration: faulty values are ignored, their defaults apply.",
        "",
      ].join("\n"),
    );
    // --lang wins over the configuration's language.
    expect((await runCli(["check", "--lang", "fr"], { cwd: dir })).stdout).toContain(
      "✖ 5 problèmes (2 erreurs, 3 avertissements) dans 2 fichiers vérifiés\n",
    );
  });
});

describe("check: input problems", () => {
  it("exits 2 on a missing path, naming every missing one, without checking anything", async () => {
    const dir = repo(CRAFTED);
    expect(await runCli(["check", "content/_jobs", "absent.md", "content/autre"], { cwd: dir })).toEqual({
      code: 2,
      stdout: "",
      stderr: "Chemin introuvable\u202F: absent.md\nChemin introuvable\u202F: content/autre\n",
    });
  });

  it("exits 2 when a file cannot be read, still reporting the others", async () => {
    const dir = repo(CRAFTED);
    // /proc/self/mem is a regular file whose first page cannot be read.
    const r = await runCli(["check", "content/_jobs/2024-03-05-bonne.md", "/proc/self/mem"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Lecture impossible\u202F: (\.\.\/)+proc\/self\/mem \(E[A-Z]+\)\n$/);
    expect(r.stdout).toBe("✔ 1 fichier vérifié\u202F: aucun problème\n");
  });

  it("exits 2 on something that is neither a file nor a folder", async () => {
    const r = await runCli(["check", "/dev/null"], { cwd: repo({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Ni un fichier ni un dossier\u202F: (\.\.\/)+dev\/null\n$/);
  });

  it("reports a 5 MiB posting as too large without reading it whole", async () => {
    const dir = repo({});
    writeFileSync(path.join(dir, "gros.md"), `---\nroles: x\nopen: true\n---\n${"a".repeat(5 * MAX_POSTING_BYTES)}`);
    const r = await runCli(["check", "gros.md", "--format", "json"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { files: { diagnostics: { rule: string }[] }[] };
    expect(out.files[0]!.diagnostics.map((d) => d.rule)).toContain("file-too-large");
    expect(r.code).toBe(1);
  });

  it("checks files that are not UTF-8 or have no front matter without crashing", async () => {
    const dir = repo({
      "content/_jobs/latin1.md": Buffer.from("---\nroles: D\xe9veloppeur\nopen: true\n---\n", "latin1"),
      "content/_jobs/vide.md": "",
      "content/_jobs/binaire.md": new Uint8Array([0, 1, 2, 255, 254]),
    });
    const r = await runCli(["check", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] };
    expect(out.files.map((f) => f.path)).toEqual(["content/_jobs/binaire.md", "content/_jobs/latin1.md", "content/_jobs/vide.md"]);
    for (const f of out.files) expect(f.diagnostics.length).toBeGreaterThan(0);
  });
});
