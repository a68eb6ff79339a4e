/**
 * The slice of Octokit the adapters use: `request` (REST routes, typed from GitHub's
 * description) and `graphql`. Probot's context.octokit and the CLI's @octokit/rest both fit.
 */
import type { Octokit } from "@octokit/rest";

export type GitHub = Pick<Octokit, "request" | "graphql">;

export interface RepoRef {
  owner: string;
  repo: string;
}
