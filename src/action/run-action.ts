/**
 * The Action's run: its inputs checked, then `recrutement-bot close --repo`. An input that is not
 * valid (`dry-run: yes`) stops here, before any request: an error annotation (`::error::`, shown
 * on the workflow run) and exit code 2.
 */
import { main } from "../cli/main.js";
import { EXIT_USAGE, type CliIo } from "../cli/io.js";
import { ActionInputError, actionArgs } from "./action-args.js";

export async function runAction(io: CliIo): Promise<number> {
  let args: string[];
  try {
    args = actionArgs(io.env);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    io.stderr.write(`::error title=recrutement-bot::${error.message}\n`);
    return EXIT_USAGE;
  }
  return main(args, io);
}
