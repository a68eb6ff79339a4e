import { defineMessages } from "./define.js";

type P = Record<string, string | number>;
const s = (p: P, k: string): string => String(p[k] ?? "");

/** Expected kinds of value (`expected` param of invalid-value), per language. */
const EXPECTED: Record<string, { fr: string; en: string }> = {
  "text": { fr: "un texte", en: "a text" },
  "boolean": { fr: "`true` ou `false`", en: "`true` or `false`" },
  "list": { fr: "une liste", en: "a list" },
  "text-or-list": { fr: "un texte ou une liste de textes", en: "a text or a list of texts" },
  "number": { fr: "un nombre", en: "a number" },
  "mapping": { fr: "un ensemble de clés", en: "a mapping" },
};
const expected = (p: P, lang: "fr" | "en"): string => EXPECTED[s(p, "expected")]?.[lang] ?? s(p, "expected");
const kb = (n: string | number | undefined): string => `${Math.round(Number(n ?? 0) / 1024)}`;
/** Suggested startup ids (`suggestion`: ids joined by ", "), quoted per language. */
const list = (p: P, lang: "fr" | "en"): string =>
  s(p, "suggestion")
    .split(", ")
    .map((id) => (lang === "fr" ? `«\u202F${id}\u202F»` : `“${id}”`))
    .join(lang === "fr" ? " ou " : " or ");
/** `: 2021-07-07` when the ISO form of a date is known. */
const iso = (p: P, lang: "fr" | "en"): string => (p.fix ? `${lang === "fr" ? "\u202F" : ""}: ${s(p, "fix")}` : "");
/** The YAML library's own (English) text, in parentheses after the explanation, when there is one. */
const detail = (p: P): string => (s(p, "detail") ? ` (${s(p, "detail")})` : "");
/** The character a plain value cannot start with, as code (a backquote needs a double fence). */
const startChar = (p: P, or: string): string => {
  const c = s(p, "char");
  if (c === "`") return "`` ` ``";
  return c ? `\`${c}\`` : `\`@\`, \`%\` ${or} \`\` \` \`\``;
};

