import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { memoryClaimStore, redisClaimStore } from "../../src/server/claims.js";
import { redisServerPath, startRedis, type RedisServer } from "../helpers/redis.js";

describe("memory claims", () => {
  it("lets the first caller win until the claim expires or is released", async () => {
    let now = 0;
    const store = memoryClaimStore(3, () => now);
    expect(await store.claim("d1", 60)).toBe(true);
    expect(await store.claim("d1", 60)).toBe(false);
    now = 61_000;
    expect(await store.claim("d1", 60)).toBe(true);
    await store.release("d1");
    expect(await store.claim("d1", 60)).toBe(true);
  });
  it("stays bounded: the oldest claims go first", async () => {
    const store = memoryClaimStore(2, () => 0);
    for (const k of ["a", "b", "c"]) expect(await store.claim(k, 60)).toBe(true);
    expect(await store.claim("c", 60)).toBe(false);
    expect(await store.claim("a", 60)).toBe(true);
  });
  it("gives one winner among concurrent callers", async () => {
    const store = memoryClaimStore();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim("same", 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
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
  it("one instance wins a key, whichever asks first, even at the same moment", async () => {
    const sa = redisClaimStore(a);
    const sb = redisClaimStore(b);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? sa : sb).claim("closing:o/r:2026-11-24", 3600)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.ttl("recrutement-bot:closing:o/r:2026-11-24")).toBeGreaterThan(3500);
    await sa.release("closing:o/r:2026-11-24");
    expect(await sb.claim("closing:o/r:2026-11-24", 3600)).toBe(true);
  });
});
