/**
 * The daily closing run inside the app process: every few minutes, a tick lists the app's
 * installations and their repositories (app JWT: `GET /app/installations`, then each
 * installation's `GET /installation/repositories`) and runs the closing job for each
 * repository whose configured hour has come in its configured time zone and that has not been
 * run today. Configs are cached for an hour. The clock is injected, so tests drive `tick()`.
 *
 * "Run today" is a claim (claims.ts): in memory for one process, shared through
 * Redis when several app instances run, so that one instance runs a repository per day. A run
 * that fails gives its claim back, and the next tick of the hour tries again. (Two runs at once
 * would still give one pull request per posting: the closing job tolerates it.)
 */
import type { Probot } from "probot";
import type { Config } from "../config/schema.js";
import { runDayAt } from "../core/closing/schedule-time.js";
import { memoryClaimStore, type ClaimStore } from "./claims.js";
import { loadConfig } from "../github/load-config.js";
import type { GitHub } from "../github/octokit.js";
import type { PostingCache } from "../core/posting-cache.js";
import { runClosing } from "../github/closing/run-closing.js";

export const DEFAULT_INTERVAL_MS = 10 * 60_000;
const CONFIG_TTL_MS = 60 * 60_000;

export interface ClosingScheduleOptions {
  now?: () => Date;
  intervalMs?: number;
  /** Where "this repository ran on this day" is remembered (shared Redis with several instances). */
  claims?: ClaimStore;
  /** Readings of postings kept by blob id from a run to the next. */
  cache?: PostingCache;
}

/** A claim outlives its local day whatever the time zone. */
const RUN_CLAIM_SECONDS = 26 * 3600;

export interface ClosingSchedule {
  /** One pass over every installation and repository. Resolves when done; a tick already at work makes it a no-op. */
  tick(): Promise<void>;
  start(): void;
  stop(): void;
}

interface InstalledRepo {
  name: string;
  full_name: string;
  default_branch: string;
  owner: { login: string };
  archived?: boolean;
  disabled?: boolean;
}

export function createClosingSchedule(app: Probot, options: ClosingScheduleOptions = {}): ClosingSchedule {
  const now = options.now ?? (() => new Date());
  const log = app.log.child({ name: "closing-schedule" });
  const claims = options.claims ?? memoryClaimStore();
  const configs = new Map<string, { config: Config; at: number }>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  async function runRepository(octokit: GitHub, r: InstalledRepo): Promise<void> {
    const repo = { owner: r.owner.login, repo: r.name };
    const at = now();
    let cached = configs.get(r.full_name);
    if (!cached || at.getTime() - cached.at >= CONFIG_TTL_MS) {
      cached = { config: (await loadConfig(octokit, repo, r.default_branch)).config, at: at.getTime() };
      configs.set(r.full_name, cached);
    }
    const { closing } = cached.config;
    if (!closing.enabled) return;
    const day = runDayAt(at, closing["time-zone"], closing.hour);
    const key = `closing-run:${r.full_name}:${day}`;
    if (day === null || !(await claims.claim(key, RUN_CLAIM_SECONDS))) return;
    try {
      await runClosing(octokit, repo, { config: cached.config, now: at, log, cache: options.cache });
    } catch (error) {
      await claims.release(key);
      throw error;
    }
  }

  async function tick(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      const jwt = await app.auth();
      const installations = await jwt.paginate("GET /app/installations", { per_page: 100 });
      for (const installation of installations) {
        try {
          const octokit = await app.auth(installation.id);
          const repos = (await octokit.paginate("GET /installation/repositories", { per_page: 100 })) as InstalledRepo[];
          for (const r of repos) {
            if (r.archived || r.disabled) continue;
            try {
              await runRepository(octokit, r);
            } catch (error) {
              log.error({ err: error, repo: r.full_name }, "closing: scheduled run failed");
            }
          }
        } catch (error) {
          log.error({ err: error, installation: installation.id }, "closing: installation skipped");
        }
      }
    } catch (error) {
      log.error({ err: error }, "closing: cannot list installations");
    } finally {
      busy = false;
    }
  }

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => void tick(), options.intervalMs ?? DEFAULT_INTERVAL_MS);
      // The timer alone never keeps the process alive (tests, CLI).
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
