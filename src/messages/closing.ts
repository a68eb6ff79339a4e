import { defineMessages } from "./define.js";

function fr(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}
function en(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Messages of the closing job: pull request titles, bodies and comments (markdown: callers
 * escape the values with src/github/markdown), commit messages, and the `close` command's
 * output. French first, English beside it.
 */
export const closingMessages = defineMessages({
  // — pull request, one posting
  "closing-pr-title": {
    fr: (p: { roles: string }) => `Fermer l'offre «\u202F${p.roles}\u202F»`,
    en: (p: { roles: string }) => `Close the posting “${p.roles}”`,
  },
  "closing-pr-why-date": {
    fr: (p: { roles: string; path: string; field: string; date: string; today: string; timeZone: string }) =>
      `L'offre «\u202F${p.roles}\u202F» (\`${p.path}\`) est à fermer\u202F: sa date de clôture \`${p.field}: ${p.date}\` est passée (nous sommes le ${p.today}, fuseau ${p.timeZone}).`,
    en: (p: { roles: string; path: string; field: string; date: string; today: string; timeZone: string }) =>
      `The posting “${p.roles}” (\`${p.path}\`) is due for closing: its closing date \`${p.field}: ${p.date}\` has passed (today is ${p.today}, time zone ${p.timeZone}).`,
  },
  "closing-pr-why-filled": {
    fr: (p: { roles: string; path: string }) => `L'offre «\u202F${p.roles}\u202F» (\`${p.path}\`) est à fermer\u202F: le poste est pourvu (\`poste_pourvu: true\`).`,
    en: (p: { roles: string; path: string }) => `The posting “${p.roles}” (\`${p.path}\`) is due for closing: the position is filled (\`poste_pourvu: true\`).`,
  },
  "closing-pr-merge": {
    fr: (p: { line: number }) =>
      `**En fusionnant** cette pull request, la ligne ${p.line} du fichier devient \`open: false\`\u202F: l'offre n'est plus présentée comme ouverte. Rien d'autre ne change dans le fichier.`,
    en: (p: { line: number }) => `**Merging** this pull request turns line ${p.line} of the file into \`open: false\`: the posting is no longer shown as open. Nothing else in the file changes.`,
  },
  "closing-pr-keep-date": {
    fr: (p: { field: string }) =>
      `**Pour garder l'offre ouverte**, ne fusionnez pas\u202F: changez la date \`${p.field}\` du fichier de l'offre pour une date à venir. Cette pull request se fermera alors d'elle-même au prochain passage.`,
    en: (p: { field: string }) =>
      `**To keep the posting open**, do not merge: change the \`${p.field}\` date in the posting's file to a date to come. This pull request then closes itself at the next run.`,
  },
  "closing-pr-keep-filled": {
    fr: () => "**Pour garder l'offre ouverte**, ne fusionnez pas\u202F: retirez `poste_pourvu: true` du fichier de l'offre. Cette pull request se fermera alors d'elle-même au prochain passage.",
    en: () => "**To keep the posting open**, do not merge: remove `poste_pourvu: true` from the posting's file. This pull request then closes itself at the next run.",
  },
  "closing-pr-declined": {
    fr: () => "Fermée sans être fusionnée, cette pull request n'est pas reproposée tant que le fichier de l'offre ne change pas.",
    en: () => "Closed without merging, this pull request is not proposed again until the posting's file changes.",
  },
  "closing-pr-signature": {
    fr: () => "<sub>Proposée par recrutement-bot, qui relit chaque jour les dates de clôture des offres.</sub>",
    en: () => "<sub>Proposed by recrutement-bot, which reads the postings' closing dates every day.</sub>",
  },
  "closing-commit": {
    fr: (p: { roles: string }) => `Fermer l'offre «\u202F${p.roles}\u202F» (open: false)`,
    en: (p: { roles: string }) => `Close the posting “${p.roles}” (open: false)`,
  },

  // — pull request, several postings (grouped)
  "closing-pr-title-grouped": {
    fr: (p: { count: number }) => `Fermer ${fr(p.count, "offre expirée", "offres expirées")}`,
    en: (p: { count: number }) => `Close ${en(p.count, "expired posting", "expired postings")}`,
  },
  "closing-pr-grouped-intro": {
    fr: (p: { count: number; today: string; timeZone: string }) => `${fr(p.count, "offre est", "offres sont")} à fermer (nous sommes le ${p.today}, fuseau ${p.timeZone})\u202F:`,
    en: (p: { count: number; today: string; timeZone: string }) => `${en(p.count, "posting is", "postings are")} due for closing (today is ${p.today}, time zone ${p.timeZone}):`,
  },
  "closing-pr-grouped-item-date": {
    fr: (p: { roles: string; path: string; line: number; field: string; date: string }) => `«\u202F${p.roles}\u202F» (\`${p.path}\`, ligne ${p.line})\u202F: date de clôture \`${p.field}: ${p.date}\` passée`,
    en: (p: { roles: string; path: string; line: number; field: string; date: string }) => `“${p.roles}” (\`${p.path}\`, line ${p.line}): closing date \`${p.field}: ${p.date}\` has passed`,
  },
  "closing-pr-grouped-item-filled": {
    fr: (p: { roles: string; path: string; line: number }) => `«\u202F${p.roles}\u202F» (\`${p.path}\`, ligne ${p.line})\u202F: poste pourvu (\`poste_pourvu: true\`)`,
    en: (p: { roles: string; path: string; line: number }) => `“${p.roles}” (\`${p.path}\`, line ${p.line}): position filled (\`poste_pourvu: true\`)`,
  },
  "closing-pr-grouped-more": {
    fr: (p: { count: number }) => `- … et ${fr(p.count, "autre", "autres")}\u202F: la liste complète est dans le message du commit.`,
    en: (p: { count: number }) => `- … and ${p.count} more: the full list is in the commit message.`,
  },
  "closing-pr-grouped-merge": {
    fr: () => "**En fusionnant** cette pull request, la ligne indiquée de chacun de ces fichiers devient `open: false`\u202F: ces offres ne sont plus présentées comme ouvertes. Rien d'autre ne change.",
    en: () => "**Merging** this pull request turns the given line of each of these files into `open: false`: these postings are no longer shown as open. Nothing else changes.",
  },
  "closing-pr-grouped-keep": {
    fr: () =>
      "**Pour garder une offre ouverte**, changez sa date de clôture pour une date à venir (ou retirez `poste_pourvu: true`) dans son fichier\u202F: elle sortira de cette pull request au prochain passage. Fermée sans être fusionnée, cette pull request n'est pas reproposée tant que ces fichiers ne changent pas.",
    en: () =>
      "**To keep a posting open**, change its closing date to a date to come (or remove `poste_pourvu: true`) in its file: it leaves this pull request at the next run. Closed without merging, this pull request is not proposed again until these files change.",
  },
  "closing-commit-grouped": {
    fr: (p: { count: number }) => `Fermer ${fr(p.count, "offre expirée", "offres expirées")} (open: false)`,
    en: (p: { count: number }) => `Close ${en(p.count, "expired posting", "expired postings")} (open: false)`,
  },

  // — comment when the app closes its own pull request
  "closing-obsolete-closed-by-hand": {
    fr: () => "L'offre a été fermée directement dans son fichier (`open: false`)\u202F: cette pull request n'a plus d'objet. Je la ferme et supprime sa branche.",
    en: () => "The posting was closed in its file directly (`open: false`): this pull request is no longer needed. Closing it and deleting its branch.",
  },
  "closing-obsolete-extended": {
    fr: (p: { field: string; date: string }) => `La date de clôture de l'offre a été repoussée (\`${p.field}: ${p.date}\`)\u202F: l'offre reste ouverte. Je ferme cette pull request et supprime sa branche.`,
    en: (p: { field: string; date: string }) => `The posting's closing date was moved (\`${p.field}: ${p.date}\`): the posting stays open. Closing this pull request and deleting its branch.`,
  },
  "closing-obsolete-not-due": {
    fr: () => "L'offre n'a plus de date de clôture passée ni `poste_pourvu: true`\u202F: elle reste ouverte. Je ferme cette pull request et supprime sa branche.",
    en: () => "The posting no longer has a past closing date nor `poste_pourvu: true`: it stays open. Closing this pull request and deleting its branch.",
  },
  "closing-obsolete-removed": {
    fr: () => "Le fichier de l'offre n'est plus sur la branche par défaut\u202F: je ferme cette pull request et supprime sa branche.",
    en: () => "The posting's file is no longer on the default branch: closing this pull request and deleting its branch.",
  },
  "closing-obsolete-nothing-left": {
    fr: () => "Aucune des offres de cette pull request n'est plus à fermer (fermées à la main, prolongées ou supprimées)\u202F: je la ferme et supprime sa branche.",
    en: () => "None of this pull request's postings is due any more (closed by hand, extended or removed): closing it and deleting its branch.",
  },

  // — the `close` command
  "cli-command-close-summary": {
    fr: () => "ferme les offres expirées\u202F: liste locale, ou pull requests sur un dépôt GitHub (--repo)",
    en: () => "close expired postings: a local list, or pull requests on a GitHub repository (--repo)",
  },
  "cli-close-help": {
    fr: () =>
      [
        "Utilisation\u202F:",
        "  recrutement-bot close [dossier] [--today AAAA-MM-JJ] [--format text|json] [--write]",
        "  recrutement-bot close --repo propriétaire/dépôt [--dry-run] [--today AAAA-MM-JJ] [--format text|json]",
        "",
        "Sans --repo\u202F: liste les offres du dossier (par défaut celui de la configuration, content/_jobs) à fermer",
        "et pourquoi\u202F; --write écrit `open: false` dans ces fichiers (seule la ligne `open:` change).",
        "",
        "Avec --repo\u202F: sur GitHub, ouvre (ou tient à jour) une pull request de fermeture par offre expirée,",
        "selon la section `closing` de .github/recrutement-bot.yml. Authentification\u202F: GITHUB_TOKEN, ou l'application",
        "(APP_ID et PRIVATE_KEY ou PRIVATE_KEY_PATH). GITHUB_API_URL et GITHUB_GRAPHQL_URL sont respectées.",
        "",
        "Options\u202F:",
        "  --today AAAA-MM-JJ   jour de référence (par défaut\u202F: aujourd'hui dans le fuseau de la configuration)",
        "  --format text|json   format de sortie (text par défaut)",
        "  --write              (local) écrit la fermeture dans les fichiers",
        "  --dry-run            (--repo) calcule et affiche le plan sans rien écrire",
        "  --root DOSSIER       (local) racine du dépôt, où lire .github/recrutement-bot.yml (par défaut\u202F: le dossier courant)",
        "  --lang fr|en         langue des messages",
        "  -h, --help           affiche cette aide",
        "",
        "Codes de sortie\u202F: 0 réussite, 1 une action GitHub a échoué, 2 mauvaise utilisation ou lecture impossible.",
      ].join("\n"),
    en: () =>
      [
        "Usage:",
        "  recrutement-bot close [folder] [--today YYYY-MM-DD] [--format text|json] [--write]",
        "  recrutement-bot close --repo owner/name [--dry-run] [--today YYYY-MM-DD] [--format text|json]",
        "",
        "Without --repo: lists the postings of the folder (default: the configuration's, content/_jobs) due for",
        "closing and why; --write writes `open: false` in those files (only the `open:` line changes).",
        "",
        "With --repo: on GitHub, opens (or keeps up to date) one closing pull request per expired posting,",
        "following the `closing` section of .github/recrutement-bot.yml. Authentication: GITHUB_TOKEN, or the app",
        "(APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH). GITHUB_API_URL and GITHUB_GRAPHQL_URL are honoured.",
        "",
        "Options:",
        "  --today YYYY-MM-DD   reference day (default: today in the configuration's time zone)",
        "  --format text|json   output format (default text)",
        "  --write              (local) write the closing into the files",
        "  --dry-run            (--repo) compute and print the plan, write nothing",
        "  --root DIR           (local) repository root, holding .github/recrutement-bot.yml (default: the current folder)",
        "  --lang fr|en         language of the messages",
        "  -h, --help           show this help",
        "",
        "Exit codes: 0 success, 1 a GitHub action failed, 2 usage error or unreadable input.",
      ].join("\n"),
  },
  "cli-close-due-date": {
    fr: (p: { path: string; line: number; roles: string; field: string; date: string }) => `${p.path}:${p.line}  «\u202F${p.roles}\u202F»\u202F: ${p.field} ${p.date} passée`,
    en: (p: { path: string; line: number; roles: string; field: string; date: string }) => `${p.path}:${p.line}  “${p.roles}”: ${p.field} ${p.date} has passed`,
  },
  "cli-close-due-filled": {
    fr: (p: { path: string; line: number; roles: string }) => `${p.path}:${p.line}  «\u202F${p.roles}\u202F»\u202F: poste pourvu (poste_pourvu: true)`,
    en: (p: { path: string; line: number; roles: string }) => `${p.path}:${p.line}  “${p.roles}”: position filled (poste_pourvu: true)`,
  },
  "cli-close-summary": {
    fr: (p: { due: number; files: number; today: string }) => `${fr(p.due, "offre à fermer", "offres à fermer")} au ${p.today} (${fr(p.files, "offre lue", "offres lues")})`,
    en: (p: { due: number; files: number; today: string }) => `${en(p.due, "posting", "postings")} due for closing on ${p.today} (${en(p.files, "posting read", "postings read")})`,
  },
  "cli-close-written": {
    fr: (p: { count: number }) => `${fr(p.count, "fichier modifié", "fichiers modifiés")}\u202F: open: false`,
    en: (p: { count: number }) => `${en(p.count, "file changed", "files changed")}: open: false`,
  },
  "cli-close-bad-day": {
    fr: (p: { value: string }) => `--today attend un jour AAAA-MM-JJ\u202F: ${p.value}`,
    en: (p: { value: string }) => `--today expects a day YYYY-MM-DD: ${p.value}`,
  },
  "cli-close-bad-repo": {
    fr: (p: { value: string }) => `--repo attend propriétaire/dépôt\u202F: ${p.value}`,
    en: (p: { value: string }) => `--repo expects owner/name: ${p.value}`,
  },
  "cli-close-local-only": {
    fr: (p: { option: string }) => `${p.option} ne s'emploie pas avec --repo.`,
    en: (p: { option: string }) => `${p.option} does not go with --repo.`,
  },
  "cli-close-repo-only": {
    fr: () => "--dry-run s'emploie avec --repo (sans --repo, rien n'est écrit sauf avec --write).",
    en: () => "--dry-run goes with --repo (without --repo, nothing is written unless --write).",
  },
  "cli-close-no-credentials": {
    fr: () => "Identifiants manquants\u202F: définissez GITHUB_TOKEN, ou APP_ID avec PRIVATE_KEY ou PRIVATE_KEY_PATH.",
    en: () => "Missing credentials: set GITHUB_TOKEN, or APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH.",
  },
  "cli-close-github-error": {
    fr: (p: { message: string }) => `GitHub\u202F: ${p.message}`,
    en: (p: { message: string }) => `GitHub: ${p.message}`,
  },
  "cli-close-disabled": {
    fr: (p: { repo: string }) => `${p.repo}\u202F: fermeture désactivée (closing.enabled: false)`,
    en: (p: { repo: string }) => `${p.repo}: closing disabled (closing.enabled: false)`,
  },
  "cli-close-no-folder": {
    fr: (p: { repo: string }) => `${p.repo}\u202F: pas de dossier des offres sur la branche par défaut (option postings)\u202F; rien n'est fait`,
    en: (p: { repo: string }) => `${p.repo}: no postings folder on the default branch (option postings); nothing done`,
  },
  "cli-close-empty": {
    fr: (p: { repo: string }) => `${p.repo}\u202F: dépôt vide, rien à fermer`,
    en: (p: { repo: string }) => `${p.repo}: empty repository, nothing to close`,
  },

  // — the GitHub Action
  "action-bad-boolean": {
    fr: (p: { name: string; value: string }) =>
      `Entrée ${p.name} de l'Action\u202F: «\u202F${p.value}\u202F» n'est pas un booléen. Valeurs acceptées\u202F: true, True, TRUE, false, False, FALSE. Rien n'a été lu ni écrit.`,
    en: (p: { name: string; value: string }) => `Action input ${p.name}: “${p.value}” is not a boolean. Accepted values: true, True, TRUE, false, False, FALSE. Nothing was read or written.`,
  },

  // — the plan and its outcome (dry-run, CLI, logs)
  "closing-plan-header": {
    fr: (p: { repo: string; today: string; dryRun: string }) => `${p.repo}, le ${p.today}${p.dryRun ? " — simulation (dry-run)\u202F: rien n'est écrit" : ""}`,
    en: (p: { repo: string; today: string; dryRun: string }) => `${p.repo}, on ${p.today}${p.dryRun ? " — dry run: nothing is written" : ""}`,
  },
  "closing-plan-create": {
    fr: (p: { branch: string; paths: string }) => `ouvrir une pull request (${p.branch})\u202F: ${p.paths}`,
    en: (p: { branch: string; paths: string }) => `open a pull request (${p.branch}): ${p.paths}`,
  },
  "closing-plan-keep": {
    fr: (p: { pr: number }) => `garder #${p.pr}, à jour`,
    en: (p: { pr: number }) => `keep #${p.pr}, up to date`,
  },
  "closing-plan-update": {
    fr: (p: { pr: number; paths: string }) => `mettre à jour #${p.pr} (l'offre a changé)\u202F: ${p.paths}`,
    en: (p: { pr: number; paths: string }) => `update #${p.pr} (the posting changed): ${p.paths}`,
  },
  "closing-plan-close": {
    fr: (p: { pr: number; reason: string }) => `fermer #${p.pr} et supprimer sa branche (${p.reason})`,
    en: (p: { pr: number; reason: string }) => `close #${p.pr} and delete its branch (${p.reason})`,
  },
  "closing-plan-skip-declined": {
    fr: (p: { pr: number; path: string }) => `ne pas reproposer ${p.path}\u202F: refusée dans #${p.pr}, fichier inchangé depuis`,
    en: (p: { pr: number; path: string }) => `do not propose ${p.path} again: refused in #${p.pr}, file unchanged since`,
  },
  "closing-plan-capped": {
    fr: (p: { path: string; max: number }) => `${p.path}\u202F: au prochain passage (${fr(p.max, "pull request", "pull requests")} au plus par passage)`,
    en: (p: { path: string; max: number }) => `${p.path}: next run (${en(p.max, "pull request", "pull requests")} at most per run)`,
  },
  "closing-plan-group-full": {
    fr: (p: { path: string }) => `${p.path}\u202F: après la fusion de la pull request groupée (elle est pleine)`,
    en: (p: { path: string }) => `${p.path}: after the grouped pull request is merged (it is full)`,
  },
  "closing-plan-empty": {
    fr: () => "rien à faire",
    en: () => "nothing to do",
  },
  "closing-reason-closed-by-hand": {
    fr: () => "offre fermée à la main",
    en: () => "posting closed by hand",
  },
  "closing-reason-extended": {
    fr: (p: { date: string }) => `date repoussée au ${p.date}`,
    en: (p: { date: string }) => `date moved to ${p.date}`,
  },
  "closing-reason-not-due": {
    fr: () => "plus de date passée",
    en: () => "no past date any more",
  },
  "closing-reason-removed": {
    fr: () => "fichier supprimé",
    en: () => "file removed",
  },
  "closing-reason-nothing-left": {
    fr: () => "plus aucune offre à fermer",
    en: () => "no posting left to close",
  },
  "closing-outcome-created": {
    fr: (p: { pr: number }) => `→ #${p.pr} ouverte`,
    en: (p: { pr: number }) => `→ #${p.pr} opened`,
  },
  "closing-outcome-updated": {
    fr: (p: { pr: number }) => `→ #${p.pr} mise à jour`,
    en: (p: { pr: number }) => `→ #${p.pr} updated`,
  },
  "closing-outcome-closed": {
    fr: (p: { pr: number }) => `→ #${p.pr} fermée`,
    en: (p: { pr: number }) => `→ #${p.pr} closed`,
  },
  "closing-outcome-labelled": {
    fr: (p: { pr: number }) => `→ #${p.pr} étiquetée (ses étiquettes manquaient)`,
    en: (p: { pr: number }) => `→ #${p.pr} labelled (its labels were missing)`,
  },
  "closing-outcome-exists": {
    fr: (p: { pr: string }) => `→ déjà prise par un autre passage${p.pr}`,
    en: (p: { pr: string }) => `→ already taken by another run${p.pr}`,
  },
  "closing-outcome-failed": {
    fr: (p: { message: string }) => `→ échec\u202F: ${p.message}`,
    en: (p: { message: string }) => `→ failed: ${p.message}`,
  },
});
