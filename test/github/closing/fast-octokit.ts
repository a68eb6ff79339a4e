/**
 * The app's Octokit module with its waits shrunk (backoff and pace in ms instead of s), for the
 * tests that run the `close --repo` command many times and are not about its pace
 * (test/github/closing/scale.test.ts checks the real pace on a fake clock):
 *
 *   vi.mock("../../../src/github/create-app-octokit.js", async (original) => (await import("./fast-octokit.js")).fastOctokitModule(await original()));
 */
import Bottleneck from "bottleneck";
import type * as AppOctokit from "../../../src/github/create-app-octokit.js";

export function fastOctokitModule(original: typeof AppOctokit): typeof AppOctokit {
  const group = (maxConcurrent: number) => new Bottleneck.Group({ maxConcurrent, minTime: 0 });
  const fast: typeof AppOctokit.createAppOctokit = (options = {}) =>
    original.createAppOctokit({
      retryBaseMs: 1,
      ...options,
      throttle: {
        retryAfterBaseValue: 1,
        global: group(10),
        auth: group(1),
        write: group(1),
        notifications: group(1),
        search: group(1),
        ...options.throttle,
      },
    });
  return { ...original, createAppOctokit: fast };
}
