import { defineMessages } from "./define.js";

/** Messages of the rules engine (one per diagnostic kind). */
export const diagnosticMessages = defineMessages({
  "roles-missing": {
    fr: () => "Le champ `roles` est obligatoire : indiquez l'intitulé du poste.",
    en: () => "The `roles` field is required: give the job title.",
  },
});
