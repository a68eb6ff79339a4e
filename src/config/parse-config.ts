/**
 * Turns the text of `.github/recrutement-bot.yml` (hostile: anyone with write access, or a
 * mistake) into a valid Config. Never throws: every problem becomes a `ConfigProblem` and the
 * default of the offending key applies; the rest of the file is kept.
 *
 * Problems are data (a message id of src/messages/config.ts and its parameters): the file is
 * read once, and each problem is worded in the reader's language where it is shown
 * (`configProblemText`, or the check run's markdown).
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { configSchema, DEFAULT_CONFIG, type Config } from "./schema.js";
import { hasMessage, tDynamic, type Lang } from "../messages/index.js";
import type { ConfigMessageId } from "../messages/config.js";

export const MAX_CONFIG_BYTES = 64 * 1024;

export interface ConfigProblem {
  /** Dotted key, e.g. `closing.hour`; empty for the whole file. */
  key: string;
  /** The problem's message in the catalogue (src/messages/config.ts). */
  code: ConfigMessageId;
  /** The message's parameters (values from the file: escaped where they are shown). */
  params: Record<string, string | number>;
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

/** The problem in plain text, in `lang` (the command line). */
export function configProblemText(lang: Lang, problem: ConfigProblem): string {
  return tDynamic(lang, problem.code, problem.params);
}

/** The defaults and the one problem of a whole file. */
function wholeFile(code: ConfigMessageId, params: ConfigProblem["params"] = {}, line?: number): ParsedConfig {
  return { config: DEFAULT_CONFIG, problems: [{ key: "", code, params, ...(line !== undefined ? { line } : {}) }] };
}

/** A file over MAX_CONFIG_BYTES: the defaults, without reading it. */
export function tooLargeConfig(): ParsedConfig {
  return wholeFile("config-too-large", { max: MAX_CONFIG_BYTES / 1024 });
}

/** A file that is not text (binary): the defaults. */
export function notTextConfig(): ParsedConfig {
  return wholeFile("config-not-text");
}

export function parseConfig(text: string | null | undefined): ParsedConfig {
  if (text == null || text.trim() === "") return { config: DEFAULT_CONFIG, problems: [] };
  if (text.length > MAX_CONFIG_BYTES || Buffer.byteLength(text, "utf8") > MAX_CONFIG_BYTES) return tooLargeConfig();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return wholeFile("config-invalid-yaml", { code: e.code }, lineCounter.linePos(e.pos[0]).line);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return wholeFile("config-unreadable-yaml");
  }
  if (raw == null) return { config: DEFAULT_CONFIG, problems: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) return wholeFile("config-not-a-mapping");
  const { config, problems } = validate(raw as Record<string, unknown>);
  for (const p of problems) {
    const line = lineOf(doc, lineCounter, p.key);
    if (line !== undefined) p.line = line;
  }
  return { config, problems };
}

function lineOf(doc: Document, lineCounter: LineCounter, key: string): number | undefined {
  if (key === "") return undefined;
  const path = key.split(".");
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const parent = path.length > 1 ? (doc.getIn(path.slice(0, -1), true) as { range?: [number, number, number] } | undefined) : undefined;
  const offset = node?.range?.[0] ?? parent?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** Validates, then drops each offending key (so its default applies) until the rest validates. */
function validate(input: Record<string, unknown>): ParsedConfig {
  const problems: ConfigProblem[] = [];
  let current: Record<string, unknown> = structuredClone(input);
  for (let round = 0; round < 20; round++) {
    const result = configSchema.safeParse(current);
    if (result.success) return { config: result.data, problems };
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          problems.push({ key: [...path, k].join("."), code: "config-unknown-key", params: {} });
          current = removeAt(current, [...path, k]);
        }
      } else {
        problems.push({ key: path.join("."), ...problemOf(issue) });
        current = removeAt(current, path.length > 0 ? path.slice(0, Math.max(1, path.length - (isIndex(path.at(-1)) ? 1 : 0))) : []);
      }
    }
  }
  return { config: DEFAULT_CONFIG, problems };
}

/** A zod issue as a problem of the catalogue: the schema's own checks name their message (schema.ts). */
function problemOf(issue: z.core.$ZodIssue): Pick<ConfigProblem, "code" | "params"> {
  switch (issue.code) {
    case "invalid_type":
      return { code: "config-expected-type", params: { expected: issue.expected } };
    case "invalid_value":
      return { code: "config-one-of", params: { values: issue.values.map(String).join(", ") } };
    case "invalid_key":
      return { code: "config-invalid-key", params: {} };
    case "too_big":
    case "too_small": {
      const limit = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
      // The schema's bounds are inclusive; a strict one would be worded wrong: said generically.
      if (issue.inclusive === false) break;
      return { code: issue.code === "too_big" ? "config-too-big" : "config-too-small", params: { origin: issue.origin, limit } };
    }
  }
  if (hasMessage(issue.message) && issue.message.startsWith("config-")) {
    const params = Object.fromEntries(
      Object.entries((issue as { params?: Record<string, unknown> }).params ?? {}).filter(
        (e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number",
      ),
    );
    return { code: issue.message as ConfigMessageId, params };
  }
  return { code: "config-invalid-value", params: {} };
}

function isIndex(s: string | undefined): boolean {
  return s !== undefined && /^\d+$/.test(s);
}

function removeAt(obj: Record<string, unknown>, path: string[]): Record<string, unknown> {
  if (path.length === 0) return {};
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = { ...obj };
  if (rest.length === 0) {
    delete copy[head];
    return copy;
  }
  const child = copy[head];
  if (child && typeof child === "object" && !Array.isArray(child)) copy[head] = removeAt(child as Record<string, unknown>, rest);
  else delete copy[head];
  return copy;
}
