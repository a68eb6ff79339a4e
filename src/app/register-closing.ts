/**
 * The closing job in the app: a run on each push to the default branch that touches the
 * postings folder (each delivery handled once), and a daily run at the configured hour (a timer
 * in the process; CLOSING_SCHEDULE=off leaves the daily run to a cron: `recrutement-bot close
 * --repo` or the GitHub Action).
 */
import type { Probot } from "probot";
import { memoryClaimStore } from "./claims.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { loadConfig } from "../github/load-config.js";
import type { GitHub } from "../github/octokit.js";
import { PostingCache } from "../core/posting-cache.js";
import { runClosing } from "../github/closing/run-closing.js";
import { createClosingSchedule, type ClosingScheduleOptions } from "./closing-schedule.js";

export interface RegisterClosingOptions extends ClosingScheduleOptions {
  env?: Readonly<Record<string, string | undefined>>;
}

export function registerClosing(app: Probot, options: RegisterClosingOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const claims = options.claims ?? memoryClaimStore();
  const cache = options.cache ?? new PostingCache();
  app.on(
    "push",
    oncePerDelivery(claims, "closing", async (context) => {
      const p = context.payload;
      const defaultBranch = p.repository.default_branch;
      if (p.deleted || p.ref !== `refs/heads/${defaultBranch}`) return;
      const changed = p.commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]);
      // Postings are `.md` files: a push without one cannot change what is due.
      if (!changed.some((f) => /\.md$/i.test(f))) return;
      const octokit = context.octokit as unknown as GitHub;
      const repo = context.repo();
      const { config } = await loadConfig(octokit, repo, defaultBranch);
      if (!config.closing.enabled || !changed.some((f) => f.startsWith(`${config.postings}/`))) return;
      await runClosing(octokit, repo, { config, now: now(), log: context.log, cache });
    }),
  );

  if ((options.env ?? process.env).CLOSING_SCHEDULE === "off") return;
  createClosingSchedule(app, { ...options, claims, cache }).start();
}
