import type { Diagnostic, Fix, RuleId, Severity } from "./types.js";

export interface Place {
  line: number;
  column: number;
}

/** Builds a diagnostic; `extra` carries the optional fix and key. */
export function diagnostic(
  rule: RuleId,
  severity: Severity,
  at: Place,
  messageId: string,
  params: Record<string, string | number> = {},
  extra: { fix?: Fix | undefined; key?: string | undefined } = {},
): Diagnostic {
  const d: Diagnostic = { line: at.line, column: at.column, severity, rule, messageId, params };
  if (extra.fix) d.fix = extra.fix;
  if (extra.key !== undefined) d.key = extra.key;
  return d;
}

/** Sorts by line, then column, then rule id (stable for equal places). */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export const FILE_START: Place = { line: 1, column: 1 };
