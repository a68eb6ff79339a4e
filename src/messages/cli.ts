import { defineMessages } from "./define.js";

/** Messages of the command-line tool. */
export const cliMessages = defineMessages({
  "cli-summary": {
    fr: (p: { errors: number; warnings: number }) => `${p.errors} erreur(s), ${p.warnings} avertissement(s)`,
    en: (p: { errors: number; warnings: number }) => `${p.errors} error(s), ${p.warnings} warning(s)`,
  },
});
