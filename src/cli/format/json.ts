/**
 * `--format json`: one document, keys in a fixed order, for scripts.
 * {"files":[{"path","contracts","open","closingDate","diagnostics":[{"line","column","severity","rule","message","fix"?}]}],
 *  "summary":{"files","errors","warnings"}}
 */
import { renderMessage, totals, type Formatter } from "./types.js";

export const formatJson: Formatter = (results, { lang }) => {
  const files = results.map(({ displayPath, report }) => ({
    path: displayPath,
    contracts: report.contracts,
    open: report.open,
    closingDate: report.closingDate,
    diagnostics: report.diagnostics.map((d) => ({
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.rule,
      message: renderMessage(d, lang),
      // A proposal (to check before applying) says so: `certain: false`.
      ...(d.fix ? { fix: { line: d.fix.line, text: d.fix.text, ...(d.fix.certain === false ? { certain: false } : {}) } } : {}),
    })),
  }));
  return `${JSON.stringify({ files, summary: totals(results) }, null, 2)}\n`;
};
