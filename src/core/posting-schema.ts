/**
 * The front matter of a posting, as a zod schema: the one list of known keys and of their types.
 * Keys kept are those really used by beta.gouv.fr's postings (content/_jobs) and Jekyll's own
 * `layout`, `permalink`, `published`. Misspellings found there (`role`, `titles`, `externalUrl`,
 * `domaine`) are not keys: the unknown-key rule points to the right one.
 */
import { z } from "zod";

const text = (description: string) => z.string().nullable().optional().describe(description);
const textOrList = (description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .nullable()
    .optional()
    .describe(description);
const flag = (description: string) => z.boolean().optional().describe(description);
/** YAML days stay text (YAML 1.2): `2021-07-07`, or an ISO timestamp `2022-02-22T23:00:00.000Z`. */
const day = (description: string) =>
  z.string().nullable().optional().describe(`${description} Format : AAAA-MM-JJ (par exemple 2021-07-07), ou horodatage ISO 8601.`);

export const postingSchema = z
  .looseObject({
    roles: z
      .string()
      .nullable()
      .describe("Intitulé du poste, affiché comme titre de l'offre (obligatoire). Exemple : « Développeuse ou développeur full-stack »."),
    title: text("Titre de la page de l'offre, par exemple « Itou recrute un développeur ou une développeuse Django »."),
    contrat: textOrList(
      "Type de contrat : CDI, CDD, fonctionnaire, indépendant, stage ou alternance. Plusieurs types possibles, séparés par une virgule ou « ou ».",
    ),
    startup: text("Identifiant de la startup d'État qui recrute (nom de son fichier dans content/_startups, sans .md)."),
    friend: text("Nom de l'équipe ou de l'incubateur partenaire qui recrute, quand ce n'est pas une startup d'État."),
    equipe: text("Nom de l'équipe qui recrute, quand ce n'est pas une startup d'État."),
    type: text("Type de structure qui recrute : « friend » pour un partenaire du réseau."),
    open: z
      .boolean()
      .describe("Offre ouverte (true) ou fermée (false). Obligatoire ; passer à false quand le poste n'est plus à pourvoir."),
    status: text("Ancien champ d'état de l'offre (« open »), remplacé par `open`."),
    date: day("Date de publication de l'offre."),
    post_ouvert: day("Date d'ouverture du poste."),
    poste_ouvert: day("Date d'ouverture du poste (autre orthographe de post_ouvert)."),
    poste_ferme: day("Date de clôture des candidatures : l'offre est fermée le lendemain."),
    depublication_date: day("Date à laquelle l'offre doit être dépubliée."),
    poste_pourvu: flag("Le poste a été pourvu (true)."),
    contact: textOrList("Adresse électronique (ou identifiant prenom.nom d'un membre de la communauté) à qui écrire pour candidater."),
    contacts: textOrList("Identifiants (prenom.nom) ou adresses électroniques des personnes à contacter."),
    externalURL: text("Adresse (https://…) d'une page externe où se trouve l'offre complète."),
    junior: flag("Poste ouvert aux profils juniors (true)."),
    techno: textOrList("Technologies utilisées par l'équipe, par exemple « Ruby on Rails »."),
    domaines: z
      .array(z.string())
      .nullable()
      .optional()
      .describe("Domaines du poste, en liste : Développement, Déploiement, Design, Produit, Coaching, Data, Autre…"),
    redirect_from: textOrList("Anciennes adresses de l'offre, redirigées vers celle-ci (extension jekyll-redirect-from)."),
    airtable_formulaire: flag("Les candidatures passent par le formulaire Airtable de l'incubateur (true)."),
    layout: text("Gabarit Jekyll de la page (rarement utile dans une offre)."),
    permalink: text("Adresse de la page, quand elle ne doit pas suivre le nom du fichier (Jekyll)."),
    published: flag("false pour ne pas publier la page (Jekyll)."),
  })
  .describe("Front matter d'une offre d'emploi (fichier Markdown de content/_jobs).");

/** The known keys, in the schema's order. */
export const KNOWN_KEYS: readonly string[] = Object.keys(postingSchema.shape);

/** JSON Schema (draft-07) of the front matter, for editors (VS Code's YAML extension) and other tools. */
export function postingJsonSchema(): Record<string, unknown> & { properties?: Record<string, unknown> } {
  return { ...(z.toJSONSchema(postingSchema, { target: "draft-7" }) as Record<string, unknown>), title: "Offre d'emploi (front matter)" };
}

/** Keys holding a boolean (their boolean-like text values get a certain fix). */
export const BOOLEAN_KEYS: ReadonlySet<string> = new Set(
  Object.entries(postingJsonSchema().properties ?? {}).flatMap(([key, json]) =>
    (json as { type?: unknown }).type === "boolean" ? [key] : [],
  ),
);
