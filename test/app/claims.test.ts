import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { memoryClaimStore, redisClaimStore, type ClaimStore } from "../../src/app/claims.js";
import { withClaim } from "../../src/app/with-claim.js";
import { redisServerPath, startRedis, type RedisServer } from "../helpers/redis.js";

describe("memory claims", () => {
  it("lets the first caller win until the claim expires or is released", async () => {
    let now = 0;
    const store = memoryClaimStore(3, () => now);
    const first = await store.claim("d1", 60);
    expect(first).toEqual({ key: "d1", token: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await store.claim("d1", 60)).toBeNull();
    now = 61_000;
    const second = await store.claim("d1", 60);
    expect(second?.token).not.toBe(first?.token);
    expect(await store.release(second!)).toBe(true);
    expect(await store.claim("d1", 60)).not.toBeNull();
  });
  it("stays bounded: the oldest claims go first", async () => {
    const store = memoryClaimStore(2, () => 0);
    for (const k of ["a", "b", "c"]) expect(await store.claim(k, 60)).not.toBeNull();
    expect(await store.claim("c", 60)).toBeNull();
    expect(await store.claim("a", 60)).not.toBeNull();
  });
  it("gives one winner among concurrent callers", async () => {
    const store = memoryClaimStore();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim("same", 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

/** What owner tokens promise, for any store; `expire` makes `key`'s claim run out. */
function ownerTokenCases(stores: () => Promise<[ClaimStore, ClaimStore]>, expire: (key: string) => Promise<void>): void {
  it("a holder whose claim expired and was taken by another instance does not delete the new holder's claim", async () => {
    const [a, b] = await stores();
    const old = await a.claim("review-lock:o/r#2", 60);
    expect(old).not.toBeNull();
    await expire("review-lock:o/r#2");
    const taken = await b.claim("review-lock:o/r#2", 60);
    expect(taken).not.toBeNull();
    // The slow first holder gives back what it had: by its claim, or by its key.
    expect(await a.release(old!)).toBe(false);
    expect(await a.release("review-lock:o/r#2")).toBe(false);
    expect(await a.claim("review-lock:o/r#2", 60)).toBeNull();
    expect(await b.release(taken!)).toBe(true);
    expect(await a.claim("review-lock:o/r#2", 60)).not.toBeNull();
  });
  it("an instance releasing a key it never claimed deletes nothing", async () => {
    const [a, b] = await stores();
    expect(await a.claim("closing-run:o/r:2026-11-24", 3600)).not.toBeNull();
    expect(await b.release("closing-run:o/r:2026-11-24")).toBe(false);
    expect(await b.claim("closing-run:o/r:2026-11-24", 3600)).toBeNull();
    expect(await a.release("closing-run:o/r:2026-11-24")).toBe(true);
    expect(await b.claim("closing-run:o/r:2026-11-24", 3600)).not.toBeNull();
  });
  it("one store, the same key claimed again after expiry: the first claim's release leaves the second", async () => {
    const [a] = await stores();
    const first = await a.claim("k", 60);
    await expire("k");
    const second = await a.claim("k", 60);
    expect(await a.release(first!)).toBe(false);
    expect(await a.claim("k", 60)).toBeNull();
    expect(await a.release(second!)).toBe(true);
  });
}

describe("owner tokens, memory store (one process)", () => {
  it("a claim taken again after expiry is not deleted by the release of the expired one, by claim or by key", async () => {
    let now = 0;
    const store = memoryClaimStore(100, () => now);
    const first = await store.claim("review-lock:o/r#2", 60);
    now = 61_000;
    const second = await store.claim("review-lock:o/r#2", 60);
    expect(await store.release(first!)).toBe(false);
    expect(await store.claim("review-lock:o/r#2", 60)).toBeNull();
    expect(await store.release(second!)).toBe(true);
    expect(await store.claim("review-lock:o/r#2", 60)).not.toBeNull();
    expect(await store.release("review-lock:o/r#2")).toBe(true);
    expect(await store.release("review-lock:o/r#2")).toBe(false);
    expect(await store.release("never-claimed")).toBe(false);
  });
});

describe.skipIf(!redisServerPath)("Redis claims shared by two app instances (needs redis-server)", () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  beforeAll(async () => {
    server = await startRedis();
    a = new Redis(server.url);
    b = new Redis(server.url);
  });
  afterAll(async () => {
    a.disconnect();
    b.disconnect();
    await server.stop();
  });
  it("one instance wins a key, whichever asks first, even at the same moment; the token is stored", async () => {
    const sa = redisClaimStore(a);
    const sb = redisClaimStore(b);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? sa : sb).claim("closing:o/r:2026-11-24", 3600)));
    const winners = results.flatMap((r, i) => (r ? [{ claim: r, store: i % 2 ? sa : sb, other: i % 2 ? sb : sa }] : []));
    expect(winners).toHaveLength(1);
    const { claim, store, other } = winners[0]!;
    expect(await b.get("recrutement-bot:closing:o/r:2026-11-24")).toBe(claim.token);
    expect(await b.ttl("recrutement-bot:closing:o/r:2026-11-24")).toBeGreaterThan(3500);
    // Only the winner's store gives it back.
    expect(await other.release("closing:o/r:2026-11-24")).toBe(false);
    expect(await other.claim("closing:o/r:2026-11-24", 3600)).toBeNull();
    expect(await store.release("closing:o/r:2026-11-24")).toBe(true);
    expect(await other.claim("closing:o/r:2026-11-24", 3600)).not.toBeNull();
  });

  describe("owner tokens", () => {
    ownerTokenCases(
      async () => {
        await a.flushdb();
        return [redisClaimStore(a), redisClaimStore(b)];
      },
      // A claim running out, as Redis's own expiry would do it.
      async (key) => void (await a.del(`recrutement-bot:${key}`)),
    );
  });

  it("a lock (withClaim) whose holder outlived its claim gives back only its own: the next holder keeps the lock", async () => {
    await a.flushdb();
    const sa = redisClaimStore(a);
    const sb = redisClaimStore(b);
    const order: string[] = [];
    await withClaim(sa, "review-lock:o/r#9", { ttlSeconds: 1, waitMs: 5_000, pollMs: 10 }, async () => {
      order.push("a starts");
      // a's claim runs out (Redis's expiry), b takes the lock meanwhile.
      await a.del("recrutement-bot:review-lock:o/r#9");
      expect(await sb.claim("review-lock:o/r#9", 60)).not.toBeNull();
      order.push("b holds");
    });
    // a has finished and "released": b's claim is still there.
    expect(await a.exists("recrutement-bot:review-lock:o/r#9")).toBe(1);
    expect(await sb.release("review-lock:o/r#9")).toBe(true);
    expect(await a.exists("recrutement-bot:review-lock:o/r#9")).toBe(0);
    expect(order).toEqual(["a starts", "b holds"]);
  });
});
