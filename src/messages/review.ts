import { defineMessages } from "./define.js";
import { plural, pluralWord } from "./plural.js";

/** Narrow no-break space: French puts it before `; : ! ?` and inside « ». */
const NS = "\u202F";

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Messages of the pull-request review (check run, living comment, suggestions, labels).
 * Parameters are plain values: callers escape them (src/github/markdown) before they reach
 * markdown. Texts are for contributors who are not developers: few words, what to write.
 */
export const reviewMessages = defineMessages({
  // — counts (never written for zero: callers leave a zero out)
  "count-to-fix": {
    fr: (p: { n: number }) => plural("fr", p.n, "point à corriger", "points à corriger"),
    en: (p: { n: number }) => plural("en", p.n, "thing to fix", "things to fix"),
  },
  "count-advice": {
    fr: (p: { n: number }) => plural("fr", p.n, "conseil", "conseils"),
    en: (p: { n: number }) => plural("en", p.n, "piece of advice", "pieces of advice"),
  },
  "count-postings": {
    fr: (p: { n: number }) => plural("fr", p.n, "offre", "offres"),
    en: (p: { n: number }) => plural("en", p.n, "posting", "postings"),
  },
  "count-earlier": {
    fr: (p: { n: number }) =>
      plural("fr", p.n, "remarque déjà présente avant cette pull request", "remarques déjà présentes avant cette pull request"),
    en: (p: { n: number }) =>
      plural("en", p.n, "remark already there before this pull request", "remarks already there before this pull request"),
  },
  "severity-error": {
    fr: () => "À corriger",
    en: () => "To fix",
  },
  "severity-warning": {
    fr: () => "Conseil",
    en: () => "Advice",
  },

  // — check run
  "check-title-ok": {
    fr: () => "Tout est en ordre",
    en: () => "All good",
  },
  "check-title-errors": {
    fr: (p: { toFix: string; postings: number }) => (p.postings > 1 ? `${p.toFix} dans ${p.postings} offres` : p.toFix),
    en: (p: { toFix: string; postings: number }) => (p.postings > 1 ? `${p.toFix} in ${p.postings} postings` : p.toFix),
  },
  "check-title-warnings": {
    fr: (p: { advice: string }) => `Rien de bloquant, ${p.advice}`,
    en: (p: { advice: string }) => `Nothing blocking, ${p.advice}`,
  },
  "check-title-no-postings": {
    fr: () => "Aucune offre modifiée",
    en: () => "No posting changed",
  },
  "check-title-closing": {
    fr: () => `Fermeture d'offre${NS}: seule la ligne open change`,
    en: () => "Closing a posting: only the open line changes",
  },
  "check-title-overridden": {
    fr: (p: { login: string }) => `Levée par ${p.login}`,
    en: (p: { login: string }) => `Overridden by ${p.login}`,
  },
  "check-title-failed": {
    fr: () => "Relecture impossible",
    en: () => "Review failed",
  },
  "check-summary-no-postings": {
    fr: (p: { folder: string }) => `Cette pull request ne modifie aucune offre du dossier \`${p.folder}\`.`,
    en: (p: { folder: string }) => `This pull request changes no posting in the \`${p.folder}\` folder.`,
  },
  "check-summary-closing": {
    fr: () => `Cette pull request ne fait que fermer des offres${NS}: seule la ligne \`open:\` change, en \`open: false\`.`,
    en: () => "This pull request only closes postings: only the `open:` line changes, to `open: false`.",
  },
  "check-summary-legend": {
    fr: () => `❌ bloque la fusion, ⚠️ conseil. Chaque point est signalé à sa ligne dans l'onglet «${NS}Files changed${NS}».`,
    en: () => "❌ blocks merging, ⚠️ advice. Each point is shown at its line in the “Files changed” tab.",
  },
  "check-summary-earlier": {
    fr: (p: { earlier: string }) => `ℹ️ ${p.earlier}${NS}: non bloquant, voir le commentaire.`,
    en: (p: { earlier: string }) => `ℹ️ ${p.earlier}: not blocking, see the comment.`,
  },
  "check-summary-file-ok": {
    fr: () => "rien à signaler",
    en: () => "nothing to report",
  },
  "check-summary-overridden": {
    fr: (p: { login: string; label: string }) =>
      `✅ Vérification levée par **${p.login}** avec l'étiquette \`${p.label}\`${NS}: retirer l'étiquette rétablit le verdict.`,
    en: (p: { login: string; label: string }) =>
      `✅ Check overridden by **${p.login}** with the \`${p.label}\` label: removing the label restores the verdict.`,
  },
  "check-summary-override-refused": {
    fr: (p: { login: string; label: string }) =>
      `L'étiquette \`${p.label}\` a été posée par **${p.login}**, sans droit d'écriture sur le dépôt${NS}: elle ne lève pas la vérification.`,
    en: (p: { login: string; label: string }) =>
      `The \`${p.label}\` label was added by **${p.login}**, who cannot write to the repository: it does not override the check.`,
  },
  "check-summary-skipped": {
    fr: (p: { n: number; max: number }) =>
      `${plural("fr", p.n, "offre de plus non relue", "offres de plus non relues")}${NS}: ${p.max} au plus par pull request (option \`max-files\`). Découpez la pull request pour les faire relire.`,
    en: (p: { n: number; max: number }) =>
      `${plural("en", p.n, "more posting not reviewed", "more postings not reviewed")}: ${p.max} at most per pull request (\`max-files\` option). Split the pull request to have them reviewed.`,
  },
  "check-title-incomplete": {
    fr: () => "Relecture incomplète",
    en: () => "Review incomplete",
  },
  "check-summary-unread": {
    fr: (p: { n: number }) =>
      `⚠️ ${plural("fr", p.n, "offre n'a pas pu être lue", "offres n'ont pas pu être lues")}${NS}: la réponse de GitHub dépassait la taille que l'application accepte. Elles ne sont pas vérifiées${NS}; relancez la relecture («${NS}Re-run${NS}») ou découpez la pull request.`,
    en: (p: { n: number }) =>
      `⚠️ ${plural("en", p.n, "posting could not be read", "postings could not be read")}: GitHub's answer was larger than the app accepts. They are not checked; run the review again (“Re-run”) or split the pull request.`,
  },
  "check-summary-unlisted": {
    fr: (p: { n: number }) =>
      `⚠️ GitHub ne liste que 3\u202F000 fichiers par pull request, et ${plural("fr", p.n, "fichier de plus n'a pas pu être vu", "fichiers de plus n'ont pas pu être vus")}${NS}: les offres parmi eux ne sont pas vérifiées. Découpez la pull request pour les faire relire.`,
    en: (p: { n: number }) =>
      `⚠️ GitHub lists only 3,000 files per pull request, and ${plural("en", p.n, "more file could not be seen", "more files could not be seen")}: the postings among them are not checked. Split the pull request to have them reviewed.`,
  },
  "check-summary-more": {
    fr: (p: { n: number }) => `… et ${plural("fr", p.n, "autre", "autres")}`,
    en: (p: { n: number }) => `… and ${p.n} more`,
  },
  "check-summary-truncated": {
    fr: (p: { n: number }) =>
      `… et ${plural("fr", p.n, "autre offre", "autres offres")}, non ${pluralWord("fr", p.n, "détaillée", "détaillées")} ici faute de place${NS}: chaque point est signalé à sa ligne dans l'onglet «${NS}Files changed${NS}».`,
    en: (p: { n: number }) =>
      `… and ${plural("en", p.n, "more posting", "more postings")}, not detailed here for lack of room: each point is shown at its line in the “Files changed” tab.`,
  },
  "check-summary-cut": {
    fr: () => `… (coupé faute de place${NS}: chaque point est signalé à sa ligne dans l'onglet «${NS}Files changed${NS}»)`,
    en: () => "… (cut for lack of room: each point is shown at its line in the “Files changed” tab)",
  },
  "annotation-cut": {
    fr: () => "… (coupé)",
    en: () => "… (cut)",
  },
  "check-summary-config-title": {
    fr: () => "Configuration",
    en: () => "Configuration",
  },
  "check-summary-config": {
    fr: (p: { path: string }) =>
      `Le fichier \`${p.path}\` (branche par défaut) contient des erreurs${NS}; pour ces clés, la valeur par défaut s'applique${NS}:`,
    en: (p: { path: string }) => `The file \`${p.path}\` (default branch) has errors; for these keys, the default value applies:`,
  },
  "check-config-whole-file": {
    fr: () => "le fichier",
    en: () => "the file",
  },
  "check-config-line": {
    fr: (p: { line: number }) => `ligne ${p.line}`,
    en: (p: { line: number }) => `line ${p.line}`,
  },
  "check-summary-failed": {
    fr: () =>
      `La relecture n'a pas pu aboutir${NS}: GitHub n'a pas répondu comme prévu. Relancez-la avec le bouton «${NS}Re-run${NS}»${NS}; si le problème continue, prévenez les personnes qui administrent le dépôt.`,
    en: () =>
      "The review could not finish: GitHub did not answer as expected. Run it again with the “Re-run” button; if the problem goes on, tell the repository's administrators.",
  },
  "annotation-fix": {
    fr: (p: { text: string }) => `À écrire${NS}: ${p.text}`,
    en: (p: { text: string }) => `Write: ${p.text}`,
  },
  "annotation-proposal": {
    fr: (p: { text: string }) => `Proposition à vérifier${NS}: ${p.text}`,
    en: (p: { text: string }) => `Proposal to check: ${p.text}`,
  },

  // — the posting at a glance (check run summary)
  "glance-no-roles": {
    fr: () => "(intitulé manquant)",
    en: () => "(no job title)",
  },
  "glance-closing": {
    fr: (p: { day: string }) => `clôture le ${p.day}`,
    en: (p: { day: string }) => `closes on ${p.day}`,
  },
  "glance-no-closing": {
    fr: () => "sans date de clôture",
    en: () => "no closing date",
  },
  "glance-closed": {
    fr: () => "fermée",
    en: () => "closed",
  },

  // — living comment
  "comment-intro": {
    fr: (p: { n: number; verdict: string }) =>
      p.n > 1 ? `Merci${NS}! ${p.n} offres relues${NS}: ${p.verdict}.` : `Merci${NS}! ${capitalise(p.verdict)}.`,
    en: (p: { n: number; verdict: string }) =>
      p.n > 1 ? `Thank you! ${p.n} postings reviewed: ${p.verdict}.` : `Thank you! ${capitalise(p.verdict)}.`,
  },
  "comment-verdict-to-fix": {
    fr: (p: { toFix: string }) => `${p.toFix} avant la fusion`,
    en: (p: { toFix: string }) => `${p.toFix} before merging`,
  },
  "comment-verdict-nothing-blocking": {
    fr: () => "rien de bloquant",
    en: () => "nothing blocking",
  },
  "comment-column-line": {
    fr: () => "Ligne",
    en: () => "Line",
  },
  "comment-column-problem": {
    fr: () => "Problème",
    en: () => "Problem",
  },
  "comment-column-write": {
    fr: () => "À écrire",
    en: () => "Write",
  },
  "comment-proposal": {
    fr: (p: { text: string }) => `à vérifier${NS}: ${p.text}`,
    en: (p: { text: string }) => `to check: ${p.text}`,
  },
  "comment-fixed": {
    fr: () => "✅ corrigé",
    en: () => "✅ fixed",
  },
  "comment-one-click": {
    fr: () => `✏️ En un clic${NS}: onglet «${NS}Files changed${NS}», bouton «${NS}Commit suggestion${NS}».`,
    en: () => "✏️ In one click: “Files changed” tab, “Commit suggestion” button.",
  },
  "comment-earlier-title": {
    fr: (p: { n: number }) => `Déjà présent avant cette pull request (${p.n}, non bloquant)`,
    en: (p: { n: number }) => `Already there before this pull request (${p.n}, not blocking)`,
  },
  "comment-truncated": {
    fr: (p: { more: number }) =>
      `… et ${plural("fr", p.more, "autre point", "autres points")}${NS}: la liste complète est dans l'onglet «${NS}Checks${NS}».`,
    en: (p: { more: number }) => `… and ${plural("en", p.more, "more point", "more points")}: the full list is in the “Checks” tab.`,
  },
  "comment-unseen": {
    fr: (p: { n: number }) =>
      `⚠️ ${plural("fr", p.n, "offre n'a pas pu être vérifiée", "offres n'ont pas pu être vérifiées")}${NS}: le détail est dans l'onglet «${NS}Checks${NS}».`,
    en: (p: { n: number }) =>
      `⚠️ ${plural("en", p.n, "posting could not be checked", "postings could not be checked")}: the details are in the “Checks” tab.`,
  },
  "comment-cut": {
    fr: () => `… (coupé faute de place${NS}: la liste complète est dans l'onglet «${NS}Checks${NS}»)`,
    en: () => "… (cut for lack of room: the full list is in the “Checks” tab)",
  },
  "comment-footer": {
    fr: () => "Mis à jour à chaque commit.",
    en: () => "Updated on each commit.",
  },
  "comment-all-fixed": {
    fr: () => `✅ Tout est en ordre, merci${NS}!`,
    en: () => "✅ All good now, thank you!",
  },

  // — suggestions
  "suggestions-review-body": {
    fr: () => `Corrections en un clic${NS}: bouton «${NS}Commit suggestion${NS}».`,
    en: () => "One-click fixes: “Commit suggestion” button.",
  },
  "suggestion-proposal": {
    fr: () => `Proposition à vérifier avant de l'appliquer${NS}:`,
    en: () => "A proposal: check it before applying it:",
  },

  // — labels
  "label-description": {
    fr: (p: { type: string }) => `Offre d'emploi${NS}: ${p.type}`,
    en: (p: { type: string }) => `Job posting: ${p.type}`,
  },

  // — files the review could not hand to the rules
  "review-file-binary": {
    fr: () => `Ce fichier n'est pas du texte${NS}: une offre est un fichier Markdown (.md) enregistré en UTF-8.`,
    en: () => "This file is not text: a posting is a Markdown (.md) file saved as UTF-8.",
  },
  "review-file-too-large": {
    fr: (p: { size: number; max: number }) => `Ce fichier est trop gros (${p.size} octets, ${p.max} au plus) pour être une offre.`,
    en: (p: { size: number; max: number }) => `This file is too large (${p.size} bytes, ${p.max} at most) to be a posting.`,
  },
  "review-file-unreadable": {
    fr: () => `Ce fichier n'a pas pu être lu au dernier commit de la pull request (lien symbolique, sous-module${NS}?).`,
    en: () => "This file could not be read at the pull request's last commit (symbolic link, submodule?).",
  },
});
