/**
 * The boxes of the dashboard issue act, as Renovate's do: on `issues.edited` of the dashboard
 * by a person, each box ticked by that edit (unticked in the body before it) acts once, then
 * the app unticks it (the next tick acts again). Someone without write access gets a polite
 * refusal and the boxes are unticked; nothing else changes.
 *
 * - « fermer maintenant »: the closing pull request of the posting, today (its body says who asked;
 *   the closing run keeps it while the posting is open).
 * - « prolonger de 30 jours »: a pull request on `recrutement-bot/prolongation/…` that moves the
 *   closing date 30 days after today (one line changed).
 */
import type { Logger } from "pino";
import type { Config } from "../../config/schema.js";
import { checkOptionsFor } from "../../config/check-options.js";
import { checkPosting } from "../../core/check-posting.js";
import { branchForPosting, CLOSING_BRANCH_PREFIX } from "../../core/closing/branch-name.js";
import { addDays } from "../../core/closing/days.js";
import { setClosingDate } from "../../core/closing/extend-date.js";
import type { DuePosting } from "../../core/closing/find-due.js";
import { setOpenFalse } from "../../core/edit-lines.js";
import { todayIn } from "../../core/dates.js";
import { dayInWords } from "../../messages/format-day.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import { statusOf, type GitHub, type RepoRef } from "../octokit.js";
import { canWrite } from "../review/read-write-access.js";
import { applyClosingPlan } from "../closing/apply-closing-plan.js";
import { extensionText } from "../closing/commands.js";
import { apiUrlOf, webUrlOf } from "../closing/render-pull-request.js";
import { readBoxes, untickAll } from "./dashboard-issue.js";

export const EXTENSION_BRANCH_PREFIX = "recrutement-bot/prolongation/";
const EXTENSION_DAYS = 30;

export interface DashboardEdit {
  issueNumber: number;
  body: string;
  previousBody: string;
  login: string;
  defaultBranch: string;
}

export type DashboardActionOutcome = { action: string; path: string; pr: number | null };

/** The boxes this edit ticked: `[action, path]`. */
export function tickedBoxes(previous: string, body: string): [string, string][] {
  const before = readBoxes(previous);
  return [...readBoxes(body)]
    .filter(([key, ticked]) => ticked && before.get(key) === false)
    .map(([key]) => {
      const [action, ...path] = key.split(" ");
      return [action!, path.join(" ")];
    });
}

