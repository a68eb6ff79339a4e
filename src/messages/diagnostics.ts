import { defineMessages } from "./define.js";

type P = Record<string, string | number>;
const s = (p: P, k: string): string => String(p[k] ?? "");

/** Expected kinds of value (`expected` param of invalid-value), per language. */
const EXPECTED: Record<string, { fr: string; en: string }> = {
  text: { fr: "un texte", en: "a text" },
  boolean: { fr: "`true` ou `false`", en: "`true` or `false`" },
  list: { fr: "une liste", en: "a list" },
  "text-or-list": { fr: "un texte ou une liste de textes", en: "a text or a list of texts" },
  number: { fr: "un nombre", en: "a number" },
  mapping: { fr: "un ensemble de clés", en: "a mapping" },
};
const expected = (p: P, lang: "fr" | "en"): string => EXPECTED[s(p, "expected")]?.[lang] ?? s(p, "expected");
const kb = (n: string | number | undefined): string => `${Math.round(Number(n ?? 0) / 1024)}`;

/** Messages of the rules engine (one per diagnostic kind). */
export const diagnosticMessages = defineMessages({
  // Reading the file
  "file-too-large": {
    fr: (p: P) => `Le fichier est trop gros (${kb(p.size)} Kio, au plus ${kb(p.max)} Kio) : il n'est pas lu.`,
    en: (p: P) => `The file is too large (${kb(p.size)} KiB, at most ${kb(p.max)} KiB): it is not read.`,
  },
  "front-matter-too-large": {
    fr: (p: P) => `La front matter dépasse ${kb(p.max)} Kio : elle n'est pas lue.`,
    en: (p: P) => `The front matter is over ${kb(p.max)} KiB: it is not read.`,
  },
  "front-matter-too-complex": {
    fr: (p: P) => `La front matter a trop de lignes ou de valeurs (plus de ${s(p, "max")}) : elle n'est pas lue.`,
    en: (p: P) => `The front matter has too many lines or values (over ${s(p, "max")}): it is not read.`,
  },
  "encoding-utf16": {
    fr: () => "Le fichier est en UTF-16 : enregistrez-le en UTF-8.",
    en: () => "The file is UTF-16: save it as UTF-8.",
  },
  "encoding-not-utf8": {
    fr: (p: P) => `Le fichier n'est pas en UTF-8 (octet 0x${s(p, "byte")} invalide ici ; Latin-1 ou Windows-1252 ?) : enregistrez-le en UTF-8.`,
    en: (p: P) => `The file is not UTF-8 (invalid byte 0x${s(p, "byte")} here; Latin-1 or Windows-1252?): save it as UTF-8.`,
  },
  "encoding-nul": {
    fr: () => "Le fichier contient un octet nul : ce n'est pas un fichier texte.",
    en: () => "The file holds a NUL byte: it is not a text file.",
  },
  "line-endings-cr": {
    fr: () => "Fins de ligne en CR seul (ancien Mac) : utilisez LF ou CRLF.",
    en: () => "Line endings are bare CR (old Mac): use LF or CRLF.",
  },
  "file-empty": {
    fr: () => "Le fichier est vide : une offre commence par une front matter entre deux lignes `---`.",
    en: () => "The file is empty: a posting starts with front matter between two `---` lines.",
  },
  "front-matter-missing": {
    fr: () => "Pas de front matter : la première ligne du fichier doit être `---`, suivie des champs (`roles`, `open`…) puis d'une ligne `---`.",
    en: () => "No front matter: the first line of the file must be `---`, followed by the fields (`roles`, `open`…) and a `---` line.",
  },
  "front-matter-not-first": {
    fr: () => "La front matter doit commencer à la toute première ligne du fichier : supprimez les lignes qui précèdent ce `---`.",
    en: () => "The front matter must start on the very first line of the file: remove the lines before this `---`.",
  },
  "front-matter-fence-indented": {
    fr: () => "Cette ligne `---` est précédée d'espaces : elle doit commencer en début de ligne.",
    en: () => "This `---` line starts with spaces: it must start at the beginning of the line.",
  },
  "front-matter-fence-dashes": {
    fr: () => "La ligne d'ouverture de la front matter doit être exactement `---` (trois tirets).",
    en: () => "The opening line of the front matter must be exactly `---` (three dashes).",
  },
  "front-matter-opening-missing": {
    fr: () => "La ligne `---` d'ouverture de la front matter manque : ajoutez `---` en première ligne, avant les champs.",
    en: () => "The opening `---` line of the front matter is missing: add `---` as the first line, before the fields.",
  },
  "front-matter-unclosed": {
    fr: () => "La front matter n'est pas fermée : ajoutez une ligne `---` après le dernier champ.",
    en: () => "The front matter is not closed: add a `---` line after the last field.",
  },
  "front-matter-language": {
    fr: (p: P) => `Front matter en « ${s(p, "language")} » : seul le YAML est accepté (écrivez \`---\` seul) ; ce contenu n'est pas exécuté.`,
    en: (p: P) => `Front matter in “${s(p, "language")}”: only YAML is accepted (write \`---\` alone); this content is not run.`,
  },
  "front-matter-language-yaml": {
    fr: () => "Écrivez `---` seul : Jekyll ne reconnaît pas la front matter quand un langage suit les tirets.",
    en: () => "Write `---` alone: Jekyll does not see the front matter when a language follows the dashes.",
  },
  "front-matter-empty": {
    fr: () => "La front matter est vide : il faut au moins `roles` et `open`.",
    en: () => "The front matter is empty: `roles` and `open` at least are needed.",
  },
  "front-matter-not-mapping": {
    fr: (p: P) => `La front matter doit être une suite de champs \`clé: valeur\`, pas ${p.kind === "list" ? "une liste" : "un texte seul"}.`,
    en: (p: P) => `The front matter must be \`key: value\` fields, not ${p.kind === "list" ? "a list" : "a lone value"}.`,
  },
  // YAML
  "yaml-syntax": {
    fr: (p: P) => `Erreur de syntaxe YAML (${s(p, "code")}) : ${s(p, "detail")}`,
    en: (p: P) => `YAML syntax error (${s(p, "code")}): ${s(p, "detail")}`,
  },
  "yaml-tab-indent": {
    fr: () => "Tabulation en début de ligne : le YAML s'indente avec des espaces.",
    en: () => "Tab at the start of the line: YAML is indented with spaces.",
  },
  "yaml-colon-in-value": {
    fr: () => "Cette valeur contient `: ` ou déborde sur la ligne suivante : mettez-la entre guillemets.",
    en: () => "This value holds `: ` or runs on the next line: put it in quotes.",
  },
  "yaml-bad-start": {
    fr: () => "Une valeur ne peut pas commencer par `@` ou `` ` `` : mettez-la entre guillemets.",
    en: () => "A value cannot start with `@` or `` ` ``: put it in quotes.",
  },
  "yaml-key-too-long": {
    fr: () => "Clé de plus de 1024 caractères : ce n'est pas une clé YAML valide.",
    en: () => "Key over 1024 characters: not a valid YAML key.",
  },
  "yaml-too-deep": {
    fr: (p: P) => `Imbrication trop profonde (plus de ${s(p, "max")} niveaux) : la front matter n'est pas lue.`,
    en: (p: P) => `Nesting too deep (over ${s(p, "max")} levels): the front matter is not read.`,
  },
  "yaml-aliases": {
    fr: (p: P) => `Trop d'alias YAML (plus de ${s(p, "max")} expansions) : la front matter n'est pas lue.`,
    en: (p: P) => `Too many YAML aliases (over ${s(p, "max")} expansions): the front matter is not read.`,
  },
  "yaml-tag": {
    fr: (p: P) => `Étiquette YAML \`${s(p, "tag")}\` refusée : une offre n'a que des textes, des nombres, des booléens et des listes.`,
    en: (p: P) => `YAML tag \`${s(p, "tag")}\` refused: a posting only holds texts, numbers, booleans and lists.`,
  },
  "yaml-complex-key": {
    fr: () => "Une clé doit être un simple mot, pas une liste ni un ensemble.",
    en: () => "A key must be a plain word, not a list or a mapping.",
  },
  "yaml-several-documents": {
    fr: () => "La front matter contient plusieurs documents YAML : il n'en faut qu'un.",
    en: () => "The front matter holds several YAML documents: only one is allowed.",
  },
  "duplicate-key": {
    fr: (p: P) => `Le champ \`${s(p, "key")}\` est déjà défini ligne ${s(p, "firstLine")} : gardez-en un seul.`,
    en: (p: P) => `The field \`${s(p, "key")}\` is already set on line ${s(p, "firstLine")}: keep only one.`,
  },
  "internal-error": {
    fr: (p: P) => `Erreur interne du vérificateur (merci de la signaler) : ${s(p, "detail")}`,
    en: (p: P) => `Internal error of the checker (please report it): ${s(p, "detail")}`,
  },
  // Rules
  "file-extension": {
    fr: (p: P) => `Le nom du fichier « ${s(p, "name")} » doit finir par \`.md\`, sinon l'offre n'est pas publiée.`,
    en: (p: P) => `The file name “${s(p, "name")}” must end in \`.md\`, or the posting is not published.`,
  },
  "roles-missing": {
    fr: () => "Le champ `roles` est obligatoire : indiquez l'intitulé du poste.",
    en: () => "The `roles` field is required: give the job title.",
  },
  "open-missing": {
    fr: () => "Le champ `open` est obligatoire : `open: true` pour une offre ouverte.",
    en: () => "The `open` field is required: `open: true` for an open posting.",
  },
  "open-not-boolean": {
    fr: (p: P) => `\`open\` doit valoir \`true\` ou \`false\` (sans guillemets), pas « ${s(p, "value")} ».`,
    en: (p: P) => `\`open\` must be \`true\` or \`false\` (without quotes), not “${s(p, "value")}”.`,
  },
  "team-missing": {
    fr: () => "Indiquez qui recrute : `startup` (identifiant d'une startup d'État) ou `friend`/`equipe` (nom de l'équipe).",
    en: () => "Say who is hiring: `startup` (id of a startup) or `friend`/`equipe` (team name).",
  },
  "startup-unknown": {
    fr: (p: P) => `La startup « ${s(p, "value")} » n'existe pas dans content/_startups.`,
    en: (p: P) => `The startup “${s(p, "value")}” does not exist in content/_startups.`,
  },
  "startup-unknown-suggestion": {
    fr: (p: P) => `La startup « ${s(p, "value")} » n'existe pas dans content/_startups. Vouliez-vous dire « ${s(p, "suggestion")} » ?`,
    en: (p: P) => `The startup “${s(p, "value")}” does not exist in content/_startups. Did you mean “${s(p, "suggestion")}”?`,
  },
  "contract-missing": {
    fr: (p: P) => `Le champ \`contrat\` est obligatoire pour une nouvelle offre (${s(p, "allowed")}).`,
    en: (p: P) => `The \`contrat\` field is required for a new posting (${s(p, "allowed")}).`,
  },
  "contract-alias": {
    fr: (p: P) => `Type de contrat écrit « ${s(p, "value")} » : écrivez « ${s(p, "suggestion")} ».`,
    en: (p: P) => `Contract type written “${s(p, "value")}”: write “${s(p, "suggestion")}”.`,
  },
  "contract-unknown": {
    fr: (p: P) => `Type de contrat inconnu « ${s(p, "value")} » : choisissez parmi ${s(p, "allowed")}.`,
    en: (p: P) => `Unknown contract type “${s(p, "value")}”: choose among ${s(p, "allowed")}.`,
  },
  "date-invalid": {
    fr: (p: P) => `\`${s(p, "key")}\` : « ${s(p, "value")} » n'est pas un jour du calendrier.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a calendar day.`,
  },
  "date-unreadable": {
    fr: (p: P) => `\`${s(p, "key")}\` : « ${s(p, "value")} » n'est pas une date ; écrivez AAAA-MM-JJ, par exemple 2021-07-07.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a date; write YYYY-MM-DD, e.g. 2021-07-07.`,
  },
  "date-format": {
    fr: (p: P) => `\`${s(p, "key")}\` : écrivez la date au format AAAA-MM-JJ : ${s(p, "fix")}.`,
    en: (p: P) => `\`${s(p, "key")}\`: write the date as YYYY-MM-DD: ${s(p, "fix")}.`,
  },
  "date-timezone": {
    fr: (p: P) => `\`${s(p, "key")}\` : heure sans fuseau, lue comme l'heure de ${s(p, "zone")} (jour ${s(p, "day")}). Ajoutez le fuseau (\`Z\`, \`+02:00\`) ou n'écrivez que le jour.`,
    en: (p: P) => `\`${s(p, "key")}\`: time without a zone, read as ${s(p, "zone")} time (day ${s(p, "day")}). Add the zone (\`Z\`, \`+02:00\`) or write the day only.`,
  },
  "time-zone-unknown": {
    fr: (p: P) => `Fuseau horaire inconnu dans la configuration : « ${s(p, "zone")} ».`,
    en: (p: P) => `Unknown time zone in the configuration: “${s(p, "zone")}”.`,
  },
  "date-order": {
    fr: (p: P) => `La clôture (\`${s(p, "closingKey")}\`, ${s(p, "closing")}) précède l'ouverture (\`${s(p, "openingKey")}\`, ${s(p, "opening")}).`,
    en: (p: P) => `Closing (\`${s(p, "closingKey")}\`, ${s(p, "closing")}) comes before opening (\`${s(p, "openingKey")}\`, ${s(p, "opening")}).`,
  },
  "closing-date-missing": {
    fr: (p: P) => `Offre ouverte sans date de clôture : ajoutez \`${s(p, "field")}: AAAA-MM-JJ\` pour qu'elle soit fermée à temps.`,
    en: (p: P) => `Open posting without a closing date: add \`${s(p, "field")}: YYYY-MM-DD\` so that it is closed in time.`,
  },
  "contact-invalid": {
    fr: (p: P) => `\`${s(p, "key")}\` : « ${s(p, "value")} » n'est ni une adresse électronique, ni un identifiant prenom.nom.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is neither an e-mail address nor a firstname.lastname id.`,
  },
  "url-invalid": {
    fr: (p: P) => `\`${s(p, "key")}\` : « ${s(p, "value")} » n'est pas une adresse web complète (https://…).`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a full web address (https://…).`,
  },
  "unknown-key": {
    fr: (p: P) => `Champ inconnu \`${s(p, "key")}\` : il est ignoré.`,
    en: (p: P) => `Unknown field \`${s(p, "key")}\`: it is ignored.`,
  },
  "unknown-key-suggestion": {
    fr: (p: P) => `Champ inconnu \`${s(p, "key")}\` : vouliez-vous dire \`${s(p, "suggestion")}\` ?`,
    en: (p: P) => `Unknown field \`${s(p, "key")}\`: did you mean \`${s(p, "suggestion")}\`?`,
  },
  "unknown-key-invisible": {
    fr: (p: P) => `Le champ \`${s(p, "key")}\` contient un caractère invisible : écrivez \`${s(p, "suggestion")}\`.`,
    en: (p: P) => `The field \`${s(p, "key")}\` holds an invisible character: write \`${s(p, "suggestion")}\`.`,
  },
  "invalid-value": {
    fr: (p: P) => `\`${s(p, "key")}\` doit être ${expected(p, "fr")}.`,
    en: (p: P) => `\`${s(p, "key")}\` must be ${expected(p, "en")}.`,
  },
  "invalid-value-boolean": {
    fr: (p: P) => `\`${s(p, "key")}\` doit valoir \`true\` ou \`false\` (sans guillemets), pas « ${s(p, "value")} ».`,
    en: (p: P) => `\`${s(p, "key")}\` must be \`true\` or \`false\` (without quotes), not “${s(p, "value")}”.`,
  },
});
