import { defineMessages } from "./define.js";
import { plural } from "./plural.js";

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
    fr: (p: { roles: string; path: string; field: string; date: string; day: string; ago: string }) =>
      `L'offre «\u202F${p.roles}\u202F» (\`${p.path}\`) devait fermer le ${p.day} (\`${p.field}: ${p.date}\`), ${p.ago}. Elle est encore ouverte.`,
    en: (p: { roles: string; path: string; field: string; date: string; day: string; ago: string }) =>
      `The posting “${p.roles}” (\`${p.path}\`) was due to close on ${p.day} (\`${p.field}: ${p.date}\`), ${p.ago}. It is still open.`,
  },
  "closing-pr-why-filled": {
    fr: (p: { roles: string; path: string }) =>
      `L'offre «\u202F${p.roles}\u202F» (\`${p.path}\`) est marquée pourvue (\`poste_pourvu: true\`) mais elle est encore ouverte.`,
    en: (p: { roles: string; path: string }) =>
      `The posting “${p.roles}” (\`${p.path}\`) is marked filled (\`poste_pourvu: true\`) but it is still open.`,
  },
  "closing-pr-why-asked": {
    fr: (p: { roles: string; path: string; login: string }) =>
      `@${p.login} a demandé depuis le tableau de bord de fermer maintenant l'offre «\u202F${p.roles}\u202F» (\`${p.path}\`).`,
    en: (p: { roles: string; path: string; login: string }) =>
      `@${p.login} asked from the dashboard to close the posting “${p.roles}” (\`${p.path}\`) now.`,
  },
  "closing-pr-list-asked-keep": {
    fr: () => "**Garder l'offre ouverte**\u202F: fermez cette pull request sans la fusionner.",
    en: () => "**Keep the posting open**: close this pull request without merging it.",
  },
  "closing-pr-merge": {
    fr: (p: { line: number }) =>
      `Une fois cette pull request fusionnée, la ligne ${p.line} du fichier devient \`open: false\`\u202F: le site ne présente plus l'offre comme ouverte, et sa page affiche «\u202FCe poste a été pourvu…\u202F». Rien d'autre ne change dans le fichier.`,
    en: (p: { line: number }) =>
      `Once this pull request is merged, line ${p.line} of the file becomes \`open: false\`: the site no longer shows the posting as open, and its page says “Ce poste a été pourvu…” (this position has been filled). Nothing else in the file changes.`,
  },
  "closing-pr-asked": {
    fr: (p: { login: string }) =>
      `@${p.login}, vous avez ajouté cette offre\u202F: pouvez-vous nous dire s'il faut la fermer ou la prolonger\u202F?`,
    en: (p: { login: string }) => `@${p.login}, you added this posting: could you tell us whether to close it or extend it?`,
  },
  "closing-pr-list-merge": {
    fr: (p: { line: number }) => `**Fusionner**\u202F: l'offre est fermée (ligne ${p.line}\u202F: \`open: false\`).`,
    en: (p: { line: number }) => `**Merge**: the posting is closed (line ${p.line}: \`open: false\`).`,
  },
  "closing-pr-list-keep-date": {
    fr: (p: { edit: string }) =>
      `**Garder l'offre ouverte**\u202F: commentez \`/prolonger AAAA-MM-JJ\` ou \`/prolonger 30 jours\` (droits d'écriture requis), ou ${p.edit} pour une date à venir. Cette pull request se ferme alors d'elle-même.`,
    en: (p: { edit: string }) =>
      `**Keep the posting open**: comment \`/prolonger YYYY-MM-DD\` or \`/prolonger 30 jours\` (write access needed), or ${p.edit} to a date to come. This pull request then closes itself.`,
  },
  "closing-pr-edit-label": {
    fr: () => "changez la date de clôture",
    en: () => "change the closing date",
  },
  "closing-pr-list-keep-filled": {
    fr: (p: { edit: string }) =>
      `**Garder l'offre ouverte**\u202F: ${p.edit} et retirez \`poste_pourvu: true\`. Cette pull request se ferme alors d'elle-même.`,
    en: (p: { edit: string }) =>
      `**Keep the posting open**: ${p.edit} and remove \`poste_pourvu: true\`. This pull request then closes itself.`,
  },
  "closing-pr-edit-file-label": {
    fr: () => "modifiez le fichier de l'offre",
    en: () => "edit the posting's file",
  },
  "closing-pr-list-decline": {
    fr: () =>
      "**Fermer sans fusionner** (ou commenter `/garder-ouverte`)\u202F: l'offre reste ouverte, et sa fermeture n'est plus proposée tant que son fichier ne change pas.",
    en: () =>
      "**Close without merging** (or comment `/garder-ouverte`): the posting stays open, and its closing is not proposed again until its file changes.",
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
    fr: (p: { count: number }) => `Fermer ${plural("fr", p.count, "offre expirée", "offres expirées")}`,
    en: (p: { count: number }) => `Close ${plural("en", p.count, "expired posting", "expired postings")}`,
  },
  "closing-pr-grouped-intro": {
    fr: (p: { count: number; today: string }) =>
      `${plural("fr", p.count, "offre est", "offres sont")} à fermer (nous sommes le ${p.today})\u202F:`,
    en: (p: { count: number; today: string }) =>
      `${plural("en", p.count, "posting is", "postings are")} due for closing (today is ${p.today}):`,
  },
  "closing-pr-grouped-item-date": {
    fr: (p: { roles: string; path: string; line: number; field: string; date: string; day: string; ago: string }) =>
      `«\u202F${p.roles}\u202F» (\`${p.path}\`, ligne ${p.line})\u202F: devait fermer le ${p.day} (\`${p.field}: ${p.date}\`), ${p.ago}`,
    en: (p: { roles: string; path: string; line: number; field: string; date: string; day: string; ago: string }) =>
      `“${p.roles}” (\`${p.path}\`, line ${p.line}): due to close on ${p.day} (\`${p.field}: ${p.date}\`), ${p.ago}`,
  },
  "closing-pr-grouped-item-filled": {
    fr: (p: { roles: string; path: string; line: number }) =>
      `«\u202F${p.roles}\u202F» (\`${p.path}\`, ligne ${p.line})\u202F: poste pourvu (\`poste_pourvu: true\`)`,
    en: (p: { roles: string; path: string; line: number }) =>
      `“${p.roles}” (\`${p.path}\`, line ${p.line}): position filled (\`poste_pourvu: true\`)`,
  },
  "closing-pr-grouped-more": {
    fr: (p: { count: number }) =>
      `- … et ${plural("fr", p.count, "autre", "autres")}\u202F: la liste complète est dans le message du commit.`,
    en: (p: { count: number }) => `- … and ${p.count} more: the full list is in the commit message.`,
  },
  "closing-pr-grouped-merge": {
    fr: () =>
      "Une fois cette pull request fusionnée, la ligne indiquée de chacun de ces fichiers devient `open: false`\u202F: le site ne présente plus ces offres comme ouvertes, et leurs pages affichent «\u202FCe poste a été pourvu…\u202F». Rien d'autre ne change.",
    en: () =>
      "Once this pull request is merged, the given line of each of these files becomes `open: false`: the site no longer shows these postings as open, and their pages say “Ce poste a été pourvu…” (this position has been filled). Nothing else changes.",
  },
  "closing-pr-grouped-keep": {
    fr: () =>
      "**Pour garder une offre ouverte**, changez sa date de clôture pour une date à venir (ou retirez `poste_pourvu: true`) dans son fichier\u202F: elle sortira de cette pull request au prochain passage. Fermée sans être fusionnée, cette pull request n'est pas reproposée tant que ces fichiers ne changent pas.",
    en: () =>
      "**To keep a posting open**, change its closing date to a date to come (or remove `poste_pourvu: true`) in its file: it leaves this pull request at the next run. Closed without merging, this pull request is not proposed again until these files change.",
  },
  "closing-commit-grouped": {
    fr: (p: { count: number }) => `Fermer ${plural("fr", p.count, "offre expirée", "offres expirées")} (open: false)`,
    en: (p: { count: number }) => `Close ${plural("en", p.count, "expired posting", "expired postings")} (open: false)`,
  },

  // — days in words, relative to today
  "closing-day-ago": {
    fr: (p: { days: number }) => (p.days === 0 ? "aujourd'hui" : p.days === 1 ? "hier" : `il y a ${p.days} jours`),
    en: (p: { days: number }) => (p.days === 0 ? "today" : p.days === 1 ? "yesterday" : `${p.days} days ago`),
  },
  "closing-day-in": {
    fr: (p: { days: number }) => (p.days === 0 ? "aujourd'hui" : p.days === 1 ? "demain" : `dans ${p.days} jours`),
    en: (p: { days: number }) => (p.days === 0 ? "today" : p.days === 1 ? "tomorrow" : `in ${p.days} days`),
  },

  // — the notice before the date, on the pull request that added the posting
  "closing-notice": {
    fr: (p: { who: string; roles: string; day: string; left: string; proposal: string }) =>
      `${p.who ? `@${p.who}, l` : "L"}'offre «\u202F${p.roles}\u202F» ajoutée par cette pull request ferme le ${p.day} (${p.left}). Le ${p.proposal}, recrutement-bot proposera de la fermer. Pour la garder ouverte plus longtemps, RBEDITRB pour une date à venir.`,
    en: (p: { who: string; roles: string; day: string; left: string; proposal: string }) =>
      `${p.who ? `@${p.who}, t` : "T"}he posting “${p.roles}” added by this pull request closes on ${p.day} (${p.left}). On ${p.proposal}, recrutement-bot will propose to close it. To keep it open longer, RBEDITRB to a date to come.`,
  },

  // — commands on a closing pull request (`/prolonger`, `/garder-ouverte`)
  "closing-command-refused": {
    fr: (p: { login: string; command: string }) =>
      `Merci @${p.login}\u202F! \`${p.command}\` demande les droits d'écriture sur le dépôt, que vous n'avez pas. Une personne qui les a peut le faire, ou vous pouvez modifier le fichier de l'offre dans une pull request.`,
    en: (p: { login: string; command: string }) =>
      `Thank you @${p.login}! \`${p.command}\` needs write access to the repository, which you do not have. Someone who has it can do it, or you can change the posting's file in a pull request.`,
  },
  "closing-command-bad-date": {
    fr: (p: { value: string; today: string }) =>
      `Je n'ai pas compris «\u202F${p.value}\u202F»\u202F: écrivez \`/prolonger AAAA-MM-JJ\` avec une date après aujourd'hui (${p.today}), ou \`/prolonger 30 jours\` (de 1 à 365 jours). Rien n'a changé.`,
    en: (p: { value: string; today: string }) =>
      `I did not understand “${p.value}”: write \`/prolonger YYYY-MM-DD\` with a date after today (${p.today}), or \`/prolonger 30 jours\` (1 to 365 days). Nothing changed.`,
  },
  "closing-command-no-date-line": {
    fr: () =>
      "Cette offre n'a pas de ligne de date de clôture à repousser (elle est à fermer parce que le poste est pourvu)\u202F: retirez `poste_pourvu: true` de son fichier pour la garder ouverte. Rien n'a changé.",
    en: () =>
      "This posting has no closing-date line to move (it is due because the position is filled): remove `poste_pourvu: true` from its file to keep it open. Nothing changed.",
  },
  "closing-command-extended": {
    fr: (p: { login: string; day: string }) =>
      `C'est fait, @${p.login}\u202F: cette pull request ne ferme plus l'offre, elle repousse sa date de clôture au ${p.day}. Fusionnez-la pour que la nouvelle date compte.`,
    en: (p: { login: string; day: string }) =>
      `Done, @${p.login}: this pull request no longer closes the posting, it moves its closing date to ${p.day}. Merge it for the new date to count.`,
  },
  "closing-command-kept": {
    fr: (p: { login: string }) =>
      `C'est noté, @${p.login}\u202F: l'offre reste ouverte. Je ferme cette pull request, et je ne la proposerai plus tant que le fichier de l'offre ne change pas.`,
    en: (p: { login: string }) =>
      `Noted, @${p.login}: the posting stays open. Closing this pull request; it will not be proposed again until the posting's file changes.`,
  },
  "closing-extension-title": {
    fr: (p: { roles: string; day: string }) => `Prolonger l'offre «\u202F${p.roles}\u202F» jusqu'au ${p.day}`,
    en: (p: { roles: string; day: string }) => `Extend the posting “${p.roles}” until ${p.day}`,
  },
  "closing-extension-body": {
    fr: (p: { roles: string; path: string; login: string; field: string; date: string; day: string; line: number }) =>
      `À la demande de @${p.login}, cette pull request ne ferme plus l'offre «\u202F${p.roles}\u202F» (\`${p.path}\`)\u202F: elle repousse sa date de clôture au ${p.day} (ligne ${p.line}\u202F: \`${p.field}: ${p.date}\`). Rien d'autre ne change dans le fichier.`,
    en: (p: { roles: string; path: string; login: string; field: string; date: string; day: string; line: number }) =>
      `As @${p.login} asked, this pull request no longer closes the posting “${p.roles}” (\`${p.path}\`): it moves its closing date to ${p.day} (line ${p.line}: \`${p.field}: ${p.date}\`). Nothing else in the file changes.`,
  },
  "closing-extension-list-merge": {
    fr: (p: { day: string }) =>
      `**Fusionner**\u202F: l'offre reste ouverte jusqu'au ${p.day}\u202F; sa fermeture sera proposée le lendemain.`,
    en: (p: { day: string }) => `**Merge**: the posting stays open until ${p.day}; its closing is proposed the day after.`,
  },
  "closing-extension-list-close": {
    fr: () =>
      "**Fermer sans fusionner**\u202F: la date ne change pas, et la fermeture de l'offre sera proposée de nouveau au prochain passage.",
    en: () => "**Close without merging**: the date does not change, and the posting's closing is proposed again at the next run.",
  },
  "closing-extension-commit": {
    fr: (p: { roles: string; date: string }) => `Prolonger l'offre «\u202F${p.roles}\u202F» jusqu'au ${p.date}`,
    en: (p: { roles: string; date: string }) => `Extend the posting “${p.roles}” until ${p.date}`,
  },

  // — the dashboard issue « Tableau de bord des offres »
  "dashboard-title": {
    fr: () => "Tableau de bord des offres",
    en: () => "Tableau de bord des offres (postings dashboard)",
  },
  "dashboard-intro": {
    fr: (p: { today: string; open: number; noDate: number; due: number; soon: number }) =>
      `Au ${p.today}\u202F: ${plural("fr", p.open, "offre ouverte", "offres ouvertes")}, dont ${plural("fr", p.due, "à fermer", "à fermer")}, ${plural("fr", p.soon, "qui ferme bientôt", "qui ferment bientôt")} et ${plural("fr", p.noDate, "sans date de clôture", "sans date de clôture")}. Ce tableau est mis à jour à chaque passage de recrutement-bot\u202F; ne le modifiez pas à la main.`,
    en: (p: { today: string; open: number; noDate: number; due: number; soon: number }) =>
      `On ${p.today}: ${plural("en", p.open, "open posting", "open postings")}, of which ${p.due} due for closing, ${p.soon} closing soon and ${p.noDate} without a closing date. This dashboard is updated at every run of recrutement-bot; do not edit it by hand.`,
  },
  "dashboard-due-heading": {
    fr: () => "### À fermer",
    en: () => "### Due for closing",
  },
  "dashboard-due-date": {
    fr: (p: { day: string; ago: string }) => `devait fermer le ${p.day} (${p.ago})`,
    en: (p: { day: string; ago: string }) => `was due to close on ${p.day} (${p.ago})`,
  },
  "dashboard-due-filled": {
    fr: () => "poste pourvu (`poste_pourvu: true`)",
    en: () => "position filled (`poste_pourvu: true`)",
  },
  "dashboard-open-heading": {
    fr: (p: { days: number }) => `### Ouvertes, par date de clôture (⚠️\u202F: dans les ${p.days} jours)`,
    en: (p: { days: number }) => `### Open, by closing date (⚠️: within ${p.days} days)`,
  },
  "dashboard-open-row": {
    fr: (p: { day: string; left: string }) => `ferme le ${p.day} (${p.left})`,
    en: (p: { day: string; left: string }) => `closes on ${p.day} (${p.left})`,
  },
  "dashboard-stale-heading": {
    fr: (p: { days: number }) => `### Ouvertes sans date de clôture depuis plus de ${p.days} jours`,
    en: (p: { days: number }) => `### Open without a closing date for more than ${p.days} days`,
  },
  "dashboard-stale-row": {
    fr: (p: { day: string; days: number }) => `ouverte le ${p.day}, il y a ${p.days} jours`,
    en: (p: { day: string; days: number }) => `opened on ${p.day}, ${p.days} days ago`,
  },
  "dashboard-waiting-heading": {
    fr: () => "### Pull requests de fermeture en attente",
    en: () => "### Closing pull requests waiting",
  },
  "dashboard-waiting-row": {
    fr: (p: { pr: number; age: string }) => `#${p.pr}, ouverte ${p.age}`,
    en: (p: { pr: number; age: string }) => `#${p.pr}, opened ${p.age}`,
  },
  "dashboard-contracts-heading": {
    fr: () => "### Offres ouvertes par type de contrat",
    en: () => "### Open postings by contract type",
  },
  "dashboard-failing-heading": {
    fr: () =>
      "### Offres ouvertes qui ne passent pas les vérifications (la page casse ou ment\u202F; le détail\u202F: `recrutement-bot check`)",
    en: () => "### Open postings that do not pass the checks (the page breaks or says something false; details: `recrutement-bot check`)",
  },
  "dashboard-contract-none": {
    fr: () => "non précisé",
    en: () => "not stated",
  },
  "dashboard-none": {
    fr: () => "_Aucune._",
    en: () => "_None._",
  },
  "dashboard-more": {
    fr: (p: { count: number }) => `- … et ${plural("fr", p.count, "autre", "autres")}`,
    en: (p: { count: number }) => `- … and ${p.count} more`,
  },

  "dashboard-box-close": {
    fr: () => "fermer maintenant",
    en: () => "close now",
  },
  "dashboard-box-extend": {
    fr: () => "prolonger de 30 jours",
    en: () => "extend by 30 days",
  },
  "dashboard-acted-close": {
    fr: (p: { login: string; roles: string; pr: number }) =>
      `@${p.login}\u202F: la pull request qui ferme l'offre «\u202F${p.roles}\u202F» est ouverte, #${p.pr}.`,
    en: (p: { login: string; roles: string; pr: number }) =>
      `@${p.login}: the pull request closing the posting “${p.roles}” is open, #${p.pr}.`,
  },
  "dashboard-acted-extend": {
    fr: (p: { login: string; roles: string; pr: number; day: string }) =>
      `@${p.login}\u202F: la pull request qui prolonge l'offre «\u202F${p.roles}\u202F» jusqu'au ${p.day} est ouverte, #${p.pr}.`,
    en: (p: { login: string; roles: string; pr: number; day: string }) =>
      `@${p.login}: the pull request extending the posting “${p.roles}” until ${p.day} is open, #${p.pr}.`,
  },
  "dashboard-acted-nothing": {
    fr: (p: { login: string; path: string }) =>
      `@${p.login}\u202F: rien à faire pour \`${p.path}\` (offre déjà fermée, sans ligne de date, ou une pull request de l'application existe déjà).`,
    en: (p: { login: string; path: string }) =>
      `@${p.login}: nothing to do for \`${p.path}\` (posting already closed, without a date line, or a pull request of the app already exists).`,
  },

  // — comment when the app closes its own pull request
  "closing-obsolete-closed-by-hand": {
    fr: () =>
      "L'offre a été fermée directement dans son fichier (`open: false`)\u202F: cette pull request n'a plus d'objet. Je la ferme et supprime sa branche.",
    en: () =>
      "The posting was closed in its file directly (`open: false`): this pull request is no longer needed. Closing it and deleting its branch.",
  },
  "closing-obsolete-extended": {
    fr: (p: { field: string; date: string }) =>
      `La date de clôture de l'offre a été repoussée (\`${p.field}: ${p.date}\`)\u202F: l'offre reste ouverte. Je ferme cette pull request et supprime sa branche.`,
    en: (p: { field: string; date: string }) =>
      `The posting's closing date was moved (\`${p.field}: ${p.date}\`): the posting stays open. Closing this pull request and deleting its branch.`,
  },
  "closing-obsolete-not-due": {
    fr: () =>
      "L'offre n'a plus de date de clôture passée ni `poste_pourvu: true`\u202F: elle reste ouverte. Je ferme cette pull request et supprime sa branche.",
    en: () =>
      "The posting no longer has a past closing date nor `poste_pourvu: true`: it stays open. Closing this pull request and deleting its branch.",
  },
  "closing-obsolete-removed": {
    fr: () => "Le fichier de l'offre n'est plus sur la branche par défaut\u202F: je ferme cette pull request et supprime sa branche.",
    en: () => "The posting's file is no longer on the default branch: closing this pull request and deleting its branch.",
  },
  "closing-obsolete-nothing-left": {
    fr: () =>
      "Aucune des offres de cette pull request n'est plus à fermer (fermées à la main, prolongées ou supprimées)\u202F: je la ferme et supprime sa branche.",
    en: () =>
      "None of this pull request's postings is due any more (closed by hand, extended or removed): closing it and deleting its branch.",
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
    fr: (p: { path: string; line: number; roles: string; field: string; date: string }) =>
      `${p.path}:${p.line}  «\u202F${p.roles}\u202F»\u202F: ${p.field} ${p.date} passée`,
    en: (p: { path: string; line: number; roles: string; field: string; date: string }) =>
      `${p.path}:${p.line}  “${p.roles}”: ${p.field} ${p.date} has passed`,
  },
  "cli-close-due-filled": {
    fr: (p: { path: string; line: number; roles: string }) =>
      `${p.path}:${p.line}  «\u202F${p.roles}\u202F»\u202F: poste pourvu (poste_pourvu: true)`,
    en: (p: { path: string; line: number; roles: string }) => `${p.path}:${p.line}  “${p.roles}”: position filled (poste_pourvu: true)`,
  },
  "cli-close-summary": {
    fr: (p: { due: number; files: number; today: string }) =>
      `${plural("fr", p.due, "offre à fermer", "offres à fermer")} au ${p.today} (${plural("fr", p.files, "offre lue", "offres lues")})`,
    en: (p: { due: number; files: number; today: string }) =>
      `${plural("en", p.due, "posting", "postings")} due for closing on ${p.today} (${plural("en", p.files, "posting read", "postings read")})`,
  },
  "cli-close-written": {
    fr: (p: { count: number }) => `${plural("fr", p.count, "fichier modifié", "fichiers modifiés")}\u202F: open: false`,
    en: (p: { count: number }) => `${plural("en", p.count, "file changed", "files changed")}: open: false`,
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
    fr: (p: { repo: string }) =>
      `${p.repo}\u202F: pas de dossier des offres sur la branche par défaut (option postings)\u202F; rien n'est fait`,
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
    en: (p: { name: string; value: string }) =>
      `Action input ${p.name}: “${p.value}” is not a boolean. Accepted values: true, True, TRUE, false, False, FALSE. Nothing was read or written.`,
  },

  // — the plan and its outcome (dry-run, CLI, logs)
  "closing-plan-header": {
    fr: (p: { repo: string; today: string; dryRun: string }) =>
      `${p.repo}, le ${p.today}${p.dryRun ? " — simulation (dry-run)\u202F: rien n'est écrit" : ""}`,
    en: (p: { repo: string; today: string; dryRun: string }) =>
      `${p.repo}, on ${p.today}${p.dryRun ? " — dry run: nothing is written" : ""}`,
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
    fr: (p: { path: string; max: number }) =>
      `${p.path}\u202F: au prochain passage (${plural("fr", p.max, "pull request", "pull requests")} au plus par passage)`,
    en: (p: { path: string; max: number }) =>
      `${p.path}: next run (${plural("en", p.max, "pull request", "pull requests")} at most per run)`,
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
