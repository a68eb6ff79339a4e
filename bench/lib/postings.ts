/**
 * Postings of the benchmarks' pull requests: the review fixtures (test/fixtures/review), one with
 * errors (unknown startup, misspelled contract, `open: oui`, a date not in ISO form: a comment
 * and suggestions) and its fixed version (a check run and a contract label only), each made
 * distinct by its role and contract.
 */
import { readFileSync } from "node:fs";

const WITH_ERRORS = readFileSync(new URL("../../test/fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const FIXED = readFileSync(new URL("../../test/fixtures/review/posting-fixed.md", import.meta.url), "utf8");
const ROLE = "roles: Développeur·se full stack";
export const CONTRACTS = ["CDI", "CDD", "indépendant"] as const;

export interface Posting {
  filename: string;
  content: string;
}

/**
 * Posting `i` of a pull request (`tag`: to tell pull requests apart). Fixed ones take the contracts
 * in turn (i = 0: indépendant, the fixed version of the one with errors) unless `contract` is given.
 */
export function posting(i: number, withErrors: boolean, options: { tag?: string; contract?: string } = {}): Posting {
  const tag = options.tag ?? "";
  const role = `roles: Poste ${tag}${i}`;
  const contract = options.contract ?? CONTRACTS[(i + 2) % 3]!;
  const content = withErrors
    ? WITH_ERRORS.replace(ROLE, role)
    : FIXED.replace(ROLE, role).replace("contrat: indépendant", `contrat: ${contract}`);
  return { filename: `content/_jobs/2026-03-${String(i + 1).padStart(2, "0")}-poste${tag ? `-${tag}` : ""}.md`, content };
}

/** A 40-hex commit id from a number. */
export function sha(n: number): string {
  return n.toString(16).padStart(40, "0");
}
