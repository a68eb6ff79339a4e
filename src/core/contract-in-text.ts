/**
 * The contract type a posting's text names, when it names exactly one ("stage de 6 mois",
 * "poste ouvert pour un·e indépendant·e", "CDD de 3 ans"): a proposal for a missing `contrat`,
 * for the author to check. Two readings: first the lines that speak of the contract (contrat,
 * statut, modalités, poste ouvert…, and the title), then, when they name no type, the whole text
 * with the words that only mean a contract. Several types named: no proposal.
 */
import type { ContractType } from "./types.js";

export interface ContractInText {
  type: ContractType;
  /** The words of the text that name it, as written (at most a few words). */
  said: string;
}

interface Pattern {
  type: ContractType;
  re: RegExp;
}

// Patterns run on folded text: lower case, no accents (see fold below).
const L = "[\\p{L}\\p{N}]";
const word = (body: string) => new RegExp(`(?<!${L})(?:${body})(?!${L})`, "gu");

/** Words that mean a contract wherever they are. */
const STRONG: Pattern[] = [
  { type: "stage", re: word("stages?|stagiaires?") },
  { type: "indépendant", re: word("free-?lances?|freelancers?") },
  // `indépendant` is also an adjective: "des équipes assez indépendantes".
  {
    type: "indépendant",
    re: word("(?<!(?:assez|tres|plus|plutot|equipes?|autonomes?) (?:et )?)independant(?:e|·e|\\.e|\\(e\\))?(?:·?s)?"),
  },
  { type: "CDD", re: word("cdd") },
  { type: "CDI", re: word("cdi") },
  // Not `apprentissage` alone: a subject as well (Mission apprentissage, machine learning).
  { type: "alternance", re: word("(?<!bonne )alternance|alternant(?:e|·e|\\.e)?s?|contrats? d'apprentissage") },
  { type: "fonctionnaire", re: word("fonctionnaires?|detachement") },
];

/** Words that mean a contract only in a line about the contract. */
const CONTEXT_ONLY: Pattern[] = [
  { type: "indépendant", re: word("prestataires?|prestation|portage salarial|auto-?entrepreneur|micro-?entrepreneur") },
  { type: "CDD", re: word("contractuel(?:le|·le|\\.le)?s?") },
  { type: "fonctionnaire", re: word("titulaires?") },
  { type: "alternance", re: word("apprenti(?:e|·e|\\.e)?s?") },
];

const STRONG_TESTS = STRONG.map((p) => new RegExp(p.re.source, "u"));

/** A line about the contract. */
const CONTRACT_LINE = /contrat|statut|modalit|type de poste|poste ouvert|ouvert (?:aux|a|pour)|remuneration|tjm/u;

/** Text folded for matching, with the index in the original text of each folded character. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’ʼ]/g, "'");
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += c.length;
  }
  origin.push(i);
  return { folded, origin };
}

/** The words of `line` from `start`: the match and up to three words after it in the same clause. */
function saidAt(line: string, start: number, end: number): string {
  const rest = /^[ \p{L}\p{N}'’·]*/u.exec(line.slice(end))?.[0] ?? "";
  const words = rest.split(" ").slice(0, 4).join(" ");
  return `${line.slice(start, end)}${words}`.trim().replace(/\s+/g, " ").slice(0, 60);
}

interface Found {
  types: Set<ContractType>;
  first: ContractInText | null;
}

function scan(lines: readonly string[], patterns: readonly Pattern[], only: ((folded: string) => boolean) | null): Found {
  const found: Found = { types: new Set(), first: null };
  for (const line of lines) {
    const { folded, origin } = fold(line);
    if (only && !only(folded)) continue;
    for (const { type, re } of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
        found.types.add(type);
        if (!found.first) found.first = { type, said: saidAt(line, origin[m.index] ?? 0, origin[m.index + m[0].length] ?? line.length) };
        if (found.types.size > 1) return found;
      }
    }
  }
  return found;
}

/** Most characters of the body read (postings are a few thousand). */
const MAX_TEXT = 50_000;

/**
 * The one contract type `titles` (roles, title) and `body` (the Markdown after the front matter)
 * name, or null when they name none or several.
 */
export function contractInText(titles: readonly string[], body: string): ContractInText | null {
  const text = body.slice(0, MAX_TEXT).replace(/\]\([^)]*\)|<?https?:\/\/\S+|\S+@\S+/g, " ");
  const bodyLines = text.split(/\r?\n/);
  const lines = [...titles, ...bodyLines];
  const inTitles = scan(titles, [...STRONG, ...CONTEXT_ONLY], null);
  const inContext = scan(bodyLines, [...STRONG, ...CONTEXT_ONLY], (folded) => CONTRACT_LINE.test(folded));
  const context: Found = { types: new Set([...inContext.types, ...inTitles.types]), first: inTitles.first ?? inContext.first };
  if (context.types.size === 1) return context.first;
  if (context.types.size > 1) return null;
  // Elsewhere, the lines with a word that only means a contract; every type they name counts
  // ("une trentaine de collaborateurs, fonctionnaires, contractuels et prestataires": several).
  const anywhere = scan(lines, [...STRONG, ...CONTEXT_ONLY], (folded) => STRONG_TESTS.some((re) => re.test(folded)));
  return anywhere.types.size === 1 ? anywhere.first : null;
}