/** Messages of the rules engine (one per diagnostic kind). */
export const diagnosticMessages = defineMessages({
  // Reading the file
  "file-too-large": {
    fr: (p: P) => `Le fichier est trop gros (${kb(p.size)} Kio, au plus ${kb(p.max)} Kio)\u202F: il n'est pas lu.`,
    en: (p: P) => `The file is too large (${kb(p.size)} KiB, at most ${kb(p.max)} KiB): it is not read.`,
  },
  "front-matter-too-large": {
    fr: (p: P) => `L'en-tête dépasse ${kb(p.max)} Kio\u202F: il n'est pas lu.`,
    en: (p: P) => `The front matter is over ${kb(p.max)} KiB: it is not read.`,
  },
  "front-matter-too-complex": {
    fr: (p: P) => `L'en-tête a trop de lignes ou de valeurs (plus de ${s(p, "max")})\u202F: il n'est pas lu.`,
    en: (p: P) => `The front matter has too many lines or values (over ${s(p, "max")}): it is not read.`,
  },
  "encoding-utf16": {
    fr: () => "Le fichier est en UTF-16\u202F: enregistrez-le en UTF-8.",
    en: () => "The file is UTF-16: save it as UTF-8.",
  },
  "encoding-not-utf8": {
    fr: (p: P) =>
      `Le fichier n'est pas en UTF-8 (octet 0x${s(p, "byte")} invalide ici)\u202F: enregistrez-le en UTF-8. Il est sans doute en Latin-1 ou Windows-1252.`,
    en: (p: P) => `The file is not UTF-8 (invalid byte 0x${s(p, "byte")} here; Latin-1 or Windows-1252?): save it as UTF-8.`,
  },
  "encoding-nul": {
    fr: () => "Le fichier contient un octet nul\u202F: ce n'est pas un fichier texte.",
    en: () => "The file holds a NUL byte: it is not a text file.",
  },
  "line-endings-cr": {
    fr: () => "Fins de ligne en CR seul (ancien Mac)\u202F: utilisez LF ou CRLF.",
    en: () => "Line endings are bare CR (old Mac): use LF or CRLF.",
  },
  "file-empty": {
    fr: () => "Le fichier est vide. Une offre commence par un en-tête entre deux lignes `---`.",
    en: () => "The file is empty: a posting starts with front matter between two `---` lines.",
  },
  "front-matter-missing": {
    fr: () =>
      "Pas d'en-tête\u202F: la première ligne du fichier doit être `---`, suivie des champs (`roles`, `open`…) puis d'une ligne `---`.",
    en: () => "No front matter: the first line of the file must be `---`, followed by the fields (`roles`, `open`…) and a `---` line.",
  },
  "front-matter-not-first": {
    fr: () => "L'en-tête doit commencer à la toute première ligne du fichier\u202F: supprimez les lignes avant ce `---`.",
    en: () => "The front matter must start on the very first line of the file: remove the lines before this `---`.",
  },
  "front-matter-fence-indented": {
    fr: () => "Cette ligne `---` est précédée d'espaces\u202F: elle doit commencer en début de ligne.",
    en: () => "This `---` line starts with spaces: it must start at the beginning of the line.",
  },
  "front-matter-fence-dashes": {
    fr: () => "La ligne qui ouvre l'en-tête doit être exactement `---` (trois tirets).",
    en: () => "The opening line of the front matter must be exactly `---` (three dashes).",
  },
  "front-matter-opening-missing": {
    fr: () => "La ligne `---` qui ouvre l'en-tête manque\u202F: ajoutez `---` en première ligne, avant les champs.",
    en: () => "The opening `---` line of the front matter is missing: add `---` as the first line, before the fields.",
  },
  "front-matter-unclosed": {
    fr: () => "L'en-tête n'est pas fermé\u202F: ajoutez une ligne `---` après le dernier champ.",
    en: () => "The front matter is not closed: add a `---` line after the last field.",
  },
  "front-matter-language": {
    fr: (p: P) =>
      `En-tête écrit en «\u202F${s(p, "language")}\u202F»\u202F: seul le YAML est accepté. Écrivez \`---\` seul\u202F; ce contenu n'est pas exécuté.`,
    en: (p: P) => `Front matter in “${s(p, "language")}”: only YAML is accepted (write \`---\` alone); this content is not run.`,
  },
  "front-matter-language-yaml": {
    fr: () => "Écrivez `---` seul\u202F: Jekyll ne voit pas l'en-tête quand un langage suit les tirets.",
    en: () => "Write `---` alone: Jekyll does not see the front matter when a language follows the dashes.",
  },
  "front-matter-empty": {
    fr: () => "L'en-tête est vide\u202F: il faut au moins `roles` et `open`.",
    en: () => "The front matter is empty: `roles` and `open` at least are needed.",
  },
  "front-matter-not-mapping": {
    fr: (p: P) => `L'en-tête doit être une suite de champs \`clé: valeur\`, pas ${p.kind === "list" ? "une liste" : "un texte seul"}.`,
    en: (p: P) => `The front matter must be \`key: value\` fields, not ${p.kind === "list" ? "a list" : "a lone value"}.`,
  },
  // YAML: one message per mistake a posting can make (src/core/yaml-reading.ts), the generic one last
  "yaml-syntax": {
    fr: (p: P) => `L'en-tête n'est pas du YAML valide ici. Vérifiez les guillemets, les \`:\` et l'alignement des lignes.${detail(p)}`,
    en: (p: P) => `The front matter is not valid YAML here. Check the quotes, the \`:\` and how lines line up.${detail(p)}`,
  },
  "yaml-tab-indent": {
    fr: () => "Tabulation en début de ligne\u202F: en YAML, on décale avec des espaces.",
    en: () => "Tab at the start of the line: YAML is indented with spaces.",
  },
  "yaml-colon-in-value": {
    fr: () => 'Le `: ` de cette valeur annonce un nouveau champ en YAML\u202F: mettez toute la valeur entre guillemets (`"…"`).',
    en: () => 'The `: ` in this value starts a new field in YAML: put the whole value in quotes (`"…"`).',
  },
  "yaml-indented-field": {
    fr: (p: P) =>
      `Cette ligne est décalée\u202F: elle est lue comme la suite de la valeur du dessus. Si \`${s(p, "key")}\` est un champ, retirez les espaces du début de ligne.`,
    en: (p: P) =>
      `This line is indented: it is read as the rest of the value above. If \`${s(p, "key")}\` is a field, remove the spaces at the start of the line.`,
  },
  "yaml-colon-space": {
    fr: (p: P) => `Il manque une espace après le \`:\`\u202F: écrivez \`${s(p, "example")}\`.`,
    en: (p: P) => `A space is missing after the \`:\`: write \`${s(p, "example")}\`.`,
  },
  "yaml-not-a-field": {
    fr: () => "Cette ligne n'est pas un champ `clé: valeur`. Si elle continue la valeur du dessus, décalez-la de deux espaces.",
    en: () => "This line is not a `key: value` field. If it continues the value above, indent it by two spaces.",
  },
  "yaml-quote-unclosed": {
    fr: (p: P) => `Le guillemet \`${s(p, "quote")}\` ouvert ici n'est jamais fermé\u202F: ajoutez-le à la fin de la valeur.`,
    en: (p: P) => `The quote \`${s(p, "quote")}\` opened here is never closed: add it at the end of the value.`,
  },
  "yaml-apostrophe-in-quotes": {
    fr: () =>
      "L'apostrophe ferme ici la valeur ouverte par `'`. Entourez la valeur de guillemets doubles (`\"L'équipe\"`) ou doublez l'apostrophe (`''`).",
    en: () =>
      "The apostrophe closes here the value opened with `'`. Put the value in double quotes (`\"L'équipe\"`) or double the apostrophe (`''`).",
  },
  "yaml-quote-in-quotes": {
    fr: () =>
      "Ce guillemet `\"` ferme la valeur avant sa fin. Entourez la valeur de guillemets simples (`'…'`) ou écrivez `\\\"` dans le texte.",
    en: () => "This `\"` quote closes the value before its end. Put the value in single quotes (`'…'`) or write `\\\"` in the text.",
  },
  "yaml-text-after-list": {
    fr: (p: P) => `Du texte suit le \`${s(p, "close")}\` qui ferme la liste\u202F: mettez toute la valeur entre guillemets (\`"…"\`).`,
    en: (p: P) => `Text follows the \`${s(p, "close")}\` that closes the list: put the whole value in quotes (\`"…"\`).`,
  },
  "yaml-flow-unclosed": {
    fr: (p: P) =>
      `Le \`${s(p, "open")}\` ouvert ici n'est pas fermé\u202F: ajoutez \`${s(p, "close")}\` à la fin, ou mettez toute la valeur entre guillemets.`,
    en: (p: P) =>
      `The \`${s(p, "open")}\` opened here is not closed: add \`${s(p, "close")}\` at the end, or put the whole value in quotes.`,
  },
  "yaml-bad-indent": {
    fr: () =>
      "Cette ligne n'est pas alignée. Un champ commence en début de ligne\u202F; les `- ` d'une même liste sont tous au même décalage.",
    en: () => "This line is not aligned. A field starts at the beginning of the line; the `- ` of one list all have the same indentation.",
  },
  "yaml-dash-space": {
    fr: (p: P) => `Il manque une espace après le tiret\u202F: écrivez \`${s(p, "example")}\`.`,
    en: (p: P) => `A space is missing after the dash: write \`${s(p, "example")}\`.`,
  },
  "yaml-list-same-line": {
    fr: (p: P) =>
      `Une liste commence à la ligne suivante\u202F: laissez \`${s(p, "key")}:\` seul sur sa ligne, puis un élément par ligne, précédé de \`- \`.`,
    en: (p: P) => `A list starts on the next line: leave \`${s(p, "key")}:\` alone on its line, then one item per line, after \`- \`.`,
  },
  "yaml-block-scalar": {
    fr: () => "Après `|` ou `>`, le texte commence à la ligne suivante, décalé de deux espaces.",
    en: () => "After `|` or `>`, the text starts on the next line, indented by two spaces.",
  },
  "yaml-dq-escape": {
    fr: (p: P) =>
      `Entre guillemets doubles, \`\\\` annonce un caractère spécial, et \`${s(p, "sequence")}\` n'en est pas un. Écrivez \`\\\\\`, ou mettez la valeur entre guillemets simples.`,
    en: (p: P) =>
      `Inside double quotes, \`\\\` starts a special character, and \`${s(p, "sequence")}\` is not one. Write \`\\\\\`, or put the value in single quotes.`,
  },
  "yaml-comment-space": {
    fr: () => "Un commentaire `#` doit suivre une espace. Si `#` fait partie de la valeur, mettez toute la valeur entre guillemets.",
    en: () => "A `#` comment must follow a space. If `#` is part of the value, put the whole value in quotes.",
  },
  "yaml-bad-start": {
    fr: (p: P) => `Une valeur ne peut pas commencer par ${startChar(p, "ou")}\u202F: mettez-la entre guillemets.`,
    en: (p: P) => `A value cannot start with ${startChar(p, "or")}: put it in quotes.`,
  },
  "yaml-key-too-long": {
    fr: () => "Clé de plus de 1024 caractères\u202F: ce n'est pas une clé YAML valide.",
    en: () => "Key over 1024 characters: not a valid YAML key.",
  },
  "yaml-too-deep": {
    fr: (p: P) => `Imbrication trop profonde (plus de ${s(p, "max")} niveaux)\u202F: l'en-tête n'est pas lu.`,
    en: (p: P) => `Nesting too deep (over ${s(p, "max")} levels): the front matter is not read.`,
  },
  "yaml-aliases": {
    fr: (p: P) => `Trop d'alias YAML (plus de ${s(p, "max")} expansions)\u202F: l'en-tête n'est pas lu.`,
    en: (p: P) => `Too many YAML aliases (over ${s(p, "max")} expansions): the front matter is not read.`,
  },
  "yaml-tag": {
    fr: (p: P) => `Étiquette YAML \`${s(p, "tag")}\` refusée\u202F: une offre n'a que des textes, des nombres, des booléens et des listes.`,
    en: (p: P) => `YAML tag \`${s(p, "tag")}\` refused: a posting only holds texts, numbers, booleans and lists.`,
  },
  "yaml-complex-key": {
    fr: () => "Une clé doit être un simple mot, pas une liste ni un ensemble.",
    en: () => "A key must be a plain word, not a list or a mapping.",
  },
  "yaml-several-documents": {
    fr: () => "Cette ligne coupe l'en-tête en deux documents YAML\u202F: il n'en faut qu'un.",
    en: () => "This line splits the front matter into two YAML documents: only one is allowed.",
  },
  "duplicate-key": {
    fr: (p: P) => `Le champ \`${s(p, "key")}\` est déjà défini ligne ${s(p, "firstLine")}\u202F: gardez-en un seul.`,
    en: (p: P) => `The field \`${s(p, "key")}\` is already set on line ${s(p, "firstLine")}: keep only one.`,
  },
  "internal-error": {
    fr: (p: P) => `Erreur interne du vérificateur (merci de la signaler)\u202F: ${s(p, "detail")}`,
    en: (p: P) => `Internal error of the checker (please report it): ${s(p, "detail")}`,
  },
  // Rules
  "file-extension": {
    fr: (p: P) => `Le fichier «\u202F${s(p, "name")}\u202F» doit finir par \`.md\`\u202F: sinon l'offre n'est pas publiée.`,
    en: (p: P) => `The file “${s(p, "name")}” must end in \`.md\`: otherwise the posting is not published.`,
  },
  "file-date-missing": {
    fr: (p: P) =>
      `Ni date au début du nom du fichier, ni \`date\` dans l'en-tête\u202F: l'adresse de la page et «\u202FPoste ouvert le\u202F» prendraient le jour de chaque construction du site. Renommez le fichier \`${s(p, "rename") || `AAAA-MM-JJ-${s(p, "name")}`}\` ou ajoutez \`date: AAAA-MM-JJ\`.`,
    en: (p: P) =>
      `No date at the start of the file name and no \`date\` in the front matter: the page's address and “Poste ouvert le” would take the day the site is built. Rename the file \`${s(p, "rename") || `YYYY-MM-DD-${s(p, "name")}`}\` or add \`date: YYYY-MM-DD\`.`,
  },
  "file-date-invalid": {
    fr: (p: P) =>
      `Le nom du fichier «\u202F${s(p, "name")}\u202F» commence par un jour qui n'existe pas\u202F: Jekyll arrêterait la construction du site. Écrivez un vrai jour, AAAA-MM-JJ.`,
    en: (p: P) =>
      `The file name “${s(p, "name")}” starts with a day that does not exist: Jekyll would stop building the site. Write a real day, YYYY-MM-DD.`,
  },
  "roles-missing": {
    fr: () => "Pas de `roles`\u202F: la page et la liste des offres n'auraient pas de titre. Ajoutez `roles: intitulé du poste`.",
    en: () => "No `roles`: the page and the list of postings would have no title. Add `roles: job title`.",
  },
  "open-missing": {
    fr: () =>
      "Pas de `open`\u202F: la page dirait «\u202FCe poste a été pourvu\u202F» et l'API n'aurait pas l'offre. Ajoutez `open: true`.",
    en: () => "No `open`: the page would say “Ce poste a été pourvu” and the API would leave the posting out. Add `open: true`.",
  },
  "open-not-boolean": {
    fr: (p: P) =>
      `\`open\` vaut «\u202F${s(p, "value")}\u202F»\u202F: la page et l'API ne le lisent pas de la même façon. Écrivez ${p.fix ? `\`open: ${s(p, "fix")}\`` : "`open: true` ou `open: false`"}, sans guillemets.`,
    en: (p: P) =>
      `\`open\` is “${s(p, "value")}”: the page and the API do not read it the same way. Write ${p.fix ? `\`open: ${s(p, "fix")}\`` : "`open: true` or `open: false`"}, without quotes.`,
  },
  "open-not-boolean-read": {
    fr: (p: P) =>
      `\`open\` vaut «\u202F${s(p, "value")}\u202F»\u202F: le site le lit bien, mais écrivez \`open: ${s(p, "fix")}\`, sans guillemets.`,
    en: (p: P) => `\`open\` is “${s(p, "value")}”: the site reads it right, but write \`open: ${s(p, "fix")}\`, without quotes.`,
  },
  "team-missing": {
    fr: () =>
      "L'en-tête ne dit pas qui recrute\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F». Ajoutez `startup: identifiant` pour une startup d'État, sinon `friend: Nom de l'équipe` (le nom que la page affiche).",
    en: () =>
      "The front matter does not say who is hiring: the page will show “beta.gouv.fr recrute”. Add `startup: id` for a startup, or else `friend: Team name` (the name the page shows).",
  },
  "startup-unknown": {
    fr: (p: P) =>
      `La startup «\u202F${s(p, "value")}\u202F» n'existe pas dans content/_startups\u202F: la page affichera «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier)\u202F; pour une équipe qui n'est pas une startup d'État, \`friend: Nom de l'équipe\` (c'est ce nom que la page affiche).`,
    en: (p: P) =>
      `The startup “${s(p, "value")}” does not exist in content/_startups: the page will show “beta.gouv.fr recrute”, without a startup card. Write a startup's id (its file name); for a team that is not a startup, \`friend: Team name\` (the name the page shows).`,
  },
  "startup-unknown-suggestion": {
    fr: (p: P) =>
      `La startup «\u202F${s(p, "value")}\u202F» n'existe pas dans content/_startups\u202F: vouliez-vous dire ${list(p, "fr")}\u202F? Sinon la page affichera «\u202Fbeta.gouv.fr recrute\u202F».`,
    en: (p: P) =>
      `The startup “${s(p, "value")}” does not exist in content/_startups: did you mean ${list(p, "en")}? Otherwise the page will show “beta.gouv.fr recrute”.`,
  },
  "startup-unknown-friend": {
    fr: (p: P) =>
      `La startup «\u202F${s(p, "value")}\u202F» n'existe pas dans content/_startups\u202F: la page n'affichera pas sa fiche. Écrivez son identifiant (le nom de son fichier) ou retirez \`startup\`.`,
    en: (p: P) =>
      `The startup “${s(p, "value")}” does not exist in content/_startups: the page will not show its card. Write its id (its file name) or remove \`startup\`.`,
  },
  "startup-unknown-suggestion-friend": {
    fr: (p: P) =>
      `La startup «\u202F${s(p, "value")}\u202F» n'existe pas dans content/_startups\u202F: vouliez-vous dire ${list(p, "fr")}\u202F? Sinon la page n'affichera pas sa fiche.`,
    en: (p: P) =>
      `The startup “${s(p, "value")}” does not exist in content/_startups: did you mean ${list(p, "en")}? Otherwise the page will not show its card.`,
  },
  "startup-by-name": {
    fr: (p: P) =>
      `\`startup\` attend l'identifiant de la startup${p.title ? ` «\u202F${s(p, "title")}\u202F»` : ""}\u202F: écrivez \`${s(p, "id")}\`. La page cherche la startup par son identifiant.`,
    en: (p: P) =>
      `\`startup\` takes the startup's id${p.title ? ` (“${s(p, "title")}”)` : ""}: write \`${s(p, "id")}\`. The page looks the startup up by its id.`,
  },
  "contract-missing": {
    fr: (p: P) => `Pas de \`contrat\`\u202F: ajoutez le type de contrat, parmi ${s(p, "allowed")}.`,
    en: (p: P) => `No \`contrat\`: add the contract type, among ${s(p, "allowed")}.`,
  },
  "contract-missing-proposal": {
    fr: (p: P) =>
      `Pas de \`contrat\`\u202F; le texte dit «\u202F${s(p, "said")}\u202F». Proposition à vérifier\u202F: \`contrat: ${s(p, "type")}\`.`,
    en: (p: P) => `No \`contrat\`; the text says “${s(p, "said")}”. Proposal to check: \`contrat: ${s(p, "type")}\`.`,
  },
  "contract-alias": {
    fr: (p: P) => `Type de contrat «\u202F${s(p, "value")}\u202F»\u202F: écrivez «\u202F${s(p, "suggestion")}\u202F».`,
    en: (p: P) => `Contract type “${s(p, "value")}”: write “${s(p, "suggestion")}”.`,
  },
  "contract-unknown": {
    fr: (p: P) => `Type de contrat inconnu «\u202F${s(p, "value")}\u202F»\u202F: choisissez parmi ${s(p, "allowed")}.`,
    en: (p: P) => `Unknown contract type “${s(p, "value")}”: choose among ${s(p, "allowed")}.`,
  },
  "date-invalid": {
    fr: (p: P) => `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas un jour qui existe\u202F; écrivez AAAA-MM-JJ.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a day that exists; write YYYY-MM-DD.`,
  },
  "date-invalid-date": {
    fr: (p: P) =>
      `\`date\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas un jour qui existe, et la construction du site s'arrêterait. Écrivez AAAA-MM-JJ.`,
    en: (p: P) => `\`date\`: “${s(p, "value")}” is not a day that exists, and the site's build would stop. Write YYYY-MM-DD.`,
  },
  "date-invalid-closing": {
    fr: (p: P) =>
      `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas un jour qui existe\u202F: l'offre ne serait pas fermée. Écrivez AAAA-MM-JJ.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a day that exists: the posting would not be closed. Write YYYY-MM-DD.`,
  },
  "date-unreadable": {
    fr: (p: P) =>
      `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas une date\u202F; écrivez AAAA-MM-JJ, par exemple 2021-07-07.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a date; write YYYY-MM-DD, e.g. 2021-07-07.`,
  },
  "date-unreadable-date": {
    fr: (p: P) =>
      `\`date\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas une date, et la construction du site s'arrêterait. Écrivez AAAA-MM-JJ, par exemple 2021-07-07.`,
    en: (p: P) => `\`date\`: “${s(p, "value")}” is not a date, and the site's build would stop. Write YYYY-MM-DD, e.g. 2021-07-07.`,
  },
  "date-unreadable-closing": {
    fr: (p: P) =>
      `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas une date\u202F: l'offre ne serait pas fermée. Écrivez AAAA-MM-JJ, par exemple 2021-07-07.`,
    en: (p: P) =>
      `\`${s(p, "key")}\`: “${s(p, "value")}” is not a date: the posting would not be closed. Write YYYY-MM-DD, e.g. 2021-07-07.`,
  },
  "date-format": {
    fr: (p: P) => `\`${s(p, "key")}\`\u202F: écrivez la date au format AAAA-MM-JJ${iso(p, "fr")}.`,
    en: (p: P) => `\`${s(p, "key")}\`: write the date as YYYY-MM-DD${iso(p, "en")}.`,
  },
  "date-format-date": {
    fr: (p: P) =>
      `\`date\`\u202F: écrivez la date au format AAAA-MM-JJ${iso(p, "fr")}\u202F; le site lit mal les autres formats, ou s'arrête.`,
    en: (p: P) => `\`date\`: write the date as YYYY-MM-DD${iso(p, "en")}; the site misreads other formats, or stops.`,
  },
  "date-format-closing": {
    fr: (p: P) => `\`${s(p, "key")}\`\u202F: écrivez la date au format AAAA-MM-JJ${iso(p, "fr")}\u202F; sinon l'offre ne sera pas fermée.`,
    en: (p: P) => `\`${s(p, "key")}\`: write the date as YYYY-MM-DD${iso(p, "en")}; otherwise the posting will not be closed.`,
  },
  "date-timezone": {
    fr: (p: P) =>
      `\`${s(p, "key")}\`\u202F: heure sans fuseau, lue comme l'heure de ${s(p, "zone")} (jour ${s(p, "day")}). Ajoutez le fuseau (\`Z\`, \`+02:00\`) ou n'écrivez que le jour.`,
    en: (p: P) =>
      `\`${s(p, "key")}\`: time without a zone, read as ${s(p, "zone")} time (day ${s(p, "day")}). Add the zone (\`Z\`, \`+02:00\`) or write the day only.`,
  },
  "time-zone-unknown": {
    fr: (p: P) => `Fuseau horaire inconnu dans la configuration\u202F: «\u202F${s(p, "zone")}\u202F».`,
    en: (p: P) => `Unknown time zone in the configuration: “${s(p, "zone")}”.`,
  },
  "date-order": {
    fr: (p: P) =>
      `La date de clôture (\`${s(p, "closingKey")}\`, ${s(p, "closing")}) précède l'ouverture (\`${s(p, "openingKey")}\`, ${s(p, "opening")})\u202F: l'offre serait fermée dès sa publication. Corrigez l'une des deux.`,
    en: (p: P) =>
      `The closing date (\`${s(p, "closingKey")}\`, ${s(p, "closing")}) comes before opening (\`${s(p, "openingKey")}\`, ${s(p, "opening")}): the posting would be closed as soon as published. Fix one of them.`,
  },
  "closing-date-missing": {
    fr: (p: P) => `Offre ouverte sans date de clôture\u202F: ajoutez \`${s(p, "field")}: AAAA-MM-JJ\` pour qu'elle soit fermée à temps.`,
    en: (p: P) => `Open posting without a closing date: add \`${s(p, "field")}: YYYY-MM-DD\` so that it is closed in time.`,
  },
  "contact-invalid": {
    fr: (p: P) =>
      `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est ni une adresse électronique, ni un identifiant prenom.nom.`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is neither an e-mail address nor a firstname.lastname id.`,
  },
  "url-invalid": {
    fr: (p: P) => `\`${s(p, "key")}\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas une adresse web complète (https://…).`,
    en: (p: P) => `\`${s(p, "key")}\`: “${s(p, "value")}” is not a full web address (https://…).`,
  },
  "url-invalid-partner": {
    fr: (p: P) =>
      `\`externalURL\`\u202F: «\u202F${s(p, "value")}\u202F» n'est pas une adresse web complète\u202F: le lien de la page vers l'offre du partenaire ne mènerait nulle part. Écrivez https://…`,
    en: (p: P) =>
      `\`externalURL\`: “${s(p, "value")}” is not a full web address: the page's link to the partner's posting would lead nowhere. Write https://…`,
  },
  "partner-url-missing": {
    fr: (p: P) =>
      `Offre d'un partenaire (\`type: friend\`) sans \`externalURL\`\u202F: le lien «\u202FVoir l'offre sur le site de ${s(p, "friend") || "…"}\u202F» de la page serait vide. Ajoutez \`externalURL: https://…\`.`,
    en: (p: P) =>
      `Partner posting (\`type: friend\`) without \`externalURL\`: the page's link “Voir l'offre sur le site de ${s(p, "friend") || "…"}” would be empty. Add \`externalURL: https://…\`.`,
  },
  "unknown-key": {
    fr: (p: P) => `Champ inconnu \`${s(p, "key")}\`\u202F: il est ignoré.`,
    en: (p: P) => `Unknown field \`${s(p, "key")}\`: it is ignored.`,
  },
  "unknown-key-suggestion": {
    fr: (p: P) => `Champ inconnu \`${s(p, "key")}\`\u202F: vouliez-vous dire \`${s(p, "suggestion")}\`\u202F?`,
    en: (p: P) => `Unknown field \`${s(p, "key")}\`: did you mean \`${s(p, "suggestion")}\`?`,
  },
  "unknown-key-invisible": {
    fr: (p: P) => `Le champ \`${s(p, "key")}\` contient un caractère invisible\u202F: écrivez \`${s(p, "suggestion")}\`.`,
    en: (p: P) => `The field \`${s(p, "key")}\` holds an invisible character: write \`${s(p, "suggestion")}\`.`,
  },
  "key-misspelled": {
    fr: (p: P) => `Écrivez \`${s(p, "suggestion")}\`, pas \`${s(p, "key")}\`\u202F: sinon la valeur est ignorée.`,
    en: (p: P) => `Write \`${s(p, "suggestion")}\`, not \`${s(p, "key")}\`: otherwise the value is ignored.`,
  },
  "key-misspelled-invisible": {
    fr: (p: P) =>
      `Le champ \`${s(p, "key")}\` contient un caractère invisible\u202F: écrivez \`${s(p, "suggestion")}\`, sinon la valeur est ignorée.`,
    en: (p: P) =>
      `The field \`${s(p, "key")}\` holds an invisible character: write \`${s(p, "suggestion")}\`, otherwise the value is ignored.`,
  },
  "invalid-value": {
    fr: (p: P) => `\`${s(p, "key")}\` doit être ${expected(p, "fr")}.`,
    en: (p: P) => `\`${s(p, "key")}\` must be ${expected(p, "en")}.`,
  },
  "invalid-value-boolean": {
    fr: (p: P) => `\`${s(p, "key")}\` doit valoir \`true\` ou \`false\` (sans guillemets), pas «\u202F${s(p, "value")}\u202F».`,
    en: (p: P) => `\`${s(p, "key")}\` must be \`true\` or \`false\` (without quotes), not “${s(p, "value")}”.`,
  },
  "invalid-value-false-text": {
    fr: (p: P) =>
      `\`${s(p, "key")}\` vaut le texte «\u202F${s(p, "value")}\u202F», que le site lit comme vrai. Écrivez \`${s(p, "key")}: ${s(p, "fix") || "false"}\`, sans guillemets.`,
    en: (p: P) =>
      `\`${s(p, "key")}\` holds the text “${s(p, "value")}”, which the site reads as true. Write \`${s(p, "key")}: ${s(p, "fix") || "false"}\`, without quotes.`,
  },
  // Why a rule blocks or not (consequences of src/core/rule-severities.ts), for documents and summaries
  "consequence-not-published": { fr: () => "la page de l'offre n'est pas publiée", en: () => "the posting's page is not published" },
  "consequence-not-read": { fr: () => "le fichier ne peut pas être lu", en: () => "the file cannot be read" },
  "consequence-page-broken": {
    fr: () => "l'en-tête n'est pas lu\u202F: la page n'a ni titre ni état",
    en: () => "the front matter is not read: the page has no title and no state",
  },
  "consequence-page-no-title": {
    fr: () => "la page et la liste des offres n'ont pas de titre",
    en: () => "the page and the list of postings have no title",
  },
  "consequence-page-says-filled": {
    fr: () => "la page dit «\u202FCe poste a été pourvu\u202F» et l'API omet l'offre",
    en: () => "the page says “Ce poste a été pourvu” and the API leaves the posting out",
  },
  "consequence-page-api-disagree": {
    fr: () => "la page et l'API ne disent pas la même chose",
    en: () => "the page and the API say different things",
  },
  "consequence-read-as-meant": {
    fr: () => "le site lit la valeur comme prévu\u202F; seule l'écriture change",
    en: () => "the site reads the value as meant; only the spelling changes",
  },
  "consequence-page-shows-beta": {
    fr: () => "la page affiche «\u202Fbeta.gouv.fr recrute\u202F»",
    en: () => "the page shows “beta.gouv.fr recrute”",
  },
  "consequence-startup-not-found": {
    fr: () => "la page affiche «\u202Fbeta.gouv.fr recrute\u202F», sans fiche de startup",
    en: () => "the page shows “beta.gouv.fr recrute”, without a startup card",
  },
  "consequence-startup-by-name": {
    fr: () => "la liste trouve la startup par son nom, la page seulement par son identifiant",
    en: () => "the list finds the startup by its name, the page only by its id",
  },
  "consequence-no-startup-card": {
    fr: () => "la page affiche le partenaire, sans fiche de startup",
    en: () => "the page shows the partner, without a startup card",
  },
  "consequence-labels-only": {
    fr: () => "seules les étiquettes de l'application lisent ce champ",
    en: () => "only the app's labels read this field",
  },
  "consequence-build-fails": { fr: () => "la construction du site s'arrête", en: () => "the site's build stops" },
  "consequence-closing-unreadable": {
    fr: () => "la fermeture automatique ne lit pas la date\u202F: l'offre reste ouverte",
    en: () => "the closing job cannot read the date: the posting stays open",
  },
  "consequence-date-not-shown": { fr: () => "aucune page n'affiche cette date", en: () => "no page shows this date" },
  "consequence-time-guessed": { fr: () => "l'heure est lue dans le fuseau configuré", en: () => "the time is read in the configured zone" },
  "consequence-closes-at-once": {
    fr: () => "l'offre est fermée dès sa publication",
    en: () => "the posting is closed as soon as published",
  },
  "consequence-stays-open": { fr: () => "rien ne ferme l'offre", en: () => "nothing closes the posting" },
  "consequence-not-shown": { fr: () => "le site n'affiche pas cette valeur", en: () => "the site does not show this value" },
  "consequence-link-broken": {
    fr: () => "le lien vers l'offre du partenaire ne mène nulle part",
    en: () => "the link to the partner's posting leads nowhere",
  },
  "consequence-link-empty": {
    fr: () => "le lien vers l'offre du partenaire est vide",
    en: () => "the link to the partner's posting is empty",
  },
  "consequence-value-lost": {
    fr: () => "la valeur est ignorée, et ce qui en a besoin ne marche pas",
    en: () => "the value is ignored, and what needs it does not work",
  },
  "consequence-detail-lost": {
    fr: () => "la valeur est ignorée\u202F; la page perd seulement ce détail",
    en: () => "the value is ignored; the page only loses that detail",
  },
  "consequence-value-ignored": { fr: () => "la valeur est ignorée", en: () => "the value is ignored" },
  "consequence-last-wins": {
    fr: () => "le site garde la dernière valeur, la même ou sans effet",
    en: () => "the site keeps the last value, the same or without effect",
  },
  "consequence-value-conflict": {
    fr: () => "deux valeurs différentes\u202F: le site garde la dernière",
    en: () => "two different values: the site keeps the last one",
  },
  "consequence-truthy-text": {
    fr: () => "un texte est vrai pour le site\u202F: la page dit le contraire",
    en: () => "a text is true for the site: the page says the opposite",
  },
  "consequence-date-is-build-day": {
    fr: () => "l'adresse et la date de la page changent à chaque construction du site",
    en: () => "the page's address and date change each time the site is built",
  },
});
