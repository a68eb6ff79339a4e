import { defineMessages } from "./define.js";

/** "1 erreur", "2 erreurs" (French: 0 and 1 take the singular). */
function fr(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}
function en(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Messages of the pull-request review (check run, living comment, suggestions, labels).
 * Parameters are plain values: callers escape them (src/github/markdown) before they reach
 * markdown. Texts are for contributors who are not developers: what is wrong, where, what to do.
 */
export const reviewMessages = defineMessages({
  // — counts
  "count-errors": {
    fr: (p: { n: number }) => fr(p.n, "erreur", "erreurs"),
    en: (p: { n: number }) => en(p.n, "error", "errors"),
  },
  "count-warnings": {
    fr: (p: { n: number }) => fr(p.n, "avertissement", "avertissements"),
    en: (p: { n: number }) => en(p.n, "warning", "warnings"),
  },
  "count-postings": {
    fr: (p: { n: number }) => fr(p.n, "offre", "offres"),
    en: (p: { n: number }) => en(p.n, "posting", "postings"),
  },
  "severity-error": {
    fr: () => "Erreur",
    en: () => "Error",
  },
  "severity-warning": {
    fr: () => "Avertissement",
    en: () => "Warning",
  },

  // — check run
  "check-title-ok": {
    fr: () => "Aucune erreur",
    en: () => "No error",
  },
  "check-title-errors": {
    fr: (p: { errors: string; postings: string }) => `${p.errors} à corriger (${p.postings})`,
    en: (p: { errors: string; postings: string }) => `${p.errors} to fix (${p.postings})`,
  },
  "check-title-warnings": {
    fr: (p: { warnings: string }) => `Aucune erreur, ${p.warnings}`,
    en: (p: { warnings: string }) => `No error, ${p.warnings}`,
  },
  "check-title-no-postings": {
    fr: () => "Aucune offre modifiée",
    en: () => "No posting changed",
  },
  "check-title-failed": {
    fr: () => "Relecture impossible",
    en: () => "Review failed",
  },
  "check-summary-reviewed": {
    fr: (p: { n: number; errors: string; warnings: string }) => `**${fr(p.n, "offre relue", "offres relues")}** : ${p.errors}, ${p.warnings}.`,
    en: (p: { n: number; errors: string; warnings: string }) => `**${en(p.n, "posting reviewed", "postings reviewed")}**: ${p.errors}, ${p.warnings}.`,
  },
  "check-summary-no-postings": {
    fr: (p: { folder: string }) => `Cette pull request ne modifie aucune offre du dossier \`${p.folder}\`.`,
    en: (p: { folder: string }) => `This pull request changes no posting in the \`${p.folder}\` folder.`,
  },
  "check-summary-errors-block": {
    fr: () => "Les erreurs (❌) sont à corriger avant la fusion ; les avertissements (⚠️) sont des conseils. Chaque problème est signalé à sa ligne dans l'onglet « Files changed ».",
    en: () => "Errors (❌) must be fixed before merging; warnings (⚠️) are advice. Each problem is shown at its line in the “Files changed” tab.",
  },
  "check-summary-file-ok": {
    fr: () => "rien à signaler",
    en: () => "nothing to report",
  },
  "check-summary-skipped": {
    fr: (p: { skipped: string; max: number }) => `${p.skipped} de plus, non relue(s) : ${p.max} au plus par pull request (option \`max-files\`). Découpez la pull request pour les faire relire.`,
    en: (p: { skipped: string; max: number }) => `${p.skipped} more not reviewed: ${p.max} at most per pull request (\`max-files\` option). Split the pull request to have them reviewed.`,
  },
  "check-summary-config-title": {
    fr: () => "Configuration",
    en: () => "Configuration",
  },
  "check-summary-config": {
    fr: (p: { path: string }) => `Le fichier \`${p.path}\` (branche par défaut) contient des erreurs ; pour ces clés, la valeur par défaut s'applique :`,
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
      "La relecture n'a pas pu aboutir : GitHub n'a pas répondu comme prévu. Relancez-la avec le bouton « Re-run » ; si le problème continue, prévenez les personnes qui administrent le dépôt.",
    en: () => "The review could not finish: GitHub did not answer as expected. Run it again with the “Re-run” button; if the problem goes on, tell the repository's administrators.",
  },
  "annotation-fix": {
    fr: (p: { text: string }) => `Correction : remplacer la ligne par « ${p.text} »`,
    en: (p: { text: string }) => `Fix: replace the line with “${p.text}”`,
  },

  // — living comment
  "comment-title": {
    fr: () => "Relecture des offres d'emploi",
    en: () => "Job postings review",
  },
  "comment-intro": {
    fr: (p: { postings: string; errors: string; warnings: string }) =>
      `J'ai relu ${p.postings} de cette pull request : **${p.errors}** à corriger avant la fusion, ${p.warnings} (des conseils).`,
    en: (p: { postings: string; errors: string; warnings: string }) =>
      `I reviewed ${p.postings} of this pull request: **${p.errors}** to fix before merging, ${p.warnings} (advice).`,
  },
  "comment-item": {
    fr: (p: { line: number; message: string }) => `**Ligne ${p.line}** : ${p.message}`,
    en: (p: { line: number; message: string }) => `**Line ${p.line}**: ${p.message}`,
  },
  "comment-fix-suggested": {
    fr: () => "Correction proposée en un clic sur cette ligne, dans l'onglet « Files changed » : bouton « Commit suggestion ».",
    en: () => "A one-click fix is proposed on this line, in the “Files changed” tab: “Commit suggestion” button.",
  },
  "comment-fix-manual": {
    fr: (p: { text: string }) => `Pour corriger, remplacez la ligne par : \`${p.text}\``,
    en: (p: { text: string }) => `To fix it, replace the line with: \`${p.text}\``,
  },
  "comment-files-ok": {
    fr: () => "Sans problème :",
    en: () => "No problem:",
  },
  "comment-truncated": {
    fr: (p: { more: number }) => `… et ${p.more} autre(s) problème(s) : la liste complète est dans l'onglet « Checks ».`,
    en: (p: { more: number }) => `… and ${p.more} more problem(s): the full list is in the “Checks” tab.`,
  },
  "comment-footer": {
    fr: () => "Ce commentaire est mis à jour à chaque nouveau commit. ❌ erreur à corriger, ⚠️ conseil. Détail ligne par ligne dans l'onglet « Checks ».",
    en: () => "This comment is updated on each new commit. ❌ error to fix, ⚠️ advice. Line-by-line details in the “Checks” tab.",
  },
  "comment-resolved": {
    fr: () => "✅ Tout est en ordre maintenant : les offres de cette pull request n'ont plus de problème. Merci !",
    en: () => "✅ Everything is fine now: the postings of this pull request have no problem left. Thank you!",
  },

  // — suggestions
  "suggestions-review-body": {
    fr: () => "Corrections proposées : cliquez sur « Commit suggestion » sous une ligne pour l'appliquer.",
    en: () => "Proposed fixes: click “Commit suggestion” under a line to apply it.",
  },

  // — labels
  "label-description": {
    fr: (p: { type: string }) => `Offre d'emploi en ${p.type} (étiquette posée par recrutement-bot)`,
    en: (p: { type: string }) => `Job posting: ${p.type} (label set by recrutement-bot)`,
  },

  // — files the review could not hand to the rules
  "review-file-binary": {
    fr: () => "Ce fichier n'est pas du texte : une offre doit être un fichier Markdown (.md) enregistré en UTF-8.",
    en: () => "This file is not text: a posting must be a Markdown (.md) file saved as UTF-8.",
  },
  "review-file-too-large": {
    fr: (p: { size: number; max: number }) => `Ce fichier est trop gros (${p.size} octets, ${p.max} au plus) pour être une offre.`,
    en: (p: { size: number; max: number }) => `This file is too large (${p.size} bytes, ${p.max} at most) to be a posting.`,
  },
  "review-file-unreadable": {
    fr: () => "Ce fichier n'a pas pu être lu au dernier commit de la pull request (lien symbolique, sous-module ?).",
    en: () => "This file could not be read at the pull request's last commit (symbolic link, submodule?).",
  },
});
