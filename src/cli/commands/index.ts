/**
 * The commands of `recrutement-bot`, in the order the help lists them.
 * A new command is a file in this folder exporting a `Command`, plus one line below.
 */
import type { Lang } from "../../messages/index.js";
import type { CommandContext } from "../io.js";
import { checkCommand } from "./check.js";
import { closeCommand } from "./close.js";
import { schemaCommand } from "./schema.js";

export interface Command {
  /** What the user types: `recrutement-bot <name>`. */
  name: string;
  /** One line for the global help. */
  summary: (lang: Lang) => string;
  /** Runs with the arguments after the command name; resolves to the exit code (0, 1 or 2). Throw UsageError for bad usage. */
  run: (args: string[], context: CommandContext) => Promise<number>;
}

export const commands: readonly Command[] = [
  checkCommand,
  closeCommand,
  schemaCommand,
];
