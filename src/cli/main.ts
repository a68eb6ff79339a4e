/**
 * Entry point of the command-line tool, free of process globals so that tests run it in-process:
 * `main(process.argv.slice(2), processIo())` resolves to the exit code.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { t, type Lang } from "../messages/index.js";
import { choice, LANG_CHOICES, sniffLang } from "./args.js";
import { commands } from "./commands/index.js";
import { EXIT_OK, EXIT_USAGE, processIo, UsageError, type CliIo } from "./io.js";

export const PROGRAM = "recrutement-bot";

export async function main(argv: readonly string[], partialIo: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = { ...processIo(), ...partialIo };
  const fallbackLang: Lang = sniffLang(argv) ?? "fr";
  let command = PROGRAM;
  try {
    // Global options may come before the command name: [--lang fr|en] [--help] [--version] <command> …
    const { tokens } = parseArgs({ args: [...argv], options: globalOptions, strict: false, allowPositionals: true, tokens: true });
    const first = tokens.find((tok) => tok.kind === "positional" || tok.kind === "option-terminator");
    const split = first === undefined ? argv.length : first.index;
    const globalArgs = argv.slice(0, split);
    const name = first?.kind === "positional" ? argv[split] : undefined;
    const rest = argv.slice(split + 1);

    let global;
    try {
      global = parseArgs({ args: [...globalArgs], options: globalOptions, strict: true, allowPositionals: false }).values;
    } catch (error) {
      throw new UsageError(
        t(fallbackLang, "cli-unknown-option", { option: /'([^' ]*)/.exec(String((error as Error).message))?.[1] ?? "" }),
        PROGRAM,
      );
    }
    const lang = choice(global.lang, LANG_CHOICES, "--lang", PROGRAM, fallbackLang);
    const uiLang = lang ?? fallbackLang;

    if (global.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    if (name === "help") {
      const target = commands.find((c) => c.name === rest[0]);
      if (target) return await (await target.load())(["--help"], { io, lang: uiLang });
      io.stdout.write(`${usage(uiLang)}\n`);
      return EXIT_OK;
    }
    if (name === undefined) {
      if (global.help) {
        io.stdout.write(`${usage(uiLang)}\n`);
        return EXIT_OK;
      }
      io.stderr.write(`${t(uiLang, "cli-missing-command")}\n\n${usage(uiLang)}\n`);
      return EXIT_USAGE;
    }
    const found = commands.find((c) => c.name === name);
    if (!found) throw new UsageError(t(uiLang, "cli-unknown-command", { command: name }), PROGRAM);
    command = `${PROGRAM} ${found.name}`;
    const run = await found.load();
    return await run(global.help ? ["--help", ...rest] : [...rest], { io, lang });
  } catch (error) {
    if (error instanceof UsageError) {
      const helpOf = error.command === PROGRAM ? command : `${PROGRAM} ${error.command}`;
      io.stderr.write(`${error.message}\n${t(fallbackLang, "cli-see-help", { command: helpOf })}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

const globalOptions = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  lang: { type: "string" },
} as const;

function usage(lang: Lang): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(lang)}`).join("\n");
  return t(lang, "cli-usage", { commands: list });
}

function version(): string {
  // The bundle dist/recrutement-bot.js sits one folder below the package root, src/cli/main.ts two.
  for (const rel of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === PROGRAM && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
}
