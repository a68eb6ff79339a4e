/**
 * A GitHub client for one repository, from the environment of a cron job or a workflow:
 * GITHUB_TOKEN, or the app's credentials (APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH, then the
 * installation of the repository). GITHUB_API_URL and GITHUB_GRAPHQL_URL are honoured (GitHub
 * Enterprise Server, GHE.com); without them, Octokit's defaults apply.
 *
 * Both are the app's Octokit (create-app-octokit.ts): the same deadline per request
 * and cap on answers, the same retries, and the same pace, which @octokit/plugin-throttling
 * keeps: at least 1 s between writes (GraphQL queries included), 3 s between the writes that
 * notify people (pull requests, comments, reviewers), `retry-after` honoured on a secondary
 * rate limit. GitHub's secondary limit is 80 content-creating requests a minute: at one write a
 * second at most, `max-pull-requests: 100` (about 400 writes) completes, labels included. A cron
 * or a workflow holds no webhook: it waits up to CLI_RATE_LIMIT_WAIT_SECONDS when GitHub asks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { Probot } from "probot";
import type { GitHub, RepoRef } from "./octokit.js";
import { createAppOctokit, type AppOctokitOptions } from "./create-app-octokit.js";

/** The longest `retry-after` the command waits for (the app, answering a webhook, waits 60 s). */
export const CLI_RATE_LIMIT_WAIT_SECONDS = 600;

export type Env = Readonly<Record<string, string | undefined>>;

export class MissingCredentialsError extends Error {}

/** `cwd`: the folder a relative PRIVATE_KEY_PATH is read from; `octokit`: tests shrink the waits. */
export async function githubFromEnv(
  env: Env,
  repo: RepoRef,
  log: Logger,
  cwd = process.cwd(),
  octokit: AppOctokitOptions = {},
): Promise<GitHub> {
  const baseUrl = env.GITHUB_API_URL?.replace(/\/+$/, "") || undefined;
  const token = env.GITHUB_TOKEN;
  const Octokit = createAppOctokit({ maxRateLimitWaitSeconds: CLI_RATE_LIMIT_WAIT_SECONDS, ...octokit });
  let client: GitHub;
  if (token) {
    client = new Octokit({ auth: { token }, ...(baseUrl ? { baseUrl } : {}), log: silent(log) });
  } else {
    const privateKey =
      env.PRIVATE_KEY?.replace(/\\n/g, "\n") || (env.PRIVATE_KEY_PATH ? readFileSync(path.resolve(cwd, env.PRIVATE_KEY_PATH), "utf8") : "");
    if (!env.APP_ID || !privateKey) throw new MissingCredentialsError();
    const probot = new Probot({ appId: env.APP_ID, privateKey, log, ...(baseUrl ? { baseUrl } : {}), Octokit });
    const app = await probot.auth();
    const installation = await app.request("GET /repos/{owner}/{repo}/installation", { ...repo });
    client = await probot.auth(installation.data.id);
  }
  const graphqlUrl = env.GITHUB_GRAPHQL_URL;
  return graphqlUrl ? { request: client.request, graphql: client.graphql.defaults({ url: graphqlUrl }) } : client;
}

function silent(log: Logger) {
  // Failed requests surface as errors where they matter (a 404 on the config file is expected): not logged twice.
  // Warnings (a rate limit waited for) are kept.
  return {
    debug: () => {},
    info: () => {},
    warn: (...args: [object | string, string?]) => (typeof args[0] === "string" ? log.warn(args[0]) : log.warn(args[0], args[1])),
    error: () => {},
  };
}
