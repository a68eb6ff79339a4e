/**
 * GitHub as the closing job sees it, for the replay: the files of the default branch (config,
 * postings), answered to the job's GraphQL scan and history queries (checked against GitHub's
 * GraphQL schema), and every write it may make (branches, contents, commits, pull requests,
 * comments, labels, reviewers) accepted. No closing branch or pull request
 * exists beforehand. The requests themselves are recorded by the mock (test/helpers/github-mock.ts).
 *
 * The pull-request side of GitHub (a review) is test/github/review/fake-github.ts.
 */
import { createHash } from "node:crypto";
import { validate } from "@octokit/graphql-schema";
import type { GitHubMock } from "../../test/helpers/github-mock.js";

export interface DefaultBranchState {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Path → text of every file on the default branch. */
  files: Record<string, string>;
  headOid: string;
  treeOid: string;
  /** Number the next pull request gets. */
  nextPullRequest: number;
}

/** The oid git gives a blob holding `text` (UTF-8). */
export function blobOid(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

const REGULAR_FILE = 0o100644;

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === "string") return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  return (body ?? {}) as Record<string, unknown>;
}

export function fakeDefaultBranch(gh: GitHubMock, state: DefaultBranchState): void {
  const repoPath = `/repos/${state.owner}/${state.repo}`;
  const s = gh.scope;
  const under = (prefix: string) => (uri: string) => uri.startsWith(prefix);
  const pathOf = (uri: string, prefix: string) => decodeURIComponent(uri.slice(prefix.length).split("?")[0]!);
  let nextSha = 1;
  const sha = () => (nextSha++).toString(16).padStart(40, "a");

  s.get(under(`${repoPath}/contents/`))
    .optionally()
    .times(1000)
    .reply((uri) => {
      const path = pathOf(uri, `${repoPath}/contents/`);
      const text = state.files[path];
      if (text === undefined) return [404, { message: "Not Found" }];
      const content = Buffer.from(text, "utf8").toString("base64");
      return [200, { type: "file", name: path.split("/").pop(), path, size: Buffer.byteLength(text), sha: blobOid(text), encoding: "base64", content }];
    });

  s.post("/graphql")
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const { query, variables } = parseBody(body) as { query: string; variables: Record<string, unknown> };
      const errors = validate(query);
      if (errors.length > 0) return [200, { errors: errors.map((e) => ({ message: e.message })) }];
      if (variables.owner !== state.owner || variables.name !== state.repo) return [200, { data: { repository: null } }];
      return [200, { data: { repository: answer(state, query, variables) } }];
    });

  s.post(`${repoPath}/git/refs`).optionally().times(1000).reply(201, (_uri, body) => {
    const b = parseBody(body) as { ref: string; sha: string };
    return { ref: b.ref, object: { sha: b.sha, type: "commit" } };
  });
  s.patch(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply(200, (uri, body) => ({ ref: `refs/${pathOf(uri, `${repoPath}/git/refs/`)}`, object: { sha: (parseBody(body) as { sha: string }).sha, type: "commit" } }));
  s.delete(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply(204, "");
  s.put(under(`${repoPath}/contents/`)).optionally().times(1000).reply(200, (uri) => ({ content: { path: pathOf(uri, `${repoPath}/contents/`), sha: sha() }, commit: { sha: sha() } }));
  s.post(`${repoPath}/git/trees`).optionally().times(1000).reply(201, () => ({ sha: sha() }));
  s.post(`${repoPath}/git/commits`).optionally().times(1000).reply(201, () => ({ sha: sha() }));
  s.get(under(`${repoPath}/pulls?`)).optionally().times(1000).reply(200, []);
  s.post(`${repoPath}/pulls`).optionally().times(1000).reply(201, () => {
    const number = state.nextPullRequest++;
    return { number, html_url: `https://github.com/${state.owner}/${state.repo}/pull/${number}` };
  });
  s.patch(under(`${repoPath}/pulls/`)).optionally().times(1000).reply(200, (uri) => ({ number: Number(pathOf(uri, `${repoPath}/pulls/`)) }));
  s.post(under(`${repoPath}/pulls/`)).optionally().times(1000).reply(201, {});
  s.post(`${repoPath}/labels`).optionally().times(1000).reply(201, (_uri, body) => parseBody(body));
  s.post(under(`${repoPath}/issues/`)).optionally().times(1000).reply(201, (uri, body) => (uri.endsWith("/labels") ? (parseBody(body) as { labels: string[] }).labels.map((name) => ({ name })) : { id: nextSha++ }));
}

function answer(state: DefaultBranchState, query: string, variables: Record<string, unknown>): Record<string, unknown> {
  const noBranches = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  if (/^query ClosingScan\b/.test(query)) {
    const folder = String(variables.folder);
    const entries = Object.entries(state.files)
      .filter(([path]) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes("/"))
      .map(([path, text]) => ({
        name: path.slice(folder.length + 1),
        type: "blob",
        mode: REGULAR_FILE,
        oid: blobOid(text),
        object: { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false },
      }));
    return {
      defaultBranchRef: {
        name: state.defaultBranch,
        target: { oid: state.headOid, tree: { oid: state.treeOid }, file: entries.length > 0 ? { type: "tree", object: { entries } } : null },
      },
      refs: noBranches,
    };
  }
  if (/^query ClosingBranches\b/.test(query)) return { refs: noBranches };
  // ClosingHistory (and any other query asking for pull requests by branch): none closed yet.
  const repository: Record<string, unknown> = {};
  for (const name of Object.keys(variables)) if (/^b\d+$/.test(name)) repository[name] = { nodes: [] };
  return repository;
}
