/**
 * The fake GitHub answering on a nock scope (recorder.ts's `mockGitHub`), in the test's process:
 * one interceptor per method, matching only what the fake answers, so that interceptors a test
 * registers first (exact bodies, faults) win and a request the fake does not know stays unmatched.
 */
import type nock from "nock";
import { FakeGitHub, type FakeGitHubOptions } from "./fake.js";
import { HookDeliveries, type HookDeliveryOptions } from "./hook-deliveries.js";
import { parseBody, type GitHubMock } from "./recorder.js";

const served = new WeakMap<GitHubMock, FakeGitHub>();

/** The fake GitHub behind `gh`, made and installed at the first call (its options then). */
export function serveFakeGitHub(gh: GitHubMock, options: FakeGitHubOptions = {}): FakeGitHub {
  const existing = served.get(gh);
  if (existing) return existing;
  const fake = new FakeGitHub(options);
  served.set(gh, fake);
  const local = (uri: string) => (gh.prefix && uri.startsWith(`${gh.prefix}/`) ? uri.slice(gh.prefix.length) : uri);
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
    gh.scope
      .intercept((uri: string) => fake.handles(method, local(uri)), method)
      .optionally()
      .times(Number.MAX_SAFE_INTEGER)
      .reply((uri, body) => fake.handle(method, local(uri), parseBody(body)) as nock.ReplyFnResult);
  }
  return fake;
}

/** GitHub's side of the app's webhook, answered on `gh` (see hook-deliveries.ts). */
export function fakeHookDeliveries(gh: GitHubMock, options: HookDeliveryOptions): HookDeliveries {
  const fake = serveFakeGitHub(gh);
  fake.hooks = new HookDeliveries(options);
  return fake.hooks;
}
