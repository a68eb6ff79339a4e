/**
 * A stateful GitHub for the closing job, shared by several app instances: the default branch's
 * files, the branches (each with its files), the pull requests, the labels. Unlike a recording
 * mock it behaves as GitHub does when two writers race: creating a branch that exists is a 422
 * "Reference already exists", writing a file whose blob is no longer the one named is a 409,
 * opening a second pull request for the same head is a 422 "A pull request already exists".
 * Requests are recorded (and REST ones checked) by the mock it is installed on.
 */
import { createHash } from "node:crypto";
import { validate } from "@octokit/graphql-schema";
import { CLOSING_BRANCH_PREFIX } from "../../src/core/closing/branch-name.js";
import type { GitHubMock } from "../helpers/github-mock.js";

export interface ClosingPull {
  number: number;
  head: string;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: string[];
}

export interface ClosingRepo {
  owner: string;
  repo: string;
  defaultBranch: string;
  headOid: string;
  treeOid: string;
  /** Files of the default branch (path → text). */
  files: Record<string, string>;
  /** Branch name → its files. */
  branches: Map<string, Record<string, string>>;
  pulls: ClosingPull[];
  labels: string[];
  /** Commit and tree ids the fake made → their files. */
  objects: Map<string, Record<string, string>>;
  /** GraphQL Blob answered instead of the file's text (a huge or binary posting). */
  blobNodes: Map<string, { byteSize: number; isBinary: boolean; isTruncated: boolean; text: string | null }>;
}

export function blobOid(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export function closingRepo(files: Record<string, string>): ClosingRepo {
  const headOid = "1".repeat(40);
  const treeOid = "2".repeat(40);
  return { owner: "betagouv", repo: "offres", defaultBranch: "main", headOid, treeOid, files, branches: new Map(), pulls: [], labels: [], objects: new Map([[headOid, files], [treeOid, files]]), blobNodes: new Map() };
}

function parse(body: unknown): Record<string, unknown> {
  if (typeof body === "string") return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  return (body ?? {}) as Record<string, unknown>;
}

const exists = (message: string) => [422, { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message }] }] as const;

