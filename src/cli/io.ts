/**
 * What the command-line tool touches of the outside world, injectable so that tests run it
 * in-process. Files are read with node:fs, relative to `cwd`.
 */
import type { Lang } from "../messages/index.js";
import type { ClosingReport } from "../github/closing/run-closing.js";

export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colours are then allowed). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Folder against which relative paths are resolved and shown. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Told the report of `close --repo` (the GitHub Action's outputs and job summary). */
  onClosingReport?: (report: ClosingReport) => void;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** What every command receives besides its own arguments. */
export interface CommandContext {
  io: CliIo;
  /** Language chosen before the command name (`recrutement-bot --lang en check`), if any. */
  lang: Lang | undefined;
}

/** A mistake in how the tool was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit codes, shared by all commands. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
