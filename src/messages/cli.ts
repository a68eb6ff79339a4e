import { defineMessages } from "./define.js";
import { plural } from "./plural.js";

/** Messages of the command-line tool (`recrutement-bot`). French first, English beside it. */
export const cliMessages = defineMessages({
  "cli-summary": {
    fr: (p: { errors: number; warnings: number }) =>
      `${plural("fr", p.errors, "erreur", "erreurs")}, ${plural("fr", p.warnings, "avertissement", "avertissements")}`,
    en: (p: { errors: number; warnings: number }) =>
      `${plural("en", p.errors, "error", "errors")}, ${plural("en", p.warnings, "warning", "warnings")}`,
  },
  "cli-summary-problems": {
    fr: (p: { problems: number; errors: number; warnings: number; files: number }) =>
      `✖ ${plural("fr", p.problems, "problème", "problèmes")} (${plural("fr", p.errors, "erreur", "erreurs")}, ${plural("fr", p.warnings, "avertissement", "avertissements")}) dans ${plural("fr", p.files, "fichier vérifié", "fichiers vérifiés")}`,
    en: (p: { problems: number; errors: number; warnings: number; files: number }) =>
      `✖ ${plural("en", p.problems, "problem", "problems")} (${plural("en", p.errors, "error", "errors")}, ${plural("en", p.warnings, "warning", "warnings")}) in ${plural("en", p.files, "file checked", "files checked")}`,
  },
  "cli-summary-ok": {
    fr: (p: { files: number }) => `✔ ${plural("fr", p.files, "fichier vérifié", "fichiers vérifiés")}\u202F: aucun problème`,
    en: (p: { files: number }) => `✔ ${plural("en", p.files, "file checked", "files checked")}: no problem`,
  },
  "cli-severity-error": {
    fr: () => "erreur",
    en: () => "error",
  },
  "cli-severity-warning": {
    fr: () => "avertissement",
    en: () => "warning",
  },
  "cli-fix": {
    fr: (p: { line: number; text: string }) => `correction\u202F: ligne ${p.line} → ${p.text}`,
    en: (p: { line: number; text: string }) => `fix: line ${p.line} → ${p.text}`,
  },
  "cli-proposal": {
    fr: (p: { line: number; text: string }) => `proposition à vérifier\u202F: ligne ${p.line} → ${p.text}`,
    en: (p: { line: number; text: string }) => `proposal to check: line ${p.line} → ${p.text}`,
  },

  // Usage and help.
  "cli-usage": {
    fr: (p: { commands: string }) =>
      [
        "Utilisation\u202F: recrutement-bot <commande> [options]",
        "",
        "Commandes\u202F:",
        p.commands,
        "",
        "Options\u202F:",
        "  -h, --help        affiche cette aide (ou celle d'une commande\u202F: recrutement-bot check --help)",
        "  --version         affiche la version",
        "  --lang fr|en      langue des messages (fr par défaut)",
        "",
        "Codes de sortie\u202F: 0 aucune erreur, 1 au moins une erreur dans les offres, 2 mauvaise utilisation ou fichier illisible.",
      ].join("\n"),
    en: (p: { commands: string }) =>
      [
        "Usage: recrutement-bot <command> [options]",
        "",
        "Commands:",
        p.commands,
        "",
        "Options:",
        "  -h, --help        show this help (or a command's: recrutement-bot check --help)",
        "  --version         show the version",
        "  --lang fr|en      language of the messages (default fr)",
        "",
        "Exit codes: 0 no error, 1 at least one error in the postings, 2 usage error or unreadable file.",
      ].join("\n"),
  },
  "cli-command-check-summary": {
    fr: () => "vérifie des offres d'emploi (fichiers Markdown avec en-tête YAML)",
    en: () => "check job postings (Markdown files with a YAML front matter)",
  },
  "cli-command-schema-summary": {
    fr: () => "affiche le schéma JSON de l'en-tête d'une offre (pour les éditeurs)",
    en: () => "print the JSON Schema of a posting's front matter (for editors)",
  },
  "cli-check-help": {
    fr: () =>
      [
        "Utilisation\u202F: recrutement-bot check [chemins…] [options]",
        "",
        "Vérifie les offres données\u202F: fichiers ou dossiers (parcourus récursivement\u202F: fichiers *.md, plus",
        "tous les fichiers placés directement dans le dossier des offres, pour signaler une offre sans .md).",
        "Sans chemin\u202F: le dossier des offres du dépôt (content/_jobs).",
        "",
        "Options\u202F:",
        "  --format text|json|github  format de sortie (text par défaut\u202F; github\u202F: annotations GitHub Actions)",
        "  --lang fr|en               langue des messages (par défaut\u202F: celle de la configuration, sinon fr)",
        "  --root DOSSIER             racine du dépôt (par défaut\u202F: le dossier courant)\u202F; on y lit",
        "                             .github/recrutement-bot.yml et les fiches startup (content/_startups/*.md)",
        "  --startups FICHIER         liste des identifiants de startup, un par ligne (remplace content/_startups)",
        "  --new                      applique les règles d'une offre ajoutée (contrat obligatoire, date de clôture conseillée)",
        "  -h, --help                 affiche cette aide",
        "",
        "Codes de sortie\u202F: 0 aucune erreur, 1 au moins une erreur, 2 mauvaise utilisation ou fichier illisible.",
      ].join("\n"),
    en: () =>
      [
        "Usage: recrutement-bot check [paths…] [options]",
        "",
        "Checks the given postings: files or folders (walked recursively: *.md files, plus every file",
        "directly inside the postings folder, to catch a posting without .md).",
        "Without a path: the repository's postings folder (content/_jobs).",
        "",
        "Options:",
        "  --format text|json|github  output format (default text; github: GitHub Actions annotations)",
        "  --lang fr|en               language of the messages (default: the configuration's, else fr)",
        "  --root DIR                 repository root (default: the current folder); holds",
        "                             .github/recrutement-bot.yml and the startup files (content/_startups/*.md)",
        "  --startups FILE            list of startup ids, one per line (instead of content/_startups)",
        "  --new                      apply the rules for a posting being added (contract required, closing date advised)",
        "  -h, --help                 show this help",
        "",
        "Exit codes: 0 no error, 1 at least one error, 2 usage error or unreadable file.",
      ].join("\n"),
  },
  "cli-schema-help": {
    fr: () =>
      [
        "Utilisation\u202F: recrutement-bot schema [options]",
        "",
        "Affiche le schéma JSON (JSON Schema) de l'en-tête YAML d'une offre\u202F: clés connues, types, descriptions.",
        "",
        "Options\u202F:",
        "  --out FICHIER   écrit le schéma dans FICHIER au lieu de l'afficher",
        "  -h, --help      affiche cette aide",
      ].join("\n"),
    en: () =>
      [
        "Usage: recrutement-bot schema [options]",
        "",
        "Prints the JSON Schema of a posting's YAML front matter: known keys, types, descriptions.",
        "",
        "Options:",
        "  --out FILE      write the schema to FILE instead of printing it",
        "  -h, --help      show this help",
      ].join("\n"),
  },
  "cli-see-help": {
    fr: (p: { command: string }) => `Voir «\u202F${p.command} --help\u202F».`,
    en: (p: { command: string }) => `See “${p.command} --help”.`,
  },

  // Usage errors (exit code 2).
  "cli-missing-command": {
    fr: () => "Commande manquante.",
    en: () => "Missing command.",
  },
  "cli-unknown-command": {
    fr: (p: { command: string }) => `Commande inconnue\u202F: ${p.command}`,
    en: (p: { command: string }) => `Unknown command: ${p.command}`,
  },
  "cli-unknown-option": {
    fr: (p: { option: string }) => `Option inconnue\u202F: ${p.option}`,
    en: (p: { option: string }) => `Unknown option: ${p.option}`,
  },
  "cli-option-value": {
    fr: (p: { option: string }) => `L'option ${p.option} attend une valeur.`,
    en: (p: { option: string }) => `Option ${p.option} needs a value.`,
  },
  "cli-option-no-value": {
    fr: (p: { option: string }) => `L'option ${p.option} ne prend pas de valeur.`,
    en: (p: { option: string }) => `Option ${p.option} takes no value.`,
  },
  "cli-unexpected-argument": {
    fr: (p: { argument: string }) => `Argument inattendu\u202F: ${p.argument}`,
    en: (p: { argument: string }) => `Unexpected argument: ${p.argument}`,
  },
  "cli-invalid-choice": {
    fr: (p: { option: string; value: string; choices: string }) =>
      `Valeur invalide pour ${p.option}\u202F: ${p.value} (valeurs possibles\u202F: ${p.choices})`,
    en: (p: { option: string; value: string; choices: string }) =>
      `Invalid value for ${p.option}: ${p.value} (expected one of: ${p.choices})`,
  },

  // Input/output problems (exit code 2).
  "cli-path-not-found": {
    fr: (p: { path: string }) => `Chemin introuvable\u202F: ${p.path}`,
    en: (p: { path: string }) => `No such file or folder: ${p.path}`,
  },
  "cli-postings-dir-missing": {
    fr: (p: { path: string }) =>
      `Dossier des offres introuvable\u202F: ${p.path}. Lancez la commande à la racine du dépôt, ou donnez --root DOSSIER ou les chemins des offres.`,
    en: (p: { path: string }) =>
      `Postings folder not found: ${p.path}. Run the command at the repository root, or give --root DIR or the postings' paths.`,
  },
  "cli-root-missing": {
    fr: (p: { path: string }) => `Racine du dépôt introuvable (--root)\u202F: ${p.path}`,
    en: (p: { path: string }) => `Repository root not found (--root): ${p.path}`,
  },
  "cli-read-error": {
    fr: (p: { path: string; reason: string }) => `Lecture impossible\u202F: ${p.path} (${p.reason})`,
    en: (p: { path: string; reason: string }) => `Cannot read ${p.path} (${p.reason})`,
  },
  "cli-not-a-file": {
    fr: (p: { path: string }) => `Ni un fichier ni un dossier\u202F: ${p.path}`,
    en: (p: { path: string }) => `Neither a file nor a folder: ${p.path}`,
  },
  "cli-write-error": {
    fr: (p: { path: string; reason: string }) => `Écriture impossible\u202F: ${p.path} (${p.reason})`,
    en: (p: { path: string; reason: string }) => `Cannot write ${p.path} (${p.reason})`,
  },
  "cli-config-problem": {
    fr: (p: { file: string; where: string; message: string }) => `${p.file}${p.where}\u202F: ${p.message}`,
    en: (p: { file: string; where: string; message: string }) => `${p.file}${p.where}: ${p.message}`,
  },
  "cli-config-defaults": {
    fr: () => "Configuration\u202F: les valeurs fautives sont ignorées, leur valeur par défaut s'applique.",
    en: () => "Configuration: faulty values are ignored, their defaults apply.",
  },
  "cli-schema-written": {
    fr: (p: { path: string }) => `Schéma écrit dans ${p.path}`,
    en: (p: { path: string }) => `Schema written to ${p.path}`,
  },
  "cli-schema-title": {
    fr: () => "Offre d'emploi\u202F: en-tête YAML (recrutement-bot)",
    en: () => "Job posting: YAML front matter (recrutement-bot)",
  },
});
