/**
 * First-come claims on a key for a while: "has this delivery been handled?", "has this
 * repository's closing run started today?". In one process a bounded in-memory map is enough;
 * several app instances share Redis (`REDIS_URL`, the same one Probot uses for throttling),
 * where `SET key 1 NX EX ttl` makes exactly one instance win.
 */
import type { Redis } from "ioredis";

export interface ClaimStore {
  /** True for the first caller of `key` within `ttlSeconds`, false for every later one. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back (the work failed and may be tried again). */
  release(key: string): Promise<void>;
}

const PREFIX = "recrutement-bot:";

export function memoryClaimStore(maxEntries = 10_000, now: () => number = Date.now): ClaimStore {
  const expiries = new Map<string, number>();
  return {
    async claim(key, ttlSeconds) {
      const t = now();
      const until = expiries.get(key);
      if (until !== undefined && until > t) return false;
      expiries.delete(key);
      expiries.set(key, t + ttlSeconds * 1000);
      // Map keeps insertion order: drop the oldest claims beyond the bound.
      while (expiries.size > maxEntries) expiries.delete(expiries.keys().next().value as string);
      return true;
    },
    async release(key) {
      expiries.delete(key);
    },
  };
}

export function redisClaimStore(redis: Pick<Redis, "set" | "del">): ClaimStore {
  return {
    async claim(key, ttlSeconds) {
      const result = await redis.set(PREFIX + key, "1", "EX", ttlSeconds, "NX");
      return result === "OK";
    },
    async release(key) {
      await redis.del(PREFIX + key);
    },
  };
}
