/**
 * The rules engine: reads a posting and runs every rule family on it. Pure and total: whatever the
 * input, it returns a report (an internal failure becomes a diagnostic).
 */
import { internalFailure, parsePosting, type ParsedPosting } from "./parse-posting.js";
import { sortDiagnostics } from "./diagnostic.js";
import { checkContacts } from "./rules/contacts.js";
import { checkContract, readContracts } from "./rules/contract.js";
import { checkDates, readClosing, readDays } from "./rules/dates.js";
import type { PostingView, Rule } from "./rules/posting-view.js";
import { checkRolesOpen, rolesText } from "./rules/roles-open.js";
import { checkStructure } from "./rules/structure.js";
import { checkTeam } from "./rules/team.js";
import { checkUnknownKeys } from "./rules/unknown-keys.js";
import { checkValueTypes } from "./rules/value-types.js";
import type { CheckOptions, Diagnostic, PostingReport } from "./types.js";

/** Rule families run on a readable front matter, in order. */
const CONTENT_RULES: readonly Rule[] = [checkRolesOpen, checkTeam, checkContract, checkDates, checkContacts, checkUnknownKeys];

function run(rule: Rule, posting: PostingView, options: CheckOptions): Diagnostic[] {
  try {
    return rule(posting, options);
  } catch (e) {
    return [internalFailure(e)];
  }
}

function applySeverities(list: Diagnostic[], options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of list) {
    const override = Object.prototype.hasOwnProperty.call(options.severities, d.rule) ? options.severities[d.rule] : undefined;
    if (override === "off") continue;
    out.push(override ? { ...d, severity: override } : d);
  }
  return out;
}

function emptyReport(path: string): PostingReport {
  return { path, diagnostics: [], contracts: [], open: null, closingDate: null, closingDateField: null, filled: false, roles: null, openLine: null };
}

/** Own value of a key of the front matter. (A function, not a closure per call: see yaml-simple.ts on keepNames.) */
function own(data: Readonly<Record<string, unknown>>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : undefined;
}

function derive(report: PostingReport, posting: PostingView, options: CheckOptions, parsed: ParsedPosting): void {
  const data = posting.data;
  report.contracts = readContracts(posting, options);
  const open = own(data, "open");
  report.open = typeof open === "boolean" ? open : null;
  const closing = readClosing(readDays(posting, options), options);
  report.closingDate = closing?.day ?? null;
  report.closingDateField = closing?.field ?? null;
  report.filled = own(data, "poste_pourvu") === true;
  report.roles = rolesText(data);
  const openPosition = parsed.positions.get("open");
  report.openLine = openPosition && openPosition.occurrences === 1 ? openPosition.line : null;
}

/** Checks one posting. `path` is relative to the repository root. Never throws. */
export function checkPosting(input: { path: string; content: string | Uint8Array }, options: CheckOptions): PostingReport {
  const path = typeof input?.path === "string" ? input.path : "";
  const report = emptyReport(path);
  const found: Diagnostic[] = [];
  try {
    const parsed = parsePosting(input.content);
    found.push(...parsed.diagnostics);
    const posting: PostingView = { path, parsed, data: parsed.data ?? (Object.create(null) as Record<string, unknown>) };
    found.push(...run(checkStructure, posting, options));
    if (parsed.data) {
      for (const rule of CONTENT_RULES) found.push(...run(rule, posting, options));
      const covered = new Set(found.filter((d) => d.key !== undefined && d.rule !== "unknown-key" && d.rule !== "duplicate-key").map((d) => d.key));
      found.push(...run(checkValueTypes, posting, options).filter((d) => !covered.has(d.key)));
      derive(report, posting, options, parsed);
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
