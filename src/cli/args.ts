/**
 * Argument parsing on top of node:util parseArgs, turning its errors into usage errors
 * written with the message catalogue.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { t, type Lang } from "../messages/index.js";
import { UsageError } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const LANG_CHOICES = ["fr", "en"] as const;

/** The language asked for in `args` (`--lang en`, `--lang=en`), before any validation. */
export function sniffLang(args: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") break;
    const v = a === "--lang" ? args[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (v === "fr" || v === "en") found = v;
  }
  return found;
}

export function parseCommandArgs<O extends Options>(args: string[], options: O, command: string, lang: Lang) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, lang), command);
  }
}

function describeParseError(error: unknown, lang: Lang): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return t(lang, "cli-unknown-option", { option });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return t(lang, "cli-unexpected-argument", { argument: quoted });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      // "Option '--new' does not take an argument", or "'--format <value>' argument missing" / "is ambiguous"
      return /does not take an argument/.test(message)
        ? t(lang, "cli-option-no-value", { option })
        : t(lang, "cli-option-value", { option });
    default:
      return message;
  }
}

/** Checks that an option's value is one of `choices`. */
export function choice<T extends string>(
  value: string | undefined,
  choices: readonly T[],
  option: string,
  command: string,
  lang: Lang,
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t(lang, "cli-invalid-choice", { option, value, choices: choices.join(", ") }), command);
}
