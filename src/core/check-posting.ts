/**
 * The rules engine: reads a posting and runs every rule family on it. Pure and total: whatever the
 * input, it returns a report (an internal failure becomes a diagnostic).
 */
import { internalFailure, parsePosting } from "./parse-posting.js";
import { sortDiagnostics } from "./diagnostic.js";
import type { PostingCache } from "./posting-cache.js";
import { isConsumed, severityOf } from "./rule-severities.js";
import { checkContacts } from "./rules/contacts.js";
import { checkContract, readContracts } from "./rules/contract.js";
import { checkDates, readClosing } from "./rules/dates.js";
import { valueOf, type PostingView, type Rule } from "./rules/posting-view.js";
import { checkRolesOpen, rolesText } from "./rules/roles-open.js";
import { checkFileDate, checkStructure } from "./rules/structure.js";
import { checkTeam } from "./rules/team.js";
import { checkUnknownKeys } from "./rules/unknown-keys.js";
import { checkValueTypes } from "./rules/value-types.js";
import type { CheckOptions, Diagnostic, PostingReport, Recruiter, RuleId } from "./types.js";

/** Rule families run on a readable front matter, in order. */
const CONTENT_RULES: readonly Rule[] = [
  checkRolesOpen,
  checkTeam,
  checkContract,
  checkDates,
  checkContacts,
  checkFileDate,
  checkUnknownKeys,
];

/**
 * Rules that report a missing key, and the keys whose absence they report: when that key is only
 * misspelled (`key-misspelled`), the misspelling is the one message for the one cause.
 */
const CAUSED_BY_ABSENCE: Partial<Record<RuleId, (key: string, d: Diagnostic, options: CheckOptions) => boolean>> = {
  "roles-missing": (key) => key === "roles",
  "open-missing": (key) => key === "open",
  "team-missing": (key) => key === "startup" || key === "friend" || key === "equipe",
  "contract-missing": (key) => key === "contrat",
  "partner-url-missing": (key) => key === "externalURL",
  "file-date-missing": (key) => key === "date",
  "closing-date-missing": (key, _d, options) => options.closingDateFields.includes(key),
};

function run(rule: Rule, posting: PostingView, options: CheckOptions): Diagnostic[] {
  try {
    return rule(posting, options);
  } catch (e) {
    return [internalFailure(e)];
  }
}

/** The repository's `rules:` overrides: another severity, or `off`. */
function applySeverities(list: Diagnostic[], options: CheckOptions): Diagnostic[] {
  return list.flatMap((d) => {
    const override = Object.hasOwn(options.severities, d.rule) ? options.severities[d.rule] : undefined;
    return override === "off" ? [] : [override ? { ...d, severity: override } : d];
  });
}

/** Drops the diagnostics a misspelled key causes (the key it stands for is absent). */
function oneMessagePerCause(list: Diagnostic[], options: CheckOptions): Diagnostic[] {
  const meant = list.filter((d) => d.rule === "key-misspelled").map((d) => String(d.params.suggestion ?? ""));
  if (meant.length === 0) return list;
  return list.filter((d) => {
    const caused = CAUSED_BY_ABSENCE[d.rule];
    return !caused || !meant.some((key) => caused(key, d, options));
  });
}

/**
 * A key written twice: Jekyll keeps the last value. An error when a consumer reads the key and
 * the value before differs from the last one (the page shows one, the author may mean the other).
 */
function duplicateConflicts(d: Diagnostic, posting: PostingView, options: CheckOptions): boolean {
  const position = d.key === undefined ? undefined : posting.parsed.positions.get(d.key);
  if (d.key === undefined || !isConsumed(d.key, options.closingDateFields)) return false;
  if (position?.line !== d.line || position.valueBefore === undefined) return false; // a nested key, or not the last time
  return position.valueBefore !== JSON.stringify(posting.data[d.key]);
}

/**
 * Severities of the reading step from the one table (the reader writes its own), duplicates
 * judged on their values. Copies: a reading may be kept and shared (PostingCache), a report is its own.
 */
