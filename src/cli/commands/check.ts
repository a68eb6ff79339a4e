/**
 * `recrutement-bot check [paths…]`: runs the rules engine over postings on disk.
 * Exit code 0: no error; 1: at least one error; 2: usage or I/O problem.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { checkPosting } from "../../core/check-posting.js";
import type { PostingReport } from "../../core/types.js";
import { CONFIG_PATH } from "../../config/schema.js";
import { t, type Lang } from "../../messages/index.js";
import { choice, LANG_CHOICES, parseCommandArgs, sniffLang } from "../args.js";
import { collectFiles, readPosting, toPosix } from "../files.js";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from "../io.js";
import { isMissing, loadRepositoryConfig, readStartups, readStartupsFile, type Startups } from "../repository.js";
import { checkOptionsFor } from "../../config/check-options.js";
import { configProblemText } from "../../config/parse-config.js";
import { formatGithub } from "../format/github.js";
import { formatJson } from "../format/json.js";
import { formatText } from "../format/text.js";
import { totals, type FileResult, type Formatter } from "../format/types.js";
import type { RunCommand } from "./index.js";

export const FORMATS = { text: formatText, json: formatJson, github: formatGithub } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATS;
const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

const options = {
  format: { type: "string" },
  lang: { type: "string" },
  root: { type: "string" },
  new: { type: "boolean" },
  startups: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const runCheck: RunCommand = async (args, { io, lang: outerLang }) => {
  const early: Lang = sniffLang(args) ?? outerLang ?? "fr";
  const { values, positionals } = parseCommandArgs(args, options, "check", early);
  const askedLang = choice(values.lang, LANG_CHOICES, "--lang", "check", early);
  if (values.help) {
    io.stdout.write(`${t(askedLang ?? early, "cli-check-help")}\n`);
    return EXIT_OK;
  }
  const format = choice(values.format, FORMAT_NAMES, "--format", "check", askedLang ?? early) ?? "text";
  const fail = (message: string) => {
    io.stderr.write(`${message}\n`);
    return EXIT_USAGE;
  };
  const show = (abs: string) => toPosix(path.relative(io.cwd, abs) || ".");

  const root = path.resolve(io.cwd, values.root ?? ".");
  if (!isDirectory(root)) return fail(t(askedLang ?? early, "cli-root-missing", { path: show(root) }));

  const { config, problems } = loadRepositoryConfig(root);
  // Problems are worded in the language the configuration itself may have chosen.
  const lang: Lang = askedLang ?? outerLang ?? config.language;
  for (const p of problems) {
    const where = `${p.line !== undefined ? `:${p.line}` : ""}${p.key ? ` ${p.key}` : ""}`;
    io.stderr.write(
      `${t(lang, "cli-config-problem", { file: show(path.join(root, CONFIG_PATH)), where, message: configProblemText(lang, p) })}\n`,
    );
  }
  if (problems.length > 0) io.stderr.write(`${t(lang, "cli-config-defaults")}\n`);

  let startups: Startups | null;
  if (values.startups !== undefined) {
    const file = path.resolve(io.cwd, values.startups);
    try {
      startups = readStartupsFile(file);
    } catch (error) {
      return fail(t(lang, "cli-read-error", { path: show(file), reason: reason(error) }));
    }
  } else {
    startups = readStartups(root, config.startups);
  }
  const checkOptions = { ...checkOptionsFor(config, startups?.ids ?? null, values.new ?? false), startupTitles: startups?.titles ?? null };

  let targets: string[];
  if (positionals.length > 0) targets = positionals.map((p) => path.resolve(io.cwd, p));
  else {
    const postings = path.resolve(root, config.postings);
    if (!isDirectory(postings)) return fail(t(lang, "cli-postings-dir-missing", { path: show(postings) }));
    targets = [postings];
  }

  const { files, missing, special } = collectFiles(targets, root, config.postings);
  if (missing.length > 0 || special.length > 0) {
    for (const m of missing) io.stderr.write(`${t(lang, "cli-path-not-found", { path: show(m) })}\n`);
    for (const s of special) io.stderr.write(`${t(lang, "cli-not-a-file", { path: show(s) })}\n`);
    return EXIT_USAGE;
  }

  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of files) {
    let content: Uint8Array;
    try {
      content = readPosting(file);
    } catch (error) {
      io.stderr.write(`${t(lang, "cli-read-error", { path: show(file), reason: reason(error) })}\n`);
      unreadable = true;
      continue;
    }
    const report: PostingReport = checkPosting({ path: toPosix(path.relative(root, file)), content }, checkOptions);
    results.push({ displayPath: show(file), report });
  }
  // Sorted by what the user sees.
  results.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));

  const colour = format === "text" && io.stdout.isTTY === true && !io.env.NO_COLOR;
  io.stdout.write(FORMATS[format](results, { lang, colour }));
  if (unreadable) return EXIT_USAGE;
  return totals(results).errors > 0 ? EXIT_ERRORS : EXIT_OK;
};

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (isMissing(error)) return e.code ?? "ENOENT";
  return e.code ?? e.message ?? String(error);
}
