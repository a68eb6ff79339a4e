/**
 * `--format text` (default), after eslint's "stylish": the file, then one row per diagnostic
 * (`line:col  severity  rule  message`, the short columns aligned, the message last so that a
 * long one does not push the others), then a summary line.
 */
import { styleText } from "node:util";
import { t } from "../../messages/index.js";
import { renderMessage, totals, type Formatter } from "./types.js";

type Style = "bold" | "dim" | "underline" | "red" | "green" | "yellow";
// Whether to colour is decided once by the command (`colour`: a terminal, no NO_COLOR), for the
// stream it writes to: styleText must not decide again from process.stdout.
const style = (format: Style) => (s: string) => styleText(format, s, { validateStream: false });
const styles: Record<Style, (s: string) => string> = {
  bold: style("bold"),
  dim: style("dim"),
  underline: style("underline"),
  red: style("red"),
  green: style("green"),
  yellow: style("yellow"),
};
const plain = (s: string) => s;

/** Control characters (from file names or file contents) shown escaped, never sent to the terminal. */
export function sanitize(s: string): string {
  return (
    s
      .replace(/\r\n|\r|\n/g, " ")
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
  );
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
      // A fix that writes two lines shows them joined by ⏎.
      fix: d.fix
        ? sanitize(
            t(lang, d.fix.certain === false ? "cli-proposal" : "cli-fix", { line: d.fix.line, text: d.fix.text.split("\n").join(" ⏎ ") }),
          )
        : undefined,
    }));
    const wLine = Math.max(...rows.map((r) => width(r.line)));
    const wPos = Math.max(...rows.map((r) => wLine + 1 + width(r.column)));
    const wSeverity = Math.max(...rows.map((r) => width(r.severity)));
    const wRule = Math.max(...rows.map((r) => width(r.rule)));
    out.push(c.underline(sanitize(displayPath)));
    for (const r of rows) {
      const pos = padEnd(`${padStart(r.line, wLine)}:${r.column}`, wPos);
      const severity = padEnd(r.severity, wSeverity);
      out.push(`  ${c.dim(pos)}  ${r.isError ? c.red(severity) : c.yellow(severity)}  ${c.dim(padEnd(r.rule, wRule))}  ${r.message}`);
      if (r.fix) out.push(`  ${" ".repeat(wPos)}  ${" ".repeat(wSeverity)}  ${" ".repeat(wRule)}  ${c.dim(r.fix)}`);
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
