/**
 * A GitHub client for one repository, from the environment of a cron job or a workflow:
 * GITHUB_TOKEN, or the app's credentials (APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH, then the
 * installation of the repository). GITHUB_API_URL and GITHUB_GRAPHQL_URL are honoured (GitHub
 * Enterprise Server, GHE.com); without them, Octokit's defaults apply.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import type { Logger } from "pino";
import { Probot } from "probot";
import type { GitHub, RepoRef } from "../octokit.js";
import { boundedFetch, createAppOctokit, MAX_RESPONSE_BYTES, REQUEST_TIMEOUT_MS } from "../../server/create-app-octokit.js";

export type Env = Readonly<Record<string, string | undefined>>;

export class MissingCredentialsError extends Error {}

/** `cwd`: the folder a relative PRIVATE_KEY_PATH is read from. */
export async function githubFromEnv(env: Env, repo: RepoRef, log: Logger, cwd = process.cwd()): Promise<GitHub> {
  const baseUrl = env.GITHUB_API_URL?.replace(/\/+$/, "") || undefined;
  const token = env.GITHUB_TOKEN;
  let client: GitHub;
  if (token) {
    // The app's limits: a deadline per request and a cap on each answer.
    const fetch = boundedFetch(globalThis.fetch, REQUEST_TIMEOUT_MS, MAX_RESPONSE_BYTES);
    client = new Octokit({ auth: token, ...(baseUrl ? { baseUrl } : {}), log: silent(log), request: { fetch } });
  } else {
    const privateKey = env.PRIVATE_KEY?.replace(/\\n/g, "\n") || (env.PRIVATE_KEY_PATH ? readFileSync(path.resolve(cwd, env.PRIVATE_KEY_PATH), "utf8") : "");
    if (!env.APP_ID || !privateKey) throw new MissingCredentialsError();
    const probot = new Probot({ appId: env.APP_ID, privateKey, log, ...(baseUrl ? { baseUrl } : {}), Octokit: createAppOctokit() });
    const app = await probot.auth();
    const installation = await app.request("GET /repos/{owner}/{repo}/installation", { ...repo });
    client = (await probot.auth(installation.data.id)) as unknown as GitHub;
  }
  const graphqlUrl = env.GITHUB_GRAPHQL_URL;
  return graphqlUrl ? { request: client.request, graphql: client.graphql.defaults({ url: graphqlUrl }) } : client;
}

function silent(log: Logger) {
  // Failed requests surface as errors where they matter (a 404 on the config file is expected): not logged twice.
  return { debug: () => {}, info: () => {}, warn: (m: string) => log.warn(m), error: () => {} };
}
