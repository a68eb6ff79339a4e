/**
 * `recrutement-bot close`: the closing job from the command line.
 *
 *   close [folder] [--today YYYY-MM-DD] [--format text|json] [--write]
 *     Local, no GitHub: the postings due and why; --write puts `open: false` in them.
 *   close --repo owner/name [--dry-run] [--today YYYY-MM-DD] [--format text|json]
 *     On GitHub (GITHUB_TOKEN, or APP_ID + PRIVATE_KEY/PRIVATE_KEY_PATH): the closing pull
 *     requests, as the app's daily run makes them. For any cron, and the GitHub Action.
 *
 * Exit code 0: done; 1: a GitHub action failed; 2: usage, unreadable input or GitHub refused.
 */
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findDue, type DuePosting, type PostingFile } from "../../core/closing/find-due.js";
import { isoDay, todayIn } from "../../core/dates.js";
import { CONFIG_PATH } from "../../config/schema.js";
import { t, type Lang } from "../../messages/index.js";
import { choice, LANG_CHOICES, parseCommandArgs } from "../args.js";
import { collectFiles, readPosting, toPosix } from "../files.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "../io.js";
import { loadRepositoryConfig } from "../repository.js";
import { checkOptionsFor } from "../../config/check-options.js";
import { configProblemText } from "../../config/parse-config.js";
import type { RunCommand } from "./index.js";

const options = {
  "repo": { type: "string" },
  "today": { type: "string" },
  "format": { type: "string" },
  "write": { type: "boolean" },
  "dry-run": { type: "boolean" },
  "root": { type: "string" },
  "lang": { type: "string" },
  "help": { type: "boolean", short: "h" },
} as const;

export const FORMATS = ["text", "json"] as const;

export const runClose: RunCommand = async (args, { io, lang: outerLang }) => {
  const early: Lang = outerLang ?? "fr";
  const { values, positionals } = parseCommandArgs(args, options, "close", early);
  const askedLang = choice(values.lang, LANG_CHOICES, "--lang", "close", early);
  const uiLang = askedLang ?? early;
  if (values.help) {
    io.stdout.write(`${t(uiLang, "cli-close-help")}\n`);
    return EXIT_OK;
  }
  const format = choice(values.format, FORMATS, "--format", "close", uiLang) ?? "text";
  if (values.today !== undefined && !isDay(values.today))
    throw new UsageError(t(uiLang, "cli-close-bad-day", { value: values.today }), "close");
  if (values.repo !== undefined) {
    for (const [set, option] of [
      [values.write, "--write"],
      [positionals.length > 0, positionals[0] ?? ""],
      [values.root !== undefined, "--root"],
    ] as const) {
      if (set) throw new UsageError(t(uiLang, "cli-close-local-only", { option }), "close");
    }
    // Loaded here only: what reaches GitHub (Probot's Octokit, pino) stays out of the local commands.
    const { closeOnGitHub } = await import("./close-on-github.js");
    return closeOnGitHub(io, values.repo, {
      today: values.today,
      dryRun: values["dry-run"] === true,
      format,
      lang: askedLang ?? outerLang,
    });
  }
  if (values["dry-run"]) throw new UsageError(t(uiLang, "cli-close-repo-only"), "close");
  if (positionals.length > 1) throw new UsageError(t(uiLang, "cli-unexpected-argument", { argument: positionals[1]! }), "close");
  return closeLocally(io, positionals[0], {
    root: values.root,
    today: values.today,
    write: values.write === true,
    format,
    lang: askedLang ?? outerLang,
  });
};

function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDay(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

interface LocalOptions {
  root: string | undefined;
  today: string | undefined;
  write: boolean;
  format: (typeof FORMATS)[number];
  lang: Lang | undefined;
}

async function closeLocally(io: CliIo, folderArg: string | undefined, opts: LocalOptions): Promise<number> {
  const show = (abs: string) => toPosix(path.relative(io.cwd, abs) || ".");
  const root = path.resolve(io.cwd, opts.root ?? ".");
  const early = opts.lang ?? "fr";
  if (!isDirectory(root)) return fail(io, t(early, "cli-root-missing", { path: show(root) }));
  const { config, problems, found } = loadRepositoryConfig(root);
  const lang: Lang = opts.lang ?? (found ? config.language : "fr");
  for (const p of problems) {
    const where = `${p.line !== undefined ? `:${p.line}` : ""}${p.key ? ` ${p.key}` : ""}`;
    io.stderr.write(
      `${t(lang, "cli-config-problem", { file: show(path.join(root, CONFIG_PATH)), where, message: configProblemText(lang, p) })}\n`,
    );
  }
  const folder = folderArg !== undefined ? path.resolve(io.cwd, folderArg) : path.resolve(root, config.postings);
  if (!isDirectory(folder))
    return fail(io, t(lang, folderArg !== undefined ? "cli-path-not-found" : "cli-postings-dir-missing", { path: show(folder) }));

  const files: PostingFile[] = [];
  const abs = new Map<string, string>();
  for (const file of collectFiles([folder], root, config.postings).files) {
    if (!/\.md$/i.test(file)) continue;
    let bytes: Uint8Array;
    try {
      bytes = readPosting(file);
    } catch (error) {
      return fail(io, t(lang, "cli-read-error", { path: show(file), reason: (error as { code?: string }).code ?? String(error) }));
    }
    const rel = toPosix(path.relative(root, file));
    abs.set(rel, file);
    files.push({ path: rel, blob: "", text: exactText(bytes) });
  }
  const today = opts.today ?? todayIn(config.closing["time-zone"], new Date());
  const { due } = findDue(files, checkOptionsFor(config, null, false), today);

  if (opts.write) {
    for (const d of due) {
      const file = abs.get(d.path)!;
      try {
        writeFileSync(file, d.closedText, "utf8");
      } catch (error) {
        return fail(io, t(lang, "cli-write-error", { path: show(file), reason: (error as { code?: string }).code ?? String(error) }));
      }
    }
  }
  if (opts.format === "json") {
    const list = due.map((d) => ({
      path: show(abs.get(d.path)!),
      line: d.openLine,
      roles: d.roles,
      contracts: d.contracts,
      reason: d.reason,
    }));
    io.stdout.write(`${JSON.stringify({ today, files: files.length, written: opts.write, due: list }, null, 2)}\n`);
    return EXIT_OK;
  }
  const line = (d: DuePosting) => {
    const params = { path: show(abs.get(d.path)!), line: d.openLine, roles: d.roles ?? path.basename(d.path) };
    return d.reason.kind === "date"
      ? t(lang, "cli-close-due-date", { ...params, field: d.reason.field, date: d.reason.date })
      : t(lang, "cli-close-due-filled", params);
  };
  const out = [...due.map(line), t(lang, "cli-close-summary", { due: due.length, files: files.length, today })];
  if (opts.write && due.length > 0) out.push(t(lang, "cli-close-written", { count: due.length }));
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT_OK;
}

/** The file's text when its bytes are valid UTF-8 (BOM kept), else null: such a file is never edited. */
function exactText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return EXIT_USAGE;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
