/**
 * Runs `work` while holding a claim, as a lock shared by the app instances (Redis) or the
 * process (memory): waits, polling, while another holder has it, then gives it back. After
 * `waitMs` the work runs anyway (a holder that died keeps its claim until the claim expires):
 * better done twice than not at all. The claim given back is the one taken (its owner token): if it
 * expired meanwhile and another holder took the key, that holder's claim stays.
 */
import type { ClaimStore } from "./claims.js";

export interface WithClaimOptions {
  ttlSeconds: number;
  waitMs: number;
  pollMs?: number;
  /** Told when the wait ran out and the work runs without the claim. */
  onTimeout?: () => void;
}

export async function withClaim<T>(claims: ClaimStore, key: string, options: WithClaimOptions, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + options.waitMs;
  const poll = options.pollMs ?? 200;
  let held = await claims.claim(key, options.ttlSeconds);
  while (!held && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, poll / 2 + Math.random() * poll));
    held = await claims.claim(key, options.ttlSeconds);
  }
  if (!held) options.onTimeout?.();
  try {
    return await work();
  } finally {
    if (held) await claims.release(held);
  }
}
