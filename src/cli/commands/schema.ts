/**
 * `recrutement-bot schema [--out FILE]`: the JSON Schema of a posting's front matter, for
 * editors and other tools. The committed copy is schema/posting.schema.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postingJsonSchema } from "../../core/posting-schema.js";
import { t, type Lang } from "../../messages/index.js";
import { choice, LANG_CHOICES, parseCommandArgs, sniffLang } from "../args.js";
import { toPosix } from "../files.js";
import { EXIT_OK, EXIT_USAGE, UsageError } from "../io.js";
import type { RunCommand } from "./index.js";

/** Used when the engine's schema does not name its dialect (it gives draft-07 today). */
export const DEFAULT_JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#";

/** The schema as printed: `$schema` and `title` first, pretty-printed, newline-terminated. */
export function schemaText(): string {
  const schema = postingJsonSchema() as Record<string, unknown>;
  // Keys are spread after, so the schema's own `$schema` and `title` win while staying first.
  const full = { $schema: DEFAULT_JSON_SCHEMA_DIALECT, title: t("fr", "cli-schema-title"), ...schema };
  return `${JSON.stringify(full, null, 2)}\n`;
}

const options = {
  out: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const runSchema: RunCommand = async (args, { io, lang: outerLang }) => {
  const early: Lang = sniffLang(args) ?? outerLang ?? "fr";
  const { values, positionals } = parseCommandArgs(args, options, "schema", early);
  const lang = choice(values.lang, LANG_CHOICES, "--lang", "schema", early) ?? early;
  if (values.help) {
    io.stdout.write(`${t(lang, "cli-schema-help")}\n`);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(t(lang, "cli-unexpected-argument", { argument: positionals[0]! }), "schema");
  const text = schemaText();
  if (values.out === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const file = path.resolve(io.cwd, values.out);
  const shown = toPosix(path.relative(io.cwd, file));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    io.stderr.write(`${t(lang, "cli-write-error", { path: shown, reason: (error as { code?: string }).code ?? String(error) })}\n`);
    return EXIT_USAGE;
  }
  io.stderr.write(`${t(lang, "cli-schema-written", { path: shown })}\n`);
  return EXIT_OK;
};
