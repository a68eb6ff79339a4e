/**
 * First-come claims on a key for a while: "has this delivery been handled?", "has this
 * repository's closing run started today?", "who recovers the missed deliveries this period?".
 * In one process a bounded in-memory map is enough; several app instances share Redis
 * (`REDIS_URL`, the same one Probot uses for throttling), where `SET key token NX EX ttl` makes
 * exactly one instance win.
 *
 * Each claim carries an owner token (random, one per claim): giving a claim back deletes it only
 * while it still holds that token (Redis: a compare-and-delete script, atomic). A holder that was
 * too slow, whose claim expired and was taken by another instance, cannot delete the new one.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

export interface Claim {
  readonly key: string;
  /** Who holds it: written with the claim, checked when it is given back. */
  readonly token: string;
}

export interface ClaimStore {
  /** The claim for the first caller of `key` within `ttlSeconds`; null for every later one. */
  claim(key: string, ttlSeconds: number): Promise<Claim | null>;
  /**
   * Gives a claim back (the work failed and may be tried again), only while it is still the
   * holder's: true when it was deleted. A key alone stands for the last claim this store took on
   * that key; a claim another store (another instance) holds is never deleted.
   */
  release(claim: Claim | string): Promise<boolean>;
}

const PREFIX = "recrutement-bot:";

/** The claims a store took, by key, so that `release(key)` knows its own token (bounded). */
function heldTokens(maxEntries: number) {
  const held = new Map<string, string>();
  return {
    remember(claim: Claim): Claim {
      held.delete(claim.key);
      held.set(claim.key, claim.token);
      while (held.size > maxEntries) held.delete(held.keys().next().value as string);
      return claim;
    },
    /** The claim meant by `release`'s argument, forgotten; null when this store holds none on that key. */
    take(claim: Claim | string): Claim | null {
      const key = typeof claim === "string" ? claim : claim.key;
      const token = typeof claim === "string" ? held.get(key) : claim.token;
      if (held.get(key) === token) held.delete(key);
      return token === undefined ? null : { key, token };
    },
  };
}

export function memoryClaimStore(maxEntries = 10_000, now: () => number = Date.now): ClaimStore {
  const entries = new Map<string, { token: string; until: number }>();
  const held = heldTokens(maxEntries);
  return {
    async claim(key, ttlSeconds) {
      const t = now();
      const current = entries.get(key);
      if (current !== undefined && current.until > t) return null;
      const claim = { key, token: randomUUID() };
      entries.delete(key);
      entries.set(key, { token: claim.token, until: t + ttlSeconds * 1000 });
      // Map keeps insertion order: drop the oldest claims beyond the bound.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return held.remember(claim);
    },
    async release(given) {
      const claim = held.take(given);
      if (!claim || entries.get(claim.key)?.token !== claim.token) return false;
      entries.delete(claim.key);
      return true;
    },
  };
}

/** Deletes KEYS[1] only while it holds ARGV[1] (the owner token): 1 if deleted, else 0. */
export const COMPARE_AND_DELETE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export function redisClaimStore(redis: Pick<Redis, "set" | "eval">, maxEntries = 10_000): ClaimStore {
  const held = heldTokens(maxEntries);
  return {
    async claim(key, ttlSeconds) {
      const claim = { key, token: randomUUID() };
      const result = await redis.set(PREFIX + key, claim.token, "EX", Math.max(1, Math.ceil(ttlSeconds)), "NX");
      return result === "OK" ? held.remember(claim) : null;
    },
    async release(given) {
      const claim = held.take(given);
      if (!claim) return false;
      return (await redis.eval(COMPARE_AND_DELETE, 1, PREFIX + claim.key, claim.token)) === 1;
    },
  };
}
