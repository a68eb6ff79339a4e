/**
 * The one table of contract spellings. Keys are spellings as people write them (compared after
 * folding case, accents and invisible characters); values are the canonical types of types.ts.
 * Built from the values found in beta.gouv.fr's postings (content/_jobs and first submissions).
 */
import { CONTRACT_TYPES, type ContractType } from "./types.js";
import { editDistance, foldText, typoBudget } from "./text-fold.js";

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
  /** The value is written exactly with canonical names (`CDD`, `CDD, CDI`, `CDD ou CDI`). */
  canonical: boolean;
  /**
   * What to write instead, when it is certain (the value is only known spellings, nothing else):
   * `indépendent` → `indépendant`, `indépendant/freelance` → `indépendant`.
   */
  suggestion?: string;
}

/** Separators between several types in one value: `CDD ou CDI`, `stage/alternance`, `CDD, CDI`. */
const SEPARATORS = /\s*(?:,|;|\/|\+|&|\s(?:ou|et|or|and)\s)\s*/i;

type Table = Map<string, ContractType>;

function buildTable(extra: Readonly<Record<string, ContractType>>): Table {
  const table: Table = new Map();
  for (const [k, v] of Object.entries(CONTRACT_ALIASES)) table.set(foldText(k), v);
  for (const [k, v] of Object.entries(extra)) {
    if ((CONTRACT_TYPES as readonly string[]).includes(v)) table.set(foldText(k), v);
  }
  return table;
}

const DEFAULT_TABLE = buildTable({});

/**
 * Types named by the words of a part (`CDD 3 ans`, `Fonctionnaire A/A+`, a typo `indépedant`).
 * `clean` when every word names a type (nothing else was written).
 */
function lookupWords(part: string, table: Table): { types: ContractType[]; clean: boolean } {
  const types: ContractType[] = [];
  let clean = true;
  for (const word of part.split(/[^\p{L}\p{N}·]+/u)) {
    if (word === "") continue;
    const found = table.get(word) ?? table.get(word.replace(/·.*$/u, "")) ?? typoMatch(word, table);
    if (found) types.push(found);
    else clean = false;
  }
  return { types, clean: clean && types.length > 0 };
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
 * Reads a `contrat` value: which canonical types it names, whether it is spelled canonically, and
 * the canonical spelling when it can be derived for certain. Tolerates case, accents, spaces.
 */
export function normalizeContract(raw: string, extraAliases: Readonly<Record<string, ContractType>> = {}): ContractReading {
  const table = Object.keys(extraAliases).length === 0 ? DEFAULT_TABLE : buildTable(extraAliases);
  const value = raw.trim();
  const parts = value.split(SEPARATORS).filter((p) => p.trim() !== "");
  const canonical =
    parts.length > 0 && parts.every((p) => (CONTRACT_TYPES as readonly string[]).includes(p.trim())) && parts.length === new Set(parts).size;

  const whole = table.get(foldText(value));
  if (whole) {
    return canonical ? { types: [whole], canonical } : { types: [whole], canonical, suggestion: whole };
  }

  const types: ContractType[] = [];
  let allKnown = parts.length > 0;
  for (const part of parts) {
    const exact = table.get(foldText(part));
    const words = exact ? { types: [exact], clean: true } : lookupWords(foldText(part), table);
    if (!words.clean) allKnown = false;
    for (const t of words.types) if (!types.includes(t)) types.push(t);
  }
  if (canonical || types.length === 0) return { types, canonical };
  return allKnown ? { types, canonical, suggestion: types.join(", ") } : { types, canonical };
}
