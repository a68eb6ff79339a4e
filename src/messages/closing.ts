import { defineMessages } from "./define.js";

/** Messages of the closing job (pull request titles and bodies). */
export const closingMessages = defineMessages({
  "closing-pr-title": {
    fr: (p: { roles: string }) => `Fermer l'offre « ${p.roles} »`,
    en: (p: { roles: string }) => `Close the posting “${p.roles}”`,
  },
});
