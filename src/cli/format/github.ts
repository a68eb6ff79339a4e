/**
 * `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner
 * turns into annotations on the files. Escaping is exactly @actions/core's (command.ts):
 * data escapes `%`, CR and LF; properties also escape `:` and `,`; empty properties are left out.
 */
import { t } from "../../messages/index.js";
import { renderMessage, totals, type Formatter } from "./types.js";

export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::command key=value,…::message`, as @actions/core's Command.toString(). */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

export const formatGithub: Formatter = (results, { lang }) => {
  const lines: string[] = [];
  for (const { displayPath, report } of results)
    for (const d of report.diagnostics)
      lines.push(workflowCommand(d.severity, { file: displayPath, line: d.line, col: d.column, title: d.rule }, renderMessage(d, lang)));
  const sum = totals(results);
  lines.push(
    sum.errors + sum.warnings > 0
      ? t(lang, "cli-summary-problems", { problems: sum.errors + sum.warnings, ...sum })
      : t(lang, "cli-summary-ok", { files: sum.files }),
  );
  return `${lines.join("\n")}\n`;
};
