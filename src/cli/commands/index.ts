/**
 * The commands of `recrutement-bot`, in the order the help lists them.
 * A new command is a file in this folder exporting its `run`, plus one entry below.
 *
 * A command's module is loaded only when that command runs: `check` (a pre-commit hook, run on
 * every commit) never loads what `close` needs to reach GitHub (Probot, Octokit, pino).
 */
import { t, type Lang } from "../../messages/index.js";
import type { CommandContext } from "../io.js";

/** Runs with the arguments after the command name; resolves to the exit code (0, 1 or 2). Throws UsageError for bad usage. */
export type RunCommand = (args: string[], context: CommandContext) => Promise<number>;

export interface Command {
  /** What the user types: `recrutement-bot <name>`. */
  name: string;
  /** One line for the global help. */
  summary: (lang: Lang) => string;
  /** The command itself, its module loaded on first use. */
  load: () => Promise<RunCommand>;
}

export const commands: readonly Command[] = [
  { name: "check", summary: (lang) => t(lang, "cli-command-check-summary"), load: async () => (await import("./check.js")).runCheck },
  { name: "close", summary: (lang) => t(lang, "cli-command-close-summary"), load: async () => (await import("./close.js")).runClose },
  { name: "schema", summary: (lang) => t(lang, "cli-command-schema-summary"), load: async () => (await import("./schema.js")).runSchema },
];
