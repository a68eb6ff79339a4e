/**
 * `--format text` (default), after eslint's "stylish": the file, then one aligned row per
 * diagnostic (`line:col  severity  message  rule`), then a summary line.
 */
import { t } from "../../messages/index.js";
import { renderMessage, totals, type Formatter } from "./types.js";

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const styles = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  underline: ansi(4, 24),
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
};
const plain = (s: string) => s;

/** Control characters (from file names or file contents) shown escaped, never sent to the terminal. */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/\r\n|\r|\n/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function padEnd(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

function padStart(s: string, w: number): string {
  return " ".repeat(Math.max(0, w - width(s))) + s;
}

export const formatText: Formatter = (results, { lang, colour }) => {
  const c = colour ? styles : { bold: plain, dim: plain, underline: plain, red: plain, green: plain, yellow: plain };
  const out: string[] = [];
  for (const { displayPath, report } of results) {
    if (report.diagnostics.length === 0) continue;
    const rows = report.diagnostics.map((d) => ({
      line: String(d.line),
      column: String(d.column),
      severity: t(lang, d.severity === "error" ? "cli-severity-error" : "cli-severity-warning"),
      isError: d.severity === "error",
      message: sanitize(renderMessage(d, lang)),
      rule: d.rule,
      fix: d.fix ? sanitize(t(lang, "cli-fix", { line: d.fix.line, text: d.fix.text })) : undefined,
    }));
    const wLine = Math.max(...rows.map((r) => width(r.line)));
    const wPos = Math.max(...rows.map((r) => wLine + 1 + width(r.column)));
    const wSeverity = Math.max(...rows.map((r) => width(r.severity)));
    const wMessage = Math.max(...rows.map((r) => width(r.message)));
    out.push(c.underline(sanitize(displayPath)));
    for (const r of rows) {
      const pos = padEnd(`${padStart(r.line, wLine)}:${r.column}`, wPos);
      const severity = padEnd(r.severity, wSeverity);
      out.push(`  ${c.dim(pos)}  ${r.isError ? c.red(severity) : c.yellow(severity)}  ${padEnd(r.message, wMessage)}  ${c.dim(r.rule)}`);
      if (r.fix) out.push(`  ${" ".repeat(wPos)}  ${" ".repeat(wSeverity)}  ${c.dim(r.fix)}`);
    }
    out.push("");
  }
  const sum = totals(results);
  const problems = sum.errors + sum.warnings;
  if (problems === 0) out.push(c.green(t(lang, "cli-summary-ok", { files: sum.files })));
  else {
    const line = t(lang, "cli-summary-problems", { problems, ...sum });
    out.push(c.bold(sum.errors > 0 ? c.red(line) : c.yellow(line)));
  }
  return `${out.join("\n")}\n`;
};
