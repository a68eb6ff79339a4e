/**
 * Turns the text of `.github/recrutement-bot.yml` (hostile: anyone with write access, or a
 * mistake) into a valid Config. Never throws: every problem becomes a `ConfigProblem` and the
 * default of the offending key applies; the rest of the file is kept.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { configSchema, DEFAULT_CONFIG, type Config } from "./schema.js";
import type { Lang } from "../messages/index.js";

export const MAX_CONFIG_BYTES = 64 * 1024;

export interface ConfigProblem {
  /** Dotted key, e.g. `closing.hour`; empty for the whole file. */
  key: string;
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

const locales = { fr: z.locales.fr(), en: z.locales.en() };

export function parseConfig(text: string | null | undefined, lang: Lang = "fr"): ParsedConfig {
  if (text == null || text.trim() === "") return { config: DEFAULT_CONFIG, problems: [] };
  const fr = lang === "fr";
  if (text.length > MAX_CONFIG_BYTES) {
    return {
      config: DEFAULT_CONFIG,
      problems: [{ key: "", message: fr ? "fichier trop volumineux (64 Kio au plus) : valeurs par défaut appliquées" : "file too large (64 KiB at most): defaults apply" }],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    return {
      config: DEFAULT_CONFIG,
      problems: [{ key: "", line, message: (fr ? "YAML invalide : " : "invalid YAML: ") + e.code }],
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { config: DEFAULT_CONFIG, problems: [{ key: "", message: fr ? "YAML illisible" : "unreadable YAML" }] };
  }
  if (raw == null) return { config: DEFAULT_CONFIG, problems: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: [{ key: "", message: fr ? "le fichier doit être une table de clés (clé: valeur)" : "the file must be a mapping (key: value)" }] };
  }
  const { config, problems } = validate(raw as Record<string, unknown>, lang);
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
function validate(input: Record<string, unknown>, lang: Lang): ParsedConfig {
  const problems: ConfigProblem[] = [];
  let current: Record<string, unknown> = structuredClone(input);
  for (let round = 0; round < 20; round++) {
    const result = configSchema.safeParse(current, { error: locales[lang].localeError });
    if (result.success) return { config: result.data, problems };
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          problems.push({ key: [...path, k].join("."), message: lang === "fr" ? "clé inconnue, ignorée" : "unknown key, ignored" });
          current = removeAt(current, [...path, k]);
        }
      } else {
        problems.push({ key: path.join("."), message: issue.message });
        current = removeAt(current, path.length > 0 ? path.slice(0, Math.max(1, path.length - (isIndex(path.at(-1)) ? 1 : 0))) : []);
      }
    }
  }
  return { config: DEFAULT_CONFIG, problems };
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
