import { defineMessages } from "./define.js";

/**
 * Messages of the GitHub Action's own run (src/action): what an event does, the job summary.
 * The review and the closing write their own messages (review.ts, closing.ts).
 */
export const actionMessages = defineMessages({
  "action-unsupported-event": {
    fr: (p: { event: string }) =>
      `L'évènement ${p.event} ne déclenche rien. L'Action relit les pull requests sur pull_request et pull_request_target, et ferme les offres expirées sur schedule, workflow_dispatch et push. Rien n'a été lu ni écrit.`,
    en: (p: { event: string }) =>
      `The event ${p.event} triggers nothing. The Action reviews pull requests on pull_request and pull_request_target, and closes expired postings on schedule, workflow_dispatch and push. Nothing was read or written.`,
  },
  "action-no-event": {
    fr: (p: { path: string }) =>
      `Le fichier de l'évènement (GITHUB_EVENT_PATH) est illisible\u202F: «\u202F${p.path}\u202F». Rien n'a été lu ni écrit.`,
    en: (p: { path: string }) => `The event file (GITHUB_EVENT_PATH) cannot be read: “${p.path}”. Nothing was read or written.`,
  },
  "action-no-token": {
    fr: () => "Aucun jeton GitHub\u202F: l'entrée token est vide et GITHUB_TOKEN n'est pas défini. Rien n'a été lu ni écrit.",
    en: () => "No GitHub token: the token input is empty and GITHUB_TOKEN is not set. Nothing was read or written.",
  },
  "action-review-skipped": {
    fr: (p: { pull: number; action: string }) => `Pull request #${p.pull}\u202F: rien à relire pour «\u202F${p.action}\u202F».`,
    en: (p: { pull: number; action: string }) => `Pull request #${p.pull}: nothing to review for “${p.action}”.`,
  },
  "action-review-done": {
    fr: (p: { pull: number; conclusion: string; title: string }) => `Pull request #${p.pull} relue\u202F: ${p.conclusion}, ${p.title}`,
    en: (p: { pull: number; conclusion: string; title: string }) => `Pull request #${p.pull} reviewed: ${p.conclusion}, ${p.title}`,
  },
  "action-review-read-failed": {
    fr: (p: { pull: number }) => `Pull request #${p.pull}\u202F: la lecture a échoué, le check run le dit (neutral).`,
    en: (p: { pull: number }) => `Pull request #${p.pull}: reading failed, the check run says so (neutral).`,
  },
  "action-review-failed-steps": {
    fr: (p: { steps: string }) =>
      `Écritures en échec\u202F: ${p.steps}. Le jeton a-t-il les permissions checks, pull-requests et issues en écriture\u202F?`,
    en: (p: { steps: string }) =>
      `Writes that failed: ${p.steps}. Does the token have write permissions for checks, pull-requests and issues?`,
  },
  "action-summary-review-title": {
    fr: (p: { pull: number }) => `recrutement-bot — relecture de la pull request #${p.pull}`,
    en: (p: { pull: number }) => `recrutement-bot — review of pull request #${p.pull}`,
  },
  "action-summary-closing-title": {
    fr: () => "recrutement-bot — fermeture des offres expirées",
    en: () => "recrutement-bot — closing of expired postings",
  },
  "action-summary-closing-counts": {
    fr: (p: { opened: number; updated: number; closed: number; failed: number }) =>
      `Pull requests ouvertes\u202F: ${p.opened} · mises à jour\u202F: ${p.updated} · fermées\u202F: ${p.closed} · en échec\u202F: ${p.failed}`,
    en: (p: { opened: number; updated: number; closed: number; failed: number }) =>
      `Pull requests opened: ${p.opened} · updated: ${p.updated} · closed: ${p.closed} · failed: ${p.failed}`,
  },
});
