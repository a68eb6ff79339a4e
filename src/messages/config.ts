import { defineMessages } from "./define.js";
import { plural } from "./plural.js";

/** Narrow no-break space: French puts it before `; : ! ?` and inside « ». */
const NS = "\u202F";

/** What a type expected by the configuration's schema is called (zod's names). */
const TYPE_FR: Record<string, string> = {
  boolean: "true ou false attendu",
  number: "nombre attendu",
  int: "nombre entier attendu",
  string: "texte attendu",
  array: "liste attendue",
  object: "table de clés attendue (`clé: valeur`)",
  record: "table de clés attendue (`clé: valeur`)",
};
const TYPE_EN: Record<string, string> = {
  boolean: "true or false expected",
  number: "number expected",
  int: "whole number expected",
  string: "text expected",
  array: "list expected",
  object: "mapping expected (`key: value`)",
  record: "mapping expected (`key: value`)",
};

/**
 * The problems of `.github/recrutement-bot.yml` (src/config/parse-config.ts): each one travels
 * as its id and parameters, and is worded here in the reader's language where it is shown (the
 * check run, the command line). A value from the file (`code`, `values`) is escaped by the
 * caller. The checks of the schema (src/config/schema.ts) name their message by its id.
 */
export const configMessages = defineMessages({
  // — the whole file
  "config-too-large": {
    fr: (p: { max: number }) => `fichier trop volumineux (${p.max} Kio au plus)${NS}: valeurs par défaut appliquées`,
    en: (p: { max: number }) => `file too large (${p.max} KiB at most): defaults apply`,
  },
  "config-not-text": {
    fr: () => `le fichier n'est pas du texte (UTF-8)${NS}: valeurs par défaut appliquées`,
    en: () => "the file is not text (UTF-8): defaults apply",
  },
  "config-invalid-yaml": {
    fr: (p: { code: string }) => `YAML invalide${NS}: ${p.code}`,
    en: (p: { code: string }) => `invalid YAML: ${p.code}`,
  },
  "config-unreadable-yaml": {
    fr: () => "YAML illisible",
    en: () => "unreadable YAML",
  },
  "config-not-a-mapping": {
    fr: () => "le fichier doit être une table de clés (`clé: valeur`)",
    en: () => "the file must be a mapping (`key: value`)",
  },
  // — one key
  "config-unknown-key": {
    fr: () => "clé inconnue, ignorée",
    en: () => "unknown key, ignored",
  },
  "config-invalid-key": {
    fr: () => "clé invalide, ignorée",
    en: () => "invalid key, ignored",
  },
  "config-expected-type": {
    fr: (p: { expected: string }) => TYPE_FR[p.expected] ?? "valeur invalide",
    en: (p: { expected: string }) => TYPE_EN[p.expected] ?? "invalid value",
  },
  "config-one-of": {
    fr: (p: { values: string }) => `valeur inconnue${NS}; valeurs possibles${NS}: ${p.values}`,
    en: (p: { values: string }) => `unknown value; one of: ${p.values}`,
  },
  "config-too-big": {
    fr: (p: { origin: string; limit: number }) =>
      p.origin === "string"
        ? `trop long${NS}: ${plural("fr", p.limit, "caractère", "caractères")} au plus`
        : p.origin === "array"
          ? `trop d'éléments${NS}: ${p.limit} au plus`
          : `trop grand${NS}: ${p.limit} au plus`,
    en: (p: { origin: string; limit: number }) =>
      p.origin === "string"
        ? `too long: ${plural("en", p.limit, "character", "characters")} at most`
        : p.origin === "array"
          ? `too many items: ${p.limit} at most`
          : `too large: ${p.limit} at most`,
  },
  "config-too-small": {
    fr: (p: { origin: string; limit: number }) =>
      p.origin === "string"
        ? `trop court${NS}: ${plural("fr", p.limit, "caractère", "caractères")} au moins`
        : p.origin === "array"
          ? `trop peu d'éléments${NS}: ${p.limit} au moins`
          : `trop petit${NS}: ${p.limit} au moins`,
    en: (p: { origin: string; limit: number }) =>
      p.origin === "string"
        ? `too short: ${plural("en", p.limit, "character", "characters")} at least`
        : p.origin === "array"
          ? `too few items: ${p.limit} at least`
          : `too small: ${p.limit} at least`,
  },
  "config-invalid-value": {
    fr: () => "valeur invalide",
    en: () => "invalid value",
  },
  // — the schema's own checks
  "config-folder-chars": {
    fr: () => "chemin relatif sans espace ni caractère spécial",
    en: () => "relative path without spaces or special characters",
  },
  "config-folder-outside": {
    fr: () => "chemin relatif dans le dépôt, sans `..`",
    en: () => "relative path inside the repository, without `..`",
  },
  "config-colour": {
    fr: () => "couleur hexadécimale à 6 chiffres, sans #",
    en: () => "hexadecimal colour of 6 digits, without #",
  },
  "config-time-zone": {
    fr: () => `fuseau horaire IANA inconnu (exemple${NS}: Europe/Paris)`,
    en: () => "unknown IANA time zone (for example: Europe/Paris)",
  },
  "config-login": {
    fr: () => "identifiant GitHub (utilisateur, ou organisation/équipe)",
    en: () => "GitHub login (user, or organisation/team)",
  },
  "config-aliases-max": {
    fr: (p: { max: number }) => `${p.max} alias au plus`,
    en: (p: { max: number }) => `${p.max} aliases at most`,
  },
});

export type ConfigMessageId = keyof typeof configMessages;
