/**
 * The schema of `.github/recrutement-bot.yml`: the one place where options, their types and
 * their defaults are defined. The config reference (docs/configuration.md) is tested against it.
 */
import { z } from "zod";
import { CONTRACT_TYPES, RULE_IDS } from "../core/types.js";
import type { ConfigMessageId } from "../messages/config.js";
import { DEFAULT_CLOSING_DATE_FIELDS, DEFAULT_POSTINGS_DIR, DEFAULT_STARTUPS_DIR, DEFAULT_TIME_ZONE } from "../core/defaults.js";

export const CONFIG_PATH = ".github/recrutement-bot.yml";

/** A check's message is its id in the catalogue (src/messages/config.ts), worded where it is shown. */
const message = (id: ConfigMessageId): string => id;
const MAX_ALIASES = 200;

const folder = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_.\-/]+$/, message("config-folder-chars"))
  .refine((p) => !p.split("/").includes("..") && !p.startsWith("/"), message("config-folder-outside"))
  .transform((p) => p.replace(/\/+$/, ""));

const colour = z.string().regex(/^[0-9a-fA-F]{6}$/, message("config-colour"));

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("fr-FR", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, message("config-time-zone"));

const login = z
  .string()
  .max(39)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/, message("config-login"));

const labelName = z.string().min(1).max(50);

export const DEFAULT_LABEL_COLOURS: Record<(typeof CONTRACT_TYPES)[number], string> = {
  CDI: "0e8a16",
  CDD: "5319e7",
  fonctionnaire: "1d76db",
  indépendant: "fbca04",
  stage: "c2e0c6",
  alternance: "bfdadc",
};

export const configSchema = z
  .object({
    "postings": folder.default(DEFAULT_POSTINGS_DIR).describe("Dossier des offres, depuis la racine du dépôt."),
    "startups": folder.default(DEFAULT_STARTUPS_DIR).describe("Dossier des fiches startup : un fichier `<id>.md` par startup."),
    "language": z.enum(["fr", "en"]).default("fr").describe("Langue des commentaires et du check run."),
    "comment": z.boolean().default(true).describe("Publier (et tenir à jour) un commentaire sur la pull request."),
    "suggestions": z.boolean().default(true).describe("Proposer les corrections certaines en « suggested changes »."),
    "max-files": z.number().int().min(1).max(300).default(100).describe("Nombre maximal d'offres relues par pull request."),
    "override-label": labelName
      .default("relecture: ok")
      .describe(
        "Étiquette qui lève une vérification en échec quand une personne ayant les droits d'écriture la pose\u202F; la retirer rétablit le verdict.",
      ),
    "labels": z
      .object({
        enabled: z.boolean().default(true).describe("Poser les étiquettes de type de contrat."),
        prefix: z.string().min(1).max(30).default("contrat: ").describe("Préfixe des étiquettes de contrat."),
        colours: z.partialRecord(z.enum(CONTRACT_TYPES), colour).default({}).describe("Couleur par type de contrat (hexadécimal sans #)."),
      })
      .strict()
      .prefault({})
      .describe("Étiquettes de type de contrat."),
    "contracts": z
      .object({
        aliases: z
          .record(z.string().min(1).max(100), z.enum(CONTRACT_TYPES))
          .refine((r) => Object.keys(r).length <= MAX_ALIASES, { message: message("config-aliases-max"), params: { max: MAX_ALIASES } })
          .default({})
          .describe("Orthographes supplémentaires → type canonique."),
      })
      .strict()
      .prefault({})
      .describe("Types de contrat."),
    "rules": z
      .partialRecord(z.enum(RULE_IDS), z.enum(["error", "warning", "off"]))
      .default({})
      .describe("Sévérité par règle : error, warning ou off."),
    "closing": z
      .object({
        "enabled": z.boolean().default(true).describe("Proposer la fermeture des offres expirées."),
        "hour": z.number().int().min(0).max(23).default(7).describe("Heure du passage quotidien, dans le fuseau `time-zone`."),
        "time-zone": timeZone.default(DEFAULT_TIME_ZONE).describe("Fuseau horaire des dates des offres."),
        "date-fields": z
          .array(z.string().min(1).max(50))
          .min(1)
          .max(10)
          .default([...DEFAULT_CLOSING_DATE_FIELDS])
          .describe("Champs qui donnent la date de fermeture, le premier présent l'emporte."),
        "grouped": z.boolean().default(false).describe("Une seule pull request pour toutes les offres à fermer."),
        "max-pull-requests": z.number().int().min(1).max(100).default(10).describe("Nombre maximal de pull requests ouvertes par passage."),
        "dry-run": z.boolean().default(false).describe("Calculer le plan sans rien écrire."),
        "reviewers": z.array(login).max(15).default([]).describe("Relecteurs demandés sur les pull requests de fermeture."),
        "labels": z.array(labelName).max(10).default(["fermeture"]).describe("Étiquettes des pull requests de fermeture."),
        "notify-author": z
          .boolean()
          .default(true)
          .describe("Demander la relecture de la personne qui a ajouté l'offre (ou la mentionner si elle est collaboratrice du dépôt)."),
        "commands": z
          .boolean()
          .default(true)
          .describe("Accepter `/prolonger` et `/garder-ouverte` en commentaire d'une pull request de fermeture."),
        "dashboard": z.boolean().default(true).describe("Tenir à jour l'issue « Tableau de bord des offres » à chaque passage."),
        "notice-days": z
          .number()
          .int()
          .min(0)
          .max(60)
          .default(7)
          .describe("Jours avant la date de clôture où le tableau de bord signale une offre."),
        "stale-days": z
          .number()
          .int()
          .min(1)
          .max(3650)
          .default(90)
          .describe("Jours après lesquels le tableau de bord signale une offre ouverte sans date de clôture."),
      })
      .strict()
      .prefault({})
      .describe("Fermeture des offres expirées."),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

export const DEFAULT_CONFIG: Config = configSchema.parse({});
