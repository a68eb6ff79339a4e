/**
 * The GitHub the app talks to in the benchmarks that run the real app (review-latency, load): the
 * stand-in of bench/lib/github-stand-in.ts, reached through this file alone, so that replacing
 * the stand-in changes one file of the bench.
 */
import { startGitHubStandIn, type StandInFile, type StandInPull } from "./github-stand-in.js";

export type PullFile = StandInFile;

/** What a pull request holds on the stand-in (what the app wrote). */
export type PullOnGitHub = Pick<StandInPull, "headSha" | "checkRuns" | "comments" | "reviewComments" | "labels">;

export interface BenchGitHub {
  /** `http://127.0.0.1:port`, laid out as GitHub Enterprise Server (REST under /api/v3, GraphQL at /api/graphql). */
  origin: string;
  /** A pull request at its first push (anything it held before is forgotten). */
  openPull(owner: string, repo: string, number: number, headSha: string, files: PullFile[]): void;
  /** A new push on an open pull request: new head and files; comments, check runs and labels stay. */
  push(owner: string, repo: string, number: number, headSha: string, files: PullFile[]): void;
  pull(owner: string, repo: string, number: number): PullOnGitHub | undefined;
  /** Requests it answered. */
  requestCount(): number;
  /** Requests over GitHub's limits or to routes it does not know. */
  problems(): string[];
  close(): Promise<void>;
}

/** `latencyMs`: every answer waits that long, as GitHub's own time would. */
export async function startBenchGitHub(latencyMs: number): Promise<BenchGitHub> {
  const standIn = await startGitHubStandIn({ latencyMs });
  const key = (owner: string, repo: string, number: number) => `${owner}/${repo}#${number}`;
  return {
    origin: standIn.origin,
    openPull: (owner, repo, number, headSha, files) => standIn.setPull(owner, repo, number, headSha, files),
    push: (owner, repo, number, headSha, files) => standIn.pushPull(owner, repo, number, headSha, files),
    pull: (owner, repo, number) => standIn.pulls.get(key(owner, repo, number)),
    requestCount: () => [...standIn.requests.values()].reduce((a, b) => a + b, 0),
    problems: () => [...standIn.problems],
    close: () => standIn.close(),
  };
}
