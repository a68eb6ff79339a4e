/**
 * The commands on the app's closing pull requests (`/prolonger`, `/garder-ouverte`): one
 * handler for `issue_comment.created`, each delivery handled once; and the dashboard's boxes
 * (`issues.edited` of the dashboard issue by a person). A comment that is no command,
 * on an issue, or from a bot costs no request; otherwise the configuration is read (the
 * commands follow `closing.enabled` and `closing.commands`) and src/github/closing/commands.ts
 * answers.
 */
import type { Probot } from "probot";
import { parseClosingCommand } from "../core/closing/extend-date.js";
import { memoryClaimStore, type ClaimStore } from "./claims.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { loadConfig } from "../github/load-config.js";
import type { GitHub } from "../github/octokit.js";
import { runClosingCommand } from "../github/closing/commands.js";
import { actOnDashboard, tickedBoxes } from "../github/dashboard/dashboard-actions.js";
import { DASHBOARD_MARKER } from "../github/dashboard/dashboard-issue.js";

export interface RegisterClosingCommandsOptions {
  claims?: ClaimStore;
  now?: () => Date;
}

export function registerClosingCommands(app: Probot, options: RegisterClosingCommandsOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const claims = options.claims ?? memoryClaimStore();
  app.on(
    "issue_comment.created",
    oncePerDelivery(claims, "closing-command", async (context) => {
      const p = context.payload;
      if (!p.issue.pull_request || p.issue.state !== "open" || p.comment.user?.type === "Bot") return;
      if (!parseClosingCommand(p.comment.body)) return;
      const octokit = context.octokit as unknown as GitHub;
      const repo = context.repo();
      const defaultBranch = p.repository.default_branch;
      const { config } = await loadConfig(octokit, repo, defaultBranch);
      if (!config.closing.enabled || !config.closing.commands) return;
      const outcome = await runClosingCommand(
        octokit,
        repo,
        { pullNumber: p.issue.number, body: p.comment.body, login: p.comment.user?.login ?? "", defaultBranch },
        { config, now: now(), log: context.log },
      );
      context.log.info({ pr: p.issue.number, outcome }, "closing command handled");
    }),
  );

  // The dashboard's boxes (src/github/dashboard/dashboard-actions.ts): an edit by a person that ticks one.
  app.on(
    "issues.edited",
    oncePerDelivery(claims, "dashboard-action", async (context) => {
      const p = context.payload;
      const previous = (p.changes as { body?: { from?: string } } | undefined)?.body?.from;
      if (previous === undefined || p.sender.type === "Bot" || !(p.issue.body ?? "").includes(DASHBOARD_MARKER)) return;
      if (tickedBoxes(previous, p.issue.body ?? "").length === 0) return;
      const octokit = context.octokit as unknown as GitHub;
      const repo = context.repo();
      const defaultBranch = p.repository.default_branch;
      const { config } = await loadConfig(octokit, repo, defaultBranch);
      if (!config.closing.enabled || !config.closing.dashboard) return;
      const outcome = await actOnDashboard(
        octokit,
        repo,
        { issueNumber: p.issue.number, body: p.issue.body ?? "", previousBody: previous, login: p.sender.login, defaultBranch },
        { config, now: now(), log: context.log },
      );
      context.log.info({ issue: p.issue.number, outcome }, "dashboard boxes handled");
    }),
  );
}
