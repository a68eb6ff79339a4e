/**
 * The slice of Octokit the adapters use: `request` (REST routes, typed from GitHub's
 * description) and `graphql`. Probot's context.octokit and the CLI's @octokit/rest both fit.
 */
import type { Octokit } from "@octokit/rest";
import { RequestError } from "@octokit/request-error";

export type GitHub = Pick<Octokit, "request" | "graphql">;

export interface RepoRef {
  owner: string;
  repo: string;
}

/**
 * GitHub's answer status when `error` is a request GitHub refused (Octokit's RequestError: one
 * copy in the dependencies, shared by Probot and @octokit/rest); undefined for anything else (a
 * GraphQL error, a deadline, an answer too large).
 */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RequestError ? error.status : undefined;
}

/** GitHub's own words for a refused request ("Reference already exists", validation details), else the error's message. */
export function refusalOf(error: unknown): string {
  if (!(error instanceof RequestError)) return error instanceof Error ? error.message : String(error);
  const data = error.response?.data as { message?: string; errors?: { message?: string }[] } | undefined;
  return [data?.message, ...(data?.errors ?? []).map((x) => x.message)].filter(Boolean).join(": ") || error.message;
}
