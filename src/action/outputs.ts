/**
 * The Action's outputs and job summary, written as @actions/core writes them: each output
 * appended to the file named by GITHUB_OUTPUT as `name<<delimiter` … `delimiter` (a value may
 * hold new lines), the summary appended to the file named by GITHUB_STEP_SUMMARY (markdown).
 * Outside a runner (no such variable) nothing is written.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { Env } from "./action-args.js";

export function setOutputs(env: Env, outputs: Readonly<Record<string, string | number | boolean>>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let text = "";
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text, "utf8");
}

export function appendSummary(env: Env, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
}

/** Reads back a GITHUB_OUTPUT file (tests, and anyone checking what a run set). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      out[m[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (lines[i]!.includes("=")) {
      const eq = lines[i]!.indexOf("=");
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return out;
}
