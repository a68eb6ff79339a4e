/**
 * docs/configuration.md against the schema: every option of `configSchema` has its section,
 * with the schema's own description and its default value; every example is valid.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { configSchema, DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { parseConfig } from "../../../src/config/parse-config.js";
import { RULE_SEVERITIES } from "../../../src/core/rule-severities.js";
import { RULE_IDS } from "../../../src/core/types.js";

const doc = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");

interface Option {
  path: string[];
  description: string | undefined;
  defaultValue: unknown;
  isObject: boolean;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === "default" || def.type === "prefault" || def.type === "optional") && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function options(shape: Record<string, z.ZodType>, parent: string[] = []): Option[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const path = [...parent, key];
    const inner = unwrap(schema);
    const isObject = inner._zod.def.type === "object";
    const defaultValue = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], DEFAULT_CONFIG);
    const own: Option = { path, description: schema.description, defaultValue, isObject };
    return isObject ? [own, ...options((inner as unknown as { shape: Record<string, z.ZodType> }).shape, path)] : [own];
  });
}

/** A value the way the doc writes it: YAML flow style. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(", ")}}`;
  if (typeof value === "string") return /^\s|\s$|: |^[[{&*!|>'"%@`#]/.test(value) ? JSON.stringify(value) : value;
  return String(value);
}

function section(path: string[]): string {
  const heading = `### \`${path.join(".")}\``;
  const start = doc.indexOf(heading + "\n");
  if (start === -1) return "";
  const rest = doc.slice(start + heading.length);
  const end = rest.search(/\n##+ /);
  return end === -1 ? rest : rest.slice(0, end);
}

function nest(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), value as Record<string, unknown>);
}

describe("docs/configuration.md", () => {
  const all = options(configSchema.shape as unknown as Record<string, z.ZodType>);

  it("walks every option of the schema", () => {
    expect(all.map((o) => o.path.join("."))).toContain("closing.max-pull-requests");
    expect(all.length).toBeGreaterThanOrEqual(23);
  });

  it.each(all.map((o) => [o.path.join("."), o] as const))("documents %s with its description and default", (_key, option) => {
    const text = section(option.path);
    expect(text, `no section for ${option.path.join(".")}`).not.toBe("");
    expect(option.description, "every option has a description in the schema").toBeTruthy();
    expect(text).toContain(option.description!);
    expect(text).toContain(`- Défaut / default : \`${flow(option.defaultValue)}\``);
    // The example, set at its place in the file, is a valid configuration.
    const example = /- Exemple \/ example : `([^`]+)`/.exec(text)?.[1];
    if (!option.isObject) {
      expect(example, `an example for ${option.path.join(".")}`).toBeDefined();
      const value = Object.values(parse(example!) as Record<string, unknown>)[0];
      const config = nest(option.path, value);
      const { problems } = parseConfig(JSON.stringify(config));
      expect(problems).toEqual([]);
    }
  });

  it("lists every rule id", () => {
    for (const rule of RULE_IDS) expect(section(["rules"])).toContain(`| \`${rule}\` |`);
  });

  it("gives each rule its default severity, and names the other severity of its cases (src/core/rule-severities.ts)", () => {
    for (const rule of RULE_IDS) {
      const cases = RULE_SEVERITIES[rule] as Record<string, { severity: string }>;
      const row = section(["rules"])
        .split("\n")
        .find((l) => l.startsWith(`| \`${rule}\` |`))!;
      expect(row.split(" | ")[1], rule).toBe(cases.default!.severity);
      for (const other of new Set(Object.values(cases).map((c) => c.severity))) {
        if (other !== cases.default!.severity) expect(row, rule).toContain(`**${other}**`);
      }
    }
  });

  it("its full example is a valid configuration", () => {
    const yaml = /## Exemple complet[^\n]*\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const parsed = parseConfig(yaml!);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.contracts.aliases).toEqual({ "freelance confirmé": "indépendant", "contrat de mission": "CDD" });
  });
});
