/**
 * `recrutement-bot close --repo owner/name`: the closing job on GitHub, as the app's daily run
 * makes it (GITHUB_TOKEN, or APP_ID + PRIVATE_KEY/PRIVATE_KEY_PATH). Its own module, loaded by
 * close.ts only for --repo: the local commands never load Probot's Octokit.
 */
import pino from "pino";
import { loadConfig } from "../../github/load-config.js";
import { closingReportJson, formatClosingReport } from "../../github/closing/format-report.js";
import { githubFromEnv, MissingCredentialsError } from "../../github/github-from-env.js";
import { runClosing } from "../../github/closing/run-closing.js";
import { statusOf } from "../../github/octokit.js";
import { CONFIG_PATH } from "../../config/schema.js";
import { configProblemText } from "../../config/parse-config.js";
import { t, type Lang } from "../../messages/index.js";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "../io.js";
import type { FORMATS } from "./close.js";

export interface RemoteOptions {
  today: string | undefined;
  dryRun: boolean;
  format: (typeof FORMATS)[number];
  lang: Lang | undefined;
}

export async function closeOnGitHub(io: CliIo, slug: string, opts: RemoteOptions): Promise<number> {
  const early = opts.lang ?? "fr";
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(slug);
  if (!m) throw new UsageError(t(early, "cli-close-bad-repo", { value: slug }), "close");
  const repo = { owner: m[1]!, repo: m[2]! };
  // Structured logs on stderr (level from LOG_LEVEL, warnings by default); the report on stdout.
  const log = pino({ level: io.env.LOG_LEVEL ?? "warn" }, { write: (s: string) => void io.stderr.write(s) });
  try {
    const gh = await githubFromEnv(io.env, repo, log, io.cwd);
    const { data } = await gh.request("GET /repos/{owner}/{repo}", repo);
    const { config, problems } = await loadConfig(gh, repo, data.default_branch);
    const lang = opts.lang ?? config.language;
    for (const p of problems)
      io.stderr.write(
        `${t(lang, "cli-config-problem", { file: CONFIG_PATH, where: p.key ? ` ${p.key}` : "", message: configProblemText(lang, p) })}\n`,
      );
    const report = await runClosing(gh, repo, { config, now: new Date(), today: opts.today, dryRun: opts.dryRun || undefined, log });
    io.onClosingReport?.(report);
    io.stdout.write(
      opts.format === "json" ? closingReportJson(report) : formatClosingReport(report, lang, config.closing["max-pull-requests"]),
    );
    return report.results.some((r) => r.outcome.kind === "failed") ? EXIT_ERRORS : EXIT_OK;
  } catch (error) {
    if (error instanceof MissingCredentialsError) return fail(io, t(early, "cli-close-no-credentials"));
    // A network error's message may quote the request, headers included: never the token.
    let message = `${statusOf(error) ?? ""} ${(error as { message?: string }).message ?? String(error)}`.trim();
    for (const secret of [io.env.GITHUB_TOKEN, io.env.PRIVATE_KEY]) if (secret) message = message.split(secret).join("[REDACTED]");
    return fail(io, t(early, "cli-close-github-error", { message }));
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n`);
  return EXIT_USAGE;
}
