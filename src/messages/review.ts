import { defineMessages } from "./define.js";

/** Messages of the pull-request review (comment, check run). */
export const reviewMessages = defineMessages({
  "check-title-ok": {
    fr: () => "Aucune erreur",
    en: () => "No error",
  },
});
