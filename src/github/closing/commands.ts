/**
 * The commands people type on a closing pull request of the app (one posting, not the grouped
 * one), answered only for someone with write access (`GET /collaborators/{user}/permission`);
 * anyone else gets a polite refusal and nothing changes.
 *
 * - `/prolonger AAAA-MM-JJ` or `/prolonger 30 jours`: the pull request now moves the closing
 *   date instead of closing the posting. Its branch is pointed again at the default branch's
 *   head, with one commit changing only the closing-date line of the file as it is on the
 *   default branch; its title and body say so, and its hidden closing marker is replaced by an
 *   extension marker (the closing job then leaves it alone: not its closing pull request any
 *   more). Merged, the posting stays open until the new date; closed, the closing is proposed
 *   again at the next run.
 * - `/garder-ouverte`: the pull request is closed as a person closes it, so the closing job's
 *   refusal rule applies: not proposed again for this version of the file.
 */
import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { checkOptionsFor } from "../../config/check-options.js";
import { checkPosting } from "../../core/check-posting.js";
import { CLOSING_BRANCH_PREFIX, GROUP_BRANCH } from "../../core/closing/branch-name.js";
import { extensionDay, parseClosingCommand, setClosingDate } from "../../core/closing/extend-date.js";
import { parseMarkers } from "../../core/closing/marker.js";
import { todayIn } from "../../core/dates.js";
import { dayInWords } from "../../messages/format-day.js";
import { t, type Lang } from "../../messages/index.js";
import { fitText, GITHUB_LIMITS } from "../limits.js";
import { plainText } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import type { GitHub, RepoRef } from "../octokit.js";
import { canWrite } from "../review/read-write-access.js";

export interface ClosingCommandInput {
  pullNumber: number;
  body: string;
  /** Who commented. */
  login: string;
  defaultBranch: string;
}

export interface ClosingCommandOptions {
  config: Config;
  now: Date;
  log: Logger;
}

export type ClosingCommandOutcome = "ignored" | "refused" | "bad-date" | "no-date-line" | "extended" | "kept";

/** The hidden marker of a pull request the extension command rewrote. */
export function extensionMarker(path: string): string {
  return `<!-- recrutement-bot:prolongation path=${encodeURIComponent(path)} -->`;
}

interface PullData {
  state: string;
  title: string;
  body: string | null;
  head: { ref: string; repo: { full_name: string } | null };
}

export async function runClosingCommand(
  gh: GitHub,
  repo: RepoRef,
  input: ClosingCommandInput,
  options: ClosingCommandOptions,
): Promise<ClosingCommandOutcome> {
  const command = parseClosingCommand(input.body);
  if (!command) return "ignored";
  const { config, log } = options;
  const lang = config.language;
  const pull = (await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: input.pullNumber }))
    .data as unknown as PullData;
  const markers = parseMarkers(pull.body);
  const ours =
    pull.state === "open" &&
    pull.head.ref.startsWith(CLOSING_BRANCH_PREFIX) &&
    pull.head.ref !== GROUP_BRANCH &&
    pull.head.repo?.full_name.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase() &&
    markers.length === 1;
  if (!ours) return "ignored";
  const comment = (body: string) =>
    gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: input.pullNumber, body });
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id, 120);
  const commandText = command.kind === "keep" ? "/garder-ouverte" : "/prolonger";

  if (!(await canWrite(gh, repo, input.login))) {
    await comment(md("closing-command-refused", { login: input.login, command: commandText }));
    log.info({ pr: input.pullNumber, command: command.kind }, "closing command refused: no write access");
    return "refused";
  }

  if (command.kind === "keep") {
    await comment(md("closing-command-kept", { login: input.login }));
    await gh.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: input.pullNumber, state: "closed" });
    return "kept";
  }

  const today = todayIn(config.closing["time-zone"], options.now);
  const day = extensionDay(command.argument, today);
  if (day === null) {
    await comment(md("closing-command-bad-date", { value: command.argument, today: dayInWords(lang, today) }));
    return "bad-date";
  }
  const path = markers[0]!.path;
  const file = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref: input.defaultBranch });
  const data = file.data as { type?: string; content?: string; encoding?: string; sha: string };
  const text = data.type === "file" && typeof data.content === "string" ? Buffer.from(data.content, "base64").toString("utf8") : null;
  const options_ = checkOptionsFor(config, null, false);
  const report = text === null ? null : checkPosting({ path, content: text }, options_);
  const field = report?.closingDateField ?? null;
  const edited = text !== null && field !== null && !report?.filled ? setClosingDate(text, field, day) : null;
  if (!edited || field === null || checkPosting({ path, content: edited.text }, options_).closingDate !== day) {
    await comment(md("closing-command-no-date-line"));
    return "no-date-line";
  }

  const head = await gh.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${input.defaultBranch}` });
  await gh.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
    ...repo,
    ref: `heads/${pull.head.ref}`,
    sha: head.data.object.sha,
    force: true,
  });
  const text_ = extensionText(lang, { path, roles: report?.roles ?? null, login: input.login, field, day, line: edited.line });
  await gh.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...repo,
    path,
    branch: pull.head.ref,
    message: text_.commitMessage,
    content: Buffer.from(edited.text, "utf8").toString("base64"),
    sha: data.sha,
  });
  await gh.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
    ...repo,
    pull_number: input.pullNumber,
    title: text_.title,
    body: text_.body,
  });
  const words = dayInWords(lang, day);
  await comment(md("closing-command-extended", { login: input.login, day: words }));
  log.info({ pr: input.pullNumber, path, day }, "closing command: extended");
  return "extended";
}

/** Title, body and commit message of a pull request that moves a posting's closing date to `day`. */
export function extensionText(
  lang: Lang,
  p: { path: string; roles: string | null; login: string; field: string; day: string; line: number },
): { title: string; body: string; commitMessage: string } {
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id, 120);
  const name = p.roles?.trim() || (p.path.split("/").pop() ?? p.path);
  const words = dayInWords(lang, p.day);
  const body = [
    md("closing-extension-body", { roles: name, path: p.path, login: p.login, field: p.field, date: p.day, day: words, line: p.line }),
    "---",
    [`- ${md("closing-extension-list-merge", { day: words })}`, `- ${md("closing-extension-list-close")}`].join("\n"),
    md("closing-pr-signature"),
    extensionMarker(p.path),
  ].join("\n\n");
  return {
    title: fitText(t(lang, "closing-extension-title", { roles: plainText(name, 100), day: words }), GITHUB_LIMITS.title),
    body,
    commitMessage: t(lang, "closing-extension-commit", { roles: plainText(name, 100), date: p.day }),
  };
}
