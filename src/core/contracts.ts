/**
 * The one table of contract spellings. Keys are spellings as people write them (compared after
 * folding case, accents and invisible characters); values are the canonical types of types.ts.
 * Built from the values found in beta.gouv.fr's postings (content/_jobs and first submissions).
 */
import { CONTRACT_TYPES, type ContractType } from "./types.js";
import { cleanInvisible, editDistance, foldText, typoBudget } from "./compare-text.js";

export const CONTRACT_ALIASES: Readonly<Record<string, ContractType>> = {
  // freelance: the most common type of the network
  "indépendant": "indépendant",
  "indépendante": "indépendant",
  "indépendant·e": "indépendant",
  "indépendant.e": "indépendant",
  "indépendant(e)": "indépendant",
  "indépendent": "indépendant",
  "independant": "indépendant",
  "independent": "indépendant",
  "indépendant/freelance": "indépendant",
  "freelance": "indépendant",
  "free-lance": "indépendant",
  "free lance": "indépendant",
  "prestataire": "indépendant",
  "préstataire": "indépendant",
  "prestation": "indépendant",
  // internship
  "stage": "stage",
  "stagiaire": "stage",
  // fixed term
  "CDD": "CDD",
  "contractuel": "CDD",
  "contractuelle": "CDD",
  "contractuel·le": "CDD",
  // permanent
  "CDI": "CDI",
  // civil servant
  "fonctionnaire": "fonctionnaire",
  "fonctionaire": "fonctionnaire",
  "titulaire": "fonctionnaire",
  "détachement": "fonctionnaire",
  // work-study
  "alternance": "alternance",
  "alternant": "alternance",
  "alternant·e": "alternance",
  "apprentissage": "alternance",
  "apprenti": "alternance",
  "apprentie": "alternance",
  "apprenti·e": "alternance",
};

export interface ContractReading {
  /** Canonical types named by the value, in the order written, without repeats (empty: unknown). */
  types: ContractType[];
  /**
   * The value is accepted as written: every type in it is spelled as a canonical type, in any case
   * and inclusive form (`CDD`, `cdi`, `Stage`, `indépendant·e`, `indépendantes`), whatever else it
   * says (`CDD 3 ans`, `CDD ou CDI`).
   */
  canonical: boolean;
  /**
   * What to write instead, when it is certain, never dropping what the value says: a value made
   * only of type names becomes the canonical types (`indépendent` → `indépendant`,
   * `indépendant/freelance` → `indépendant`); otherwise each misspelled type is replaced in place
   * (`Fonctionaire A/A+` → `fonctionnaire A/A+`).
   */
  suggestion?: string;
}

/** Words between several types in one value: `CDD ou CDI`, `stage et alternance`. */
const JOINING_WORDS = new Set(["ou", "et", "or", "and"]);

/** Endings of a type's accepted inclusive and plural forms: `indépendant·e`, `indépendant.e.s`, `indépendant(e)`. */
const INCLUSIVE_ENDINGS = ["", "s", "e", "es", "·e", "·es", "·e·s", ".e", ".es", ".e.s", "(e)", "(e)s", "-e", "-es"];

/** Accepted spellings (lower case, accents kept) → canonical type. */
const ACCEPTED: ReadonlyMap<string, ContractType> = new Map(
  CONTRACT_TYPES.flatMap((type) => INCLUSIVE_ENDINGS.map((ending) => [`${type.toLowerCase()}${ending}`, type] as const)),
);

/** A word of a value, inclusive forms kept whole: `indépendant·e`, `indépendant(e)s`, `free-lance`. */
const WORD = /[\p{L}\p{N}]+(?:[·.-]\p{L}+|\(\p{L}+\)\p{L}*)*/gu;

type Table = Map<string, ContractType>;

function buildTable(extra: Readonly<Record<string, ContractType>>): Table {
  const table: Table = new Map();
  for (const [k, v] of Object.entries(CONTRACT_ALIASES)) table.set(foldText(k), v);
  for (const [k, v] of Object.entries(extra)) {
    if ((CONTRACT_TYPES as readonly string[]).includes(v)) table.set(foldText(k), v);
  }
  return table;
}

function accepted(text: string): ContractType | undefined {
  return ACCEPTED.get(cleanInvisible(text).toLowerCase());
}

/** The type a word other than an accepted spelling stands for: an alias, an inclusive alias, a typo. */
function aliasOf(word: string, table: Table): ContractType | null {
  const folded = foldText(word);
  return table.get(folded) ?? table.get(folded.replace(/[·.(-].*$/u, "")) ?? typoMatch(folded, table);
}

/** A single unambiguous near miss of a one-word spelling (`indépedant`, `stgae`). */
function typoMatch(word: string, table: Table): ContractType | null {
  const budget = typoBudget(word.length);
  if (budget === 0) return null;
  let best = budget + 1;
  let types = new Set<ContractType>();
  for (const [key, type] of table) {
    if (key.includes(" ")) continue;
    const d = editDistance(word, key, best);
    if (d < best) {
      best = d;
      types = new Set([type]);
    } else if (d === best && d <= budget) types.add(type);
  }
  return types.size === 1 ? ([...types][0] ?? null) : null;
}

/**
 * Reads a `contrat` value: which canonical types it names, whether it is accepted as written, and
 * what to write instead when that is certain. Tolerates case, accents, spaces, inclusive forms.
 */
export function normalizeContract(raw: string, extraAliases: Readonly<Record<string, ContractType>> = {}): ContractReading {
  const table = buildTable(extraAliases);
  const value = cleanInvisible(raw);

  const whole = accepted(value) ?? table.get(foldText(value));
  if (whole) return accepted(value) ? { types: [whole], canonical: true } : { types: [whole], canonical: false, suggestion: whole };

  const types: ContractType[] = [];
  /** Misspelled types: where they are in `value` and the canonical name to write there. */
  const replacements: Array<{ start: number; end: number; type: ContractType }> = [];
  let onlyTypes = true;
  for (const m of value.matchAll(WORD)) {
    const word = m[0];
    const start = m.index ?? 0;
    if (JOINING_WORDS.has(word.toLowerCase())) continue;
    let type: ContractType | null | undefined = accepted(word);
    if (!type) {
      type = aliasOf(word, table);
      if (type) replacements.push({ start, end: start + word.length, type });
    }
    if (!type) {
      onlyTypes = false;
      continue;
    }
    if (!types.includes(type)) types.push(type);
  }
  if (types.length === 0) return { types, canonical: false };
  if (replacements.length === 0) return { types, canonical: true };
  if (onlyTypes) return { types, canonical: false, suggestion: types.join(", ") };
  let suggestion = value;
  for (const r of [...replacements].reverse()) suggestion = `${suggestion.slice(0, r.start)}${r.type}${suggestion.slice(r.end)}`;
  return { types, canonical: false, suggestion };
}
