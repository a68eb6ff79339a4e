/** Claims shared through Redis when `REDIS_URL` is set (several instances), else in memory. */
import { Redis } from "ioredis";
import { memoryClaimStore, redisClaimStore, type ClaimStore } from "./claims.js";

export function createClaimStore(env: Readonly<Record<string, string | undefined>> = process.env): ClaimStore {
  const url = env.REDIS_URL;
  if (!url) return memoryClaimStore();
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return redisClaimStore(redis);
}
