/**
 * The closed pull requests of given closing branches (the open ones come with the scan): what
 * tells a refusal (closed without merging, by a person) from a merge. One GraphQL query per 50
 * branches, looked up by exact head branch name, so that a refusal is found however old it is
 * and whether or not its branch was deleted.
 */
import type { ClosingPullRequest } from "./plan-closing.js";
import type { GitHub, RepoRef } from "../octokit.js";

const BATCH = 50;
/** Most recent pull requests looked at per branch. */
const PER_BRANCH = 20;

interface HistoryData {
  repository: Record<string, { nodes: { number: number; state: "OPEN" | "CLOSED" | "MERGED"; body: string | null }[] } | null> | null;
}

export function historyQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$b${i}: String!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `    b${i}: pullRequests(headRefName: $b${i}, states: [CLOSED], first: ${PER_BRANCH}, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number state body } }`,
  ).join("\n");
  return `query ClosingHistory($owner: String!, $name: String!, ${vars}) {\n  repository(owner: $owner, name: $name) {\n${fields}\n  }\n}`;
}

export async function listClosedClosingPrs(
  gh: GitHub,
  repo: RepoRef,
  branches: readonly string[],
): Promise<{ pullRequests: ClosingPullRequest[]; requests: number }> {
  const pullRequests: ClosingPullRequest[] = [];
  let requests = 0;
  for (let start = 0; start < branches.length; start += BATCH) {
    const batch = branches.slice(start, start + BATCH);
    const vars: Record<string, string> = { owner: repo.owner, name: repo.repo };
    batch.forEach((b, i) => (vars[`b${i}`] = b));
    const data = await gh.graphql<HistoryData>(historyQuery(batch.length), vars);
    requests++;
    batch.forEach((branch, i) => {
      for (const pr of data.repository?.[`b${i}`]?.nodes ?? []) {
        if (pr.state !== "CLOSED") continue;
        pullRequests.push({ number: pr.number, branch, state: "closed", body: pr.body ?? "" });
      }
    });
  }
  return { pullRequests, requests };
}
