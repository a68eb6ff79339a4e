/**
 * The Action's run, chosen by the event (src/action/event.ts): the review of a pull request, or
 * `recrutement-bot close --repo` with the Action's inputs. An input that is not valid
 * (`dry-run: yes`), an event that triggers nothing or an unreadable event file stops here,
 * before any request: an error annotation (`::error::`, shown on the workflow run), exit code 2.
 *
 * The token is the `token` input (the workflow's GITHUB_TOKEN by default), else GITHUB_TOKEN.
 */
import { readFileSync } from "node:fs";
import { main } from "../cli/main.js";
import { EXIT_USAGE, type CliIo } from "../cli/io.js";
import type { ClosingReport } from "../github/closing/run-closing.js";
import { t, type Lang } from "../messages/index.js";
import { ActionInputError, actionArgs, actionLang, booleanInput, input, type Env } from "./action-args.js";
import { jobFor, type PullRequestPayload } from "./event.js";
import { appendSummary, setOutputs } from "./outputs.js";
import { runReview } from "./review.js";

export async function runAction(io: CliIo): Promise<number> {
  const lang = actionLang(io.env);
  const token = input(io.env, "token") || io.env.GITHUB_TOKEN || "";
  const env: Env = { ...io.env, GITHUB_TOKEN: token };
  const event = io.env.GITHUB_EVENT_NAME;
  const stop = (message: string) => {
    io.stderr.write(`::error title=recrutement-bot::${message}\n`);
    return EXIT_USAGE;
  };
  const job = jobFor(event);
  if (job === "unsupported") return stop(t(lang, "action-unsupported-event", { event: event ?? "" }));
  if (job === "close") {
    let args: string[];
    try {
      args = actionArgs(env);
    } catch (error) {
      if (!(error instanceof ActionInputError)) throw error;
      return stop(error.message);
    }
    return runClosing(io, env, args, lang);
  }
  try {
    booleanInput(env, "dry-run", lang);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    return stop(error.message);
  }
  if (!token) return stop(t(lang, "action-no-token"));
  let payload: PullRequestPayload;
  try {
    payload = JSON.parse(readFileSync(io.env.GITHUB_EVENT_PATH ?? "", "utf8")) as PullRequestPayload;
    if (!payload.pull_request || !payload.repository) throw new Error("not a pull_request event");
  } catch {
    return stop(t(lang, "action-no-event", { path: io.env.GITHUB_EVENT_PATH ?? "" }));
  }
  return runReview(io, env, payload, lang);
}

/** `close --repo`, its report kept for the outputs and the job summary. */
async function runClosing(io: CliIo, env: Env, args: string[], lang: Lang): Promise<number> {
  let report: ClosingReport | undefined;
  let text = "";
  const code = await main(args, {
    ...io,
    env,
    stdout: { write: (s: string) => ((text += s), io.stdout.write(s)) },
    onClosingReport: (r) => (report = r),
  });
  if (!report) return code;
  const count = (kind: string) => report!.results.filter((r) => r.outcome.kind === kind).length;
  const opened = report.results.flatMap((r) => (r.outcome.kind === "created" ? [r.outcome.pr] : []));
  const counts = { opened: opened.length, updated: count("updated"), closed: count("closed"), failed: count("failed") };
  setOutputs(env, {
    "postings": report.postings,
    "planned": report.plan.length,
    ...counts,
    "pull-requests": JSON.stringify(opened),
    "dry-run": report.dryRun,
  });
  appendSummary(
    env,
    `## ${t(lang, "action-summary-closing-title")}\n\n${t(lang, "action-summary-closing-counts", counts)}\n\n\`\`\`text\n${text.trimEnd()}\n\`\`\`\n`,
  );
  return code;
}