export async function actOnDashboard(
  gh: GitHub,
  repo: RepoRef,
  edit: DashboardEdit,
  options: { config: Config; now: Date; log: Logger },
): Promise<DashboardActionOutcome[] | "refused"> {
  const ticked = tickedBoxes(edit.previousBody, edit.body);
  if (ticked.length === 0) return [];
  const { config } = options;
  const lang = config.language;
  const md = (id: string, params: Record<string, string | number> = {}) => renderMessageMarkdown(lang, id, params, id, 120);
  const comment = (body: string) =>
    gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...repo, issue_number: edit.issueNumber, body });
  const untick = () =>
    gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...repo,
      issue_number: edit.issueNumber,
      body: untickAll(edit.body),
    });
  if (!(await canWrite(gh, repo, edit.login))) {
    await comment(
      md("closing-command-refused", {
        login: edit.login,
        command: ticked.map(([a]) => (a === "fermer" ? "fermer maintenant" : "prolonger de 30 jours")).join(", "),
      }),
    );
    await untick();
    return "refused";
  }
  const today = todayIn(config.closing["time-zone"], options.now);
  const head = (await gh.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...repo, ref: `heads/${edit.defaultBranch}` })).data.object
    .sha;
  const checkOptions = checkOptionsFor(config, null, false);
  const outcomes: DashboardActionOutcome[] = [];
  for (const [action, path] of ticked) {
    let pr: number | null = null;
    let roles = path;
    try {
      const file = (await gh.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref: edit.defaultBranch })).data as {
        type?: string;
        content?: string;
        sha: string;
      };
      const text = file.type === "file" && typeof file.content === "string" ? Buffer.from(file.content, "base64").toString("utf8") : null;
      const report = text === null ? null : checkPosting({ path, content: text }, checkOptions);
      roles = report?.roles?.trim() || (path.split("/").pop() ?? path);
      if (text !== null && report?.open === true && action === "fermer") {
        const closedText = setOpenFalse(text);
        if (closedText !== null && report.openLine !== null) {
          const posting: DuePosting = {
            path,
            blob: file.sha,
            roles: report.roles,
            contracts: report.contracts,
            openLine: report.openLine,
            reason: { kind: "asked", login: edit.login },
            closedText,
          };
          const [result] = await applyClosingPlan(
            gh,
            [{ kind: "create", branch: branchForPosting(path, config.postings), branchExists: false, postings: [posting] }],
            {
              repo,
              defaultBranch: edit.defaultBranch,
              headOid: head,
              treeOid: "",
              render: {
                lang,
                today,
                timeZone: config.closing["time-zone"],
                config,
                links: { web: webUrlOf(apiUrlOf(gh)), repo, defaultBranch: edit.defaultBranch },
              },
              repositoryLabels: [],
              log: options.log,
            },
          );
          if (result?.outcome.kind === "created") pr = result.outcome.pr;
        }
      }
      if (text !== null && report?.open === true && action === "prolonger" && report.closingDateField && report.closingDate) {
        const day = addDays(today > report.closingDate ? today : report.closingDate, EXTENSION_DAYS);
        const edited = setClosingDate(text, report.closingDateField, day);
        if (edited && checkPosting({ path, content: edited.text }, checkOptions).closingDate === day) {
          pr = await openExtension(gh, repo, {
            path,
            fileSha: file.sha,
            head,
            defaultBranch: edit.defaultBranch,
            postings: config.postings,
            text: edited.text,
            ...extensionText(lang, {
              path,
              roles: report.roles,
              login: edit.login,
              field: report.closingDateField,
              day,
              line: edited.line,
            }),
          });
          if (pr !== null) await comment(md("dashboard-acted-extend", { login: edit.login, roles, pr, day: dayInWords(lang, day) }));
        }
      } else if (pr !== null) await comment(md("dashboard-acted-close", { login: edit.login, roles, pr }));
    } catch (error) {
      options.log.warn({ err: error, path, action }, "dashboard: action failed");
    }
    if (pr === null) await comment(md("dashboard-acted-nothing", { login: edit.login, path }));
    outcomes.push({ action, path, pr });
  }
  await untick();
  return outcomes;
}

/** A pull request moving the closing date: its own branch from the default branch's head, one commit. Null when the branch exists already. */
async function openExtension(
  gh: GitHub,
  repo: RepoRef,
  p: {
    path: string;
    fileSha: string;
    head: string;
    defaultBranch: string;
    postings: string;
    text: string;
    title: string;
    body: string;
    commitMessage: string;
  },
): Promise<number | null> {
  const branch = EXTENSION_BRANCH_PREFIX + branchForPosting(p.path, p.postings).slice(CLOSING_BRANCH_PREFIX.length);
  try {
    await gh.request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref: `refs/heads/${branch}`, sha: p.head });
  } catch (error) {
    if (statusOf(error) === 422) return null;
    throw error;
  }
  await gh.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    ...repo,
    path: p.path,
    branch,
    message: p.commitMessage,
    content: Buffer.from(p.text, "utf8").toString("base64"),
    sha: p.fileSha,
  });
  const pr = await gh.request("POST /repos/{owner}/{repo}/pulls", {
    ...repo,
    title: p.title,
    head: branch,
    base: p.defaultBranch,
    body: p.body,
    maintainer_can_modify: true,
  });
  return pr.data.number;
}