export function fakeClosingGitHub(gh: GitHubMock, state: ClosingRepo): void {
  const repoPath = `/repos/${state.owner}/${state.repo}`;
  const s = gh.scope;
  const under = (prefix: string) => (uri: string) => uri.startsWith(prefix);
  const rest = (uri: string, prefix: string) => decodeURIComponent(uri.slice(prefix.length).split("?")[0]!);
  let next = 1;
  const newSha = () => (next++).toString(16).padStart(40, "c");
  const nextPull = () => 100 + state.pulls.length;

  s.get("/app/installations").query(true).optionally().times(1000).reply(200, [{ id: 1, account: { login: state.owner } }]);
  s.get("/installation/repositories").query(true).optionally().times(1000).reply(200, {
    total_count: 1,
    repositories: [{ name: state.repo, full_name: `${state.owner}/${state.repo}`, default_branch: state.defaultBranch, owner: { login: state.owner } }],
  });

  s.get(under(`${repoPath}/contents/`)).optionally().times(1000).reply((uri) => {
    const path = rest(uri, `${repoPath}/contents/`);
    const ref = new URLSearchParams(uri.split("?")[1] ?? "").get("ref");
    const files = ref === null || ref === state.defaultBranch ? state.files : state.branches.get(ref);
    const text = files?.[path];
    if (text === undefined) return [404, { message: "Not Found" }];
    return [200, { type: "file", name: path.split("/").pop(), path, size: Buffer.byteLength(text), sha: blobOid(text), encoding: "base64", content: Buffer.from(text).toString("base64") }];
  });

  s.post("/graphql").optionally().times(1000).reply((_uri, body) => {
    const { query, variables } = parse(body) as { query: string; variables: Record<string, unknown> };
    const errors = validate(query);
    if (errors.length > 0) return [200, { errors: errors.map((e) => ({ message: e.message })) }];
    return [200, { data: { repository: answer(query, variables) } }];
  });

  s.post(`${repoPath}/git/refs`).optionally().times(1000).reply((_uri, body) => {
    const b = parse(body) as { ref: string; sha: string };
    const name = b.ref.replace(/^refs\/heads\//, "");
    if (state.branches.has(name)) return [422, { message: "Reference already exists" }];
    state.branches.set(name, { ...(state.objects.get(b.sha) ?? state.files) });
    return [201, { ref: b.ref, object: { sha: b.sha, type: "commit" } }];
  });
  // Octokit sends `{ref}` encoded whole: /git/refs/heads%2Fa%2Fb.
  const branchOf = (uri: string) => rest(uri, `${repoPath}/git/refs/`).replace(/^heads\//, "");
  s.patch(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply((uri, body) => {
    const name = branchOf(uri);
    const b = parse(body) as { sha: string };
    if (!state.branches.has(name)) return [422, { message: "Reference does not exist" }];
    state.branches.set(name, { ...(state.objects.get(b.sha) ?? state.files) });
    return [200, { ref: `refs/heads/${name}`, object: { sha: b.sha, type: "commit" } }];
  });
  s.delete(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply((uri) => {
    const name = branchOf(uri);
    return state.branches.delete(name) ? [204, ""] : [422, { message: "Reference does not exist" }];
  });
  s.put(under(`${repoPath}/contents/`)).optionally().times(1000).reply((uri, body) => {
    const path = rest(uri, `${repoPath}/contents/`);
    const b = parse(body) as { branch: string; sha?: string; content: string };
    const files = state.branches.get(b.branch);
    if (!files) return [404, { message: "Branch not found" }];
    const current = files[path];
    if (current === undefined) return [404, { message: "Not Found" }];
    if (b.sha !== blobOid(current)) return [409, { message: `${path} does not match ${b.sha}` }];
    files[path] = Buffer.from(b.content, "base64").toString("utf8");
    return [200, { content: { path, sha: blobOid(files[path]) }, commit: { sha: newSha() } }];
  });
  s.post(`${repoPath}/git/trees`).optionally().times(1000).reply((_uri, body) => {
    const b = parse(body) as { base_tree: string; tree: { path: string; content: string }[] };
    const files = { ...(state.objects.get(b.base_tree) ?? state.files) };
    for (const t of b.tree) files[t.path] = t.content;
    const sha = newSha();
    state.objects.set(sha, files);
    return [201, { sha }];
  });
  s.post(`${repoPath}/git/commits`).optionally().times(1000).reply((_uri, body) => {
    const b = parse(body) as { tree: string };
    const sha = newSha();
    state.objects.set(sha, state.objects.get(b.tree) ?? {});
    return [201, { sha }];
  });
  s.get(under(`${repoPath}/pulls?`)).optionally().times(1000).reply((uri) => {
    const q = new URLSearchParams(uri.split("?")[1]);
    const head = (q.get("head") ?? "").split(":").pop();
    return [200, state.pulls.filter((p) => p.head === head && (q.get("state") === "all" || p.state === (q.get("state") ?? "open"))).map((p) => ({ number: p.number, state: p.state, body: p.body }))];
  });
  s.post(`${repoPath}/pulls`).optionally().times(1000).reply((_uri, body) => {
    const b = parse(body) as { head: string; title: string; body: string };
    if (!state.branches.has(b.head)) return [...exists(`No commits between ${state.defaultBranch} and ${b.head}`)];
    if (state.pulls.some((p) => p.head === b.head && p.state === "open")) return [...exists(`A pull request already exists for ${state.owner}:${b.head}.`)];
    const pull: ClosingPull = { number: nextPull(), head: b.head, state: "open", title: b.title, body: b.body, labels: [] };
    state.pulls.push(pull);
    return [201, { number: pull.number, html_url: `https://github.com/${state.owner}/${state.repo}/pull/${pull.number}` }];
  });
  s.patch(under(`${repoPath}/pulls/`)).optionally().times(1000).reply((uri, body) => {
    const pull = state.pulls.find((p) => p.number === Number(rest(uri, `${repoPath}/pulls/`)));
    if (!pull) return [404, { message: "Not Found" }];
    Object.assign(pull, parse(body));
    return [200, { number: pull.number }];
  });
  s.post(under(`${repoPath}/pulls/`)).optionally().times(1000).reply(201, {});
  s.post(`${repoPath}/labels`).optionally().times(1000).reply((_uri, body) => {
    const name = String(parse(body).name);
    if (state.labels.some((l) => l.toLowerCase() === name.toLowerCase())) return [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }];
    state.labels.push(name);
    return [201, { name }];
  });
  s.post(under(`${repoPath}/issues/`)).optionally().times(1000).reply((uri, body) => {
    const [number, what] = rest(uri, `${repoPath}/issues/`).split("/");
    const pull = state.pulls.find((p) => p.number === Number(number));
    if (!pull) return [404, { message: "Not Found" }];
    if (what === "labels") {
      for (const l of (parse(body) as { labels: string[] }).labels) if (!pull.labels.includes(l)) pull.labels.push(l);
      return [200, pull.labels.map((name) => ({ name }))];
    }
    return [201, { id: next++ }];
  });

  function answer(query: string, variables: Record<string, unknown>): Record<string, unknown> | null {
    if (variables.owner !== state.owner || variables.name !== state.repo) return null;
    const refs = {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [...state.branches.keys()]
        .filter((b) => b.startsWith(CLOSING_BRANCH_PREFIX))
        .map((b) => ({ name: b.slice(CLOSING_BRANCH_PREFIX.length), associatedPullRequests: { nodes: state.pulls.filter((p) => p.head === b && p.state === "open").map((p) => ({ number: p.number, body: p.body })) } })),
    };
    if (/^query ClosingScan\b/.test(query)) {
      const folder = String(variables.folder);
      const entries = Object.entries(state.files)
        .filter(([path]) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes("/"))
        .map(([path, text]) => ({
          name: path.slice(folder.length + 1),
          type: "blob",
          mode: 0o100644,
          oid: blobOid(text),
          object: state.blobNodes.get(path) ?? { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false },
        }));
      return {
        defaultBranchRef: { name: state.defaultBranch, target: { oid: state.headOid, tree: { oid: state.treeOid }, file: entries.length > 0 ? { type: "tree", object: { entries } } : null } },
        labels: { nodes: state.labels.map((name) => ({ name })) },
        refs,
      };
    }
    if (/^query ClosingBranches\b/.test(query)) return { refs };
    const repository: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) {
      if (/^b\d+$/.test(k)) repository[k] = { nodes: state.pulls.filter((p) => p.head === v && p.state === "closed").map((p) => ({ number: p.number, state: "CLOSED", body: p.body })) };
    }
    return repository;
  }
}
