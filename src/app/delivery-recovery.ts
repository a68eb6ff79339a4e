/**
 * When the recovery of missed deliveries runs (recover-deliveries.ts): once shortly after start
 * (the server must listen before GitHub redelivers), then every few minutes. Settings from the
 * environment: `DELIVERY_RECOVERY=off` turns it off; `DELIVERY_RECOVERY_MINUTES` (5) sets the
 * period.
 *
 * Several instances: a pass is claimed per period (`recover-deliveries:<period>`), so one
 * instance pages through GitHub's list each period, and each event is redelivered once
 * (`redeliver:<guid>`). A pass that fails gives its period back.
 */
import type { Probot } from "probot";
import type { Octokit } from "@octokit/rest";
import type { ClaimStore } from "./claims.js";
import { DELIVERY_RETENTION_MS, recoverDeliveries, type RecoverOptions, type RecoverResult } from "./recover-deliveries.js";

export const DEFAULT_RECOVERY_MINUTES = 5;
/** The first pass after start: Probot's server listens within milliseconds of loading the app. */
export const DEFAULT_RECOVERY_START_DELAY_MS = 10_000;
/** Each pass reads back to the previous one's start less this (clocks, deliveries in flight). */
export const RECOVERY_OVERLAP_MS = 2 * 60_000;

export interface RecoverySettings {
  enabled: boolean;
  intervalMs: number;
}

/** The settings `env` gives; a value that is not understood is an error (see check-environment.ts). */
export function recoverySettings(
  env: Readonly<Record<string, string | undefined>>,
): RecoverySettings & { problems: { variable: string; message: string }[] } {
  const problems: { variable: string; message: string }[] = [];
  const mode = (env.DELIVERY_RECOVERY ?? "").trim().toLowerCase();
  if (!["", "on", "off"].includes(mode))
    problems.push({
      variable: "DELIVERY_RECOVERY",
      message: `DELIVERY_RECOVERY vaut «\u202F${env.DELIVERY_RECOVERY}\u202F»\u202F: on ou off attendu.`,
    });
  const raw = (env.DELIVERY_RECOVERY_MINUTES ?? "").trim();
  const minutes = raw === "" ? DEFAULT_RECOVERY_MINUTES : Number(raw);
  const valid = Number.isFinite(minutes) && minutes >= 1 && minutes <= 24 * 60;
  if (!valid)
    problems.push({
      variable: "DELIVERY_RECOVERY_MINUTES",
      message: `DELIVERY_RECOVERY_MINUTES vaut «\u202F${raw}\u202F»\u202F: un nombre de minutes entre 1 et 1440 attendu.`,
    });
  return { enabled: mode !== "off", intervalMs: (valid ? minutes : DEFAULT_RECOVERY_MINUTES) * 60_000, problems };
}

export interface DeliveryRecoveryOptions {
  claims: ClaimStore;
  handles: RecoverOptions["handles"];
  intervalMs?: number;
  startDelayMs?: number;
  now?: () => number;
  maxPages?: number;
}

export interface DeliveryRecovery {
  /** One pass unless another instance made this period's (null) or a pass is at work here (null). */
  run(): Promise<RecoverResult | null>;
  /** The first pass after `startDelayMs`, then one every `intervalMs`. */
  start(): void;
  stop(): void;
}

export function createDeliveryRecovery(app: Probot, options: DeliveryRecoveryOptions): DeliveryRecovery {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? DEFAULT_RECOVERY_MINUTES * 60_000;
  const log = app.log.child({ name: "delivery-recovery" });
  let lastPassStart: number | null = null;
  let busy = false;
  let timers: NodeJS.Timeout[] = [];

  async function run(): Promise<RecoverResult | null> {
    if (busy) return null;
    busy = true;
    const started = now();
    const period = await options.claims.claim(`recover-deliveries:${Math.floor(started / intervalMs)}`, Math.ceil(intervalMs / 1000));
    if (!period) {
      busy = false;
      return null;
    }
    try {
      const oldest = started - DELIVERY_RETENTION_MS;
      const since = lastPassStart === null ? oldest : Math.max(oldest, lastPassStart - RECOVERY_OVERLAP_MS);
      const octokit = (await app.auth()) as unknown as Pick<Octokit, "request">;
      const result = await recoverDeliveries(octokit, {
        claims: options.claims,
        handles: options.handles,
        since,
        log,
        ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      });
      // What GitHub refused is tried again next time: only a pass with nothing left behind moves on.
      if (result.complete && result.refused.length === 0) lastPassStart = started;
      const summary = {
        listed: result.listed,
        pages: result.pages,
        redelivered: result.redelivered.length,
        refused: result.refused.length,
      };
      if (result.redelivered.length > 0 || result.refused.length > 0) log.info(summary, "delivery recovery pass");
      else log.debug(summary, "delivery recovery pass: nothing missed");
      return result;
    } catch (error) {
      await options.claims.release(period);
      log.warn({ err: error }, "delivery recovery pass failed: tried again at the next period");
      return null;
    } finally {
      busy = false;
    }
  }

  return {
    run,
    start() {
      if (timers.length > 0) return;
      const first = setTimeout(() => {
        void run();
        const every = setInterval(() => void run(), intervalMs);
        every.unref();
        timers.push(every);
      }, options.startDelayMs ?? DEFAULT_RECOVERY_START_DELAY_MS);
      // The timers alone never keep the process alive (tests, CLI).
      first.unref();
      timers.push(first);
    },
    stop() {
      for (const t of timers) clearTimeout(t);
      timers = [];
    },
  };
}
