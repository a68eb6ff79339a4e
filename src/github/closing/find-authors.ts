/**
 * Who added each posting: the GitHub user to ask when the app proposes to close it. One GraphQL
 * query for all the postings of a run's new closing pull requests: for each path, the oldest
 * commit of the default branch's history that touches it (`history(path:, last: 1)` from the
 * head commit the scan read); its author is the merged pull request that brought it, when there
 * is one (the person who proposed the posting, not whoever merged it), else the commit's
 * author as GitHub links it to an account. Bots, and commits GitHub links to no account, give
 * nobody.
 *
 * An answer without a path's field (an older GitHub, a stand-in that does not know the query)
 * gives nobody for it: asking the author is a courtesy, never a reason to fail the run.
 */
import type { GitHub, RepoRef } from "../octokit.js";

/** Paths per query (GitHub's query cost stays low). */
const BATCH = 50;

interface HistoryNode {
  author?: { user?: { login: string } | null } | null;
  associatedPullRequests?: {
    nodes: ({
      number?: number;
      merged: boolean;
      author?: { login: string; __typename?: string } | null;
      comments?: { nodes: ({ body: string } | null)[] } | null;
    } | null)[];
  } | null;
}

export function authorsQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$p${i}: String!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `        p${i}: history(path: $p${i}, last: 1) { nodes { author { user { login } } associatedPullRequests(first: 1) { nodes { number merged author { __typename login } comments(last: 50) { nodes { body } } } } } }`,
  ).join("\n");
  return `query ClosingAuthors($owner: String!, $name: String!, $head: GitObjectID!, ${vars}) {\n  repository(owner: $owner, name: $name) {\n    object(oid: $head) {\n      ... on Commit {\n${fields}\n      }\n    }\n  }\n}`;
}

/** A login that can be asked: a person's, not a bot's. */
export function isPerson(login: string | undefined | null, typename?: string): login is string {
  return typeof login === "string" && login !== "" && !/\[bot\]$/i.test(login) && (typename === undefined || typename === "User");
}

/** The merged pull request that added a posting: its number, and the last comments' bodies (to find the notices already given). */
export interface AddedBy {
  number: number;
  comments: string[];
}

/** Path → login of who added it (postings whose author is unknown are absent); path → the merged pull request that added it. */
export async function findAuthors(
  gh: GitHub,
  repo: RepoRef,
  headOid: string,
  paths: readonly string[],
): Promise<{ authors: Map<string, string>; pulls: Map<string, AddedBy>; requests: number }> {
  const authors = new Map<string, string>();
  const pulls = new Map<string, AddedBy>();
  let requests = 0;
  const unique = [...new Set(paths)];
  for (let start = 0; start < unique.length; start += BATCH) {
    const batch = unique.slice(start, start + BATCH);
    const vars: Record<string, string> = { owner: repo.owner, name: repo.repo, head: headOid };
    batch.forEach((p, i) => (vars[`p${i}`] = p));
    const data = await gh.graphql<{ repository: { object: Record<string, { nodes: HistoryNode[] } | null> | null } | null }>(
      authorsQuery(batch.length),
      vars,
    );
    requests++;
    batch.forEach((path, i) => {
      const first = data.repository?.object?.[`p${i}`]?.nodes?.[0];
      if (!first) return;
      const pr = first.associatedPullRequests?.nodes?.find((n) => n?.merged);
      if (pr && typeof pr.number === "number")
        pulls.set(path, { number: pr.number, comments: (pr.comments?.nodes ?? []).flatMap((c) => (c ? [c.body] : [])) });
      const login = pr ? (isPerson(pr.author?.login, pr.author?.__typename) ? pr.author.login : undefined) : first.author?.user?.login;
      if (isPerson(login)) authors.set(path, login);
    });
  }
  return { authors, pulls, requests };
}