function readingSeverities(list: Diagnostic[], posting: PostingView | null, options: CheckOptions): Diagnostic[] {
  return list.map((d) => {
    if (d.messageId === "internal-error") return { ...d };
    const severity =
      d.rule === "duplicate-key" && posting && duplicateConflicts(d, posting, options)
        ? severityOf("duplicate-key", "conflict")
        : severityOf(d.rule);
    return { ...d, severity };
  });
}

/** The report of a posting that could not be read (its problems in `diagnostics`). */
export function emptyReport(path: string, diagnostics: Diagnostic[] = []): PostingReport {
  return {
    path,
    diagnostics,
    contracts: [],
    open: null,
    closingDate: null,
    closingDateField: null,
    filled: false,
    roles: null,
    openLine: null,
    recruiter: null,
    contact: null,
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Who recruits, in the order the page reads it: `friend`, then `startup`, then `equipe`. */
function recruiterOf(posting: PostingView, options: CheckOptions): Recruiter | null {
  const friend = text(valueOf(posting, "friend"));
  if (friend !== null) return { kind: "friend", name: friend };
  const startup = text(valueOf(posting, "startup"));
  if (startup !== null) return { kind: "startup", id: startup, title: options.startupTitles?.get(startup)?.trim() || null };
  const equipe = text(valueOf(posting, "equipe"));
  return equipe !== null ? { kind: "equipe", name: equipe } : null;
}

/** The first contact written: `contact`, else `contacts` (a text, or the first text of a list). */
function contactOf(posting: PostingView): string | null {
  for (const key of ["contact", "contacts"]) {
    const value = valueOf(posting, key);
    const first = Array.isArray(value) ? value.map(text).find((v) => v !== null) : text(value);
    if (first) return first;
  }
  return null;
}

/** What the app and the closing job read in a readable posting, besides its diagnostics. */
function derive(report: PostingReport, posting: PostingView, options: CheckOptions): void {
  const open = valueOf(posting, "open");
  const closing = readClosing(posting, options);
  const openPosition = posting.parsed.positions.get("open");
  report.contracts = readContracts(posting, options);
  report.open = typeof open === "boolean" ? open : null;
  report.closingDate = closing?.day ?? null;
  report.closingDateField = closing?.field ?? null;
  report.filled = valueOf(posting, "poste_pourvu") === true;
  report.roles = rolesText(posting.data);
  report.openLine = openPosition && openPosition.occurrences === 1 ? openPosition.line : null;
  report.recruiter = recruiterOf(posting, options);
  report.contact = contactOf(posting);
}

/**
 * Checks one posting. `path` is relative to the repository root. Never throws. With a `cache`,
 * the reading of a posting whose git blob id (`blob`) was read before is not done again.
 */
export function checkPosting(
  input: { path: string; content: string | Uint8Array; blob?: string },
  options: CheckOptions,
  cache?: PostingCache,
): PostingReport {
  const path = typeof input?.path === "string" ? input.path : "";
  const report = emptyReport(path);
  let found: Diagnostic[] = [];
  try {
    const parsed = cache ? cache.read(input.blob, input.content) : parsePosting(input.content);
    const posting: PostingView = { path, parsed, data: parsed.data ?? (Object.create(null) as Record<string, unknown>) };
    found.push(...readingSeverities(parsed.diagnostics, parsed.data ? posting : null, options));
    found.push(...run(checkStructure, posting, options));
    if (parsed.data) {
      for (const rule of CONTENT_RULES) found.push(...run(rule, posting, options));
      const covered = new Set(
        found
          .filter((d) => d.key !== undefined && d.rule !== "unknown-key" && d.rule !== "key-misspelled" && d.rule !== "duplicate-key")
          .map((d) => d.key),
      );
      found.push(...run(checkValueTypes, posting, options).filter((d) => !covered.has(d.key)));
      found = oneMessagePerCause(found, options);
      derive(report, posting, options);
    }
  } catch (e) {
    found.push(internalFailure(e));
  }
  try {
    report.diagnostics = sortDiagnostics(applySeverities(found, options));
  } catch (e) {
    report.diagnostics = [internalFailure(e)];
  }
  return report;
}
