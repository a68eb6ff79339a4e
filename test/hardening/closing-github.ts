/**
 * A stateful GitHub for the closing job, shared by several app instances: the default branch's
 * files, the branches (each with its files), the pull requests, the labels. Unlike a recording
 * mock it behaves as GitHub does when two writers race: creating a branch that exists is a 422
 * "Reference already exists", writing a file whose blob is no longer the one named is a 409,
 * opening a second pull request for the same head is a 422 "A pull request already exists".
 * Requests are recorded (and REST ones checked) by the mock it is installed on.
 *
 * It also answers GitHub's limits as GitHub does: a pull request body or a comment over 65,536
 * characters, a title over 256, a label name over 50 or a description over 100 is a 422
 * Validation Failed with GitHub's message; more than 80 content-creating requests (POST, PATCH,
 * PUT, DELETE) within a minute of `Date.now()` get a 403 secondary rate limit with `retry-after`.
 * The folders of the default branch are trees as GitHub answers them (subfolders nested as deep
 * as the query asks, deeper ones read by their oid).
 */
import { createHash } from "node:crypto";
import { validate } from "@octokit/graphql-schema";
import { CLOSING_BRANCH_PREFIX } from "../../src/core/closing/branch-name.js";
import type { GitHubMock } from "../helpers/github-mock.js";

export interface ClosingPull {
  number: number;
  head: string;
  state: "open" | "closed" | "merged";
  title: string;
  body: string;
  labels: string[];
  /** When it was opened (ISO instant), answered by the scan when set. */
  createdAt?: string;
}

/** An issue of the repository (the dashboard). */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "open" | "closed";
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
  /** Requests GitHub refused for a limit: 422 Validation Failed, 403 secondary rate limit. */
  refused: { status: number; request: string; message: string }[];
  /** When each content-creating request GitHub accepted arrived (Date.now()). */
  writes: number[];
  /** The request of each of `writes`, `METHOD /path`. */
  writeRequests: string[];
  /** Commit sha → its message (commits made through the git data API). */
  commitMessages: Map<string, string>;
  /** Commit and tree ids the fake made → their files. */
  objects: Map<string, Record<string, string>>;
  /** Who added each posting (path → login), as the authors query answers; absent: nobody known. */
  authors: Map<string, string>;
  /** The merged pull request that added each posting (path → its number); its comments are in `comments`. */
  addedIn: Map<string, number>;
  /** Collaborators of the repository and their permission (`admin`, `write`, `read`); others are outsiders (404). */
  collaborators: Map<string, "admin" | "write" | "read">;
  /** Review requests GitHub accepted: pull request → logins. */
  reviewRequests: Map<number, string[]>;
  /** Comments on issues and pull requests: number → bodies. */
  comments: Map<number, string[]>;
  /** Issues (not pull requests), numbered from 1. */
  issues: FakeIssue[];
  /** GraphQL Blob answered instead of the file's text (a huge or binary posting). */
  blobNodes: Map<string, { byteSize: number; isBinary: boolean; isTruncated: boolean; text: string | null }>;
}

export function blobOid(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** The oid the fake gives the folder `path` of the default branch. */
export function treeOid(path: string): string {
  return createHash("sha1").update(`tree ${path}`).digest("hex");
}

export function closingRepo(files: Record<string, string>): ClosingRepo {
  const headOid = "1".repeat(40);
  const treeOid = "2".repeat(40);
  return { owner: "betagouv", repo: "offres", defaultBranch: "main", headOid, treeOid, files, branches: new Map(), pulls: [], labels: [], refused: [], writes: [], writeRequests: [], commitMessages: new Map(), objects: new Map([[headOid, files], [treeOid, files]]), blobNodes: new Map(), authors: new Map(), addedIn: new Map(), collaborators: new Map(), reviewRequests: new Map(), comments: new Map(), issues: [] };
}

function parse(body: unknown): Record<string, unknown> {
  if (typeof body === "string") return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  return (body ?? {}) as Record<string, unknown>;
}

/** GitHub's limits the fake enforces (GitHub's documented values: src/github/limits.ts states them with their source). */
export const FAKE_LIMITS = { body: 65_536, title: 256, labelName: 50, labelDescription: 100, writesPerMinute: 80, retryAfterSeconds: 60 } as const;

type Reply = [number, unknown] | [number, unknown, Record<string, string>];

function tooLong(resource: string, field: string, max: number): Reply {
  return [
    422,
    {
      message: "Validation Failed",
      errors: [{ resource, code: "custom", field, message: `${field} is too long (maximum is ${max} characters)` }],
      documentation_url: "https://docs.github.com/rest",
    },
  ];
}

const exists = (message: string) => [422, { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message }] }] as const;

export interface FakeOptions {
  /** Answer the secondary rate limit (on unless told). */
  secondaryRateLimit?: boolean;
}

export function fakeClosingGitHub(gh: GitHubMock, state: ClosingRepo, options: FakeOptions = {}): void {
  const repoPath = `/repos/${state.owner}/${state.repo}`;
  const s = gh.scope;
  const under = (prefix: string) => (uri: string) => uri.startsWith(prefix);
  const rest = (uri: string, prefix: string) => decodeURIComponent(uri.slice(prefix.length).split("?")[0]!);
  let next = 1;
  const newSha = () => (next++).toString(16).padStart(40, "c");
  const nextPull = () => 100 + state.pulls.length;

  /** The secondary rate limit, then the request's own answer. */
  const limited =
    <A extends unknown[]>(method: string, fn: (uri: string, body: unknown, ...rest: A) => Reply) =>
    (uri: string, body: unknown, ...rest: A): Reply => {
      const at = Date.now();
      const request = `${method} ${uri.split("?")[0]}`;
      if (options.secondaryRateLimit !== false && state.writes.filter((t) => t > at - 60_000).length >= FAKE_LIMITS.writesPerMinute) {
        const message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
        state.refused.push({ status: 403, request, message });
        return [403, { message, documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" }, { "retry-after": String(FAKE_LIMITS.retryAfterSeconds), "x-ratelimit-remaining": "4000" }];
      }
      state.writes.push(at);
      state.writeRequests.push(request);
      const answer = fn(uri, body, ...rest);
      if (answer[0] === 422 && /too long/.test(JSON.stringify(answer[1]))) state.refused.push({ status: 422, request, message: JSON.stringify(answer[1]) });
      return answer;
    };

  s.get("/app/installations").query(true).optionally().times(1000).reply(200, [{ id: 1, account: { login: state.owner } }]);
  s.get("/installation/repositories").query(true).optionally().times(1000).reply(200, {
    total_count: 1,
    repositories: [{ name: state.repo, full_name: `${state.owner}/${state.repo}`, default_branch: state.defaultBranch, owner: { login: state.owner } }],
  });

  s.get(repoPath).optionally().times(1000).reply(200, { name: state.repo, full_name: `${state.owner}/${state.repo}`, default_branch: state.defaultBranch });
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

  s.post(`${repoPath}/git/refs`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const b = parse(body) as { ref: string; sha: string };
    const name = b.ref.replace(/^refs\/heads\//, "");
    if (state.branches.has(name)) return [422, { message: "Reference already exists" }];
    state.branches.set(name, { ...(state.objects.get(b.sha) ?? state.files) });
    return [201, { ref: b.ref, object: { sha: b.sha, type: "commit" } }];
  }));
  // Octokit sends `{ref}` encoded whole: /git/refs/heads%2Fa%2Fb.
  const branchOf = (uri: string) => rest(uri, `${repoPath}/git/refs/`).replace(/^heads\//, "");
  s.patch(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply(limited("PATCH", (uri, body) => {
    const name = branchOf(uri);
    const b = parse(body) as { sha: string };
    if (!state.branches.has(name)) return [422, { message: "Reference does not exist" }];
    state.branches.set(name, { ...(state.objects.get(b.sha) ?? state.files) });
    return [200, { ref: `refs/heads/${name}`, object: { sha: b.sha, type: "commit" } }];
  }));
  s.delete(under(`${repoPath}/git/refs/`)).optionally().times(1000).reply(limited("DELETE", (uri) => {
    const name = branchOf(uri);
    return state.branches.delete(name) ? [204, ""] : [422, { message: "Reference does not exist" }];
  }));
  s.put(under(`${repoPath}/contents/`)).optionally().times(1000).reply(limited("PUT", (uri, body) => {
    const path = rest(uri, `${repoPath}/contents/`);
    const b = parse(body) as { branch: string; sha?: string; content: string };
    const files = state.branches.get(b.branch);
    if (!files) return [404, { message: "Branch not found" }];
    const current = files[path];
    if (current === undefined) return [404, { message: "Not Found" }];
    if (b.sha !== blobOid(current)) return [409, { message: `${path} does not match ${b.sha}` }];
    files[path] = Buffer.from(b.content, "base64").toString("utf8");
    return [200, { content: { path, sha: blobOid(files[path]) }, commit: { sha: newSha() } }];
  }));
  s.post(`${repoPath}/git/trees`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const b = parse(body) as { base_tree: string; tree: { path: string; content: string }[] };
    const files = { ...(state.objects.get(b.base_tree) ?? state.files) };
    for (const t of b.tree) files[t.path] = t.content;
    const sha = newSha();
    state.objects.set(sha, files);
    return [201, { sha }];
  }));
  s.post(`${repoPath}/git/commits`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const b = parse(body) as { tree: string; message: string };
    const sha = newSha();
    state.commitMessages.set(sha, b.message);
    state.objects.set(sha, state.objects.get(b.tree) ?? {});
    return [201, { sha }];
  }));
  s.get(under(`${repoPath}/pulls?`)).optionally().times(1000).reply((uri) => {
    const q = new URLSearchParams(uri.split("?")[1]);
    const head = (q.get("head") ?? "").split(":").pop();
    return [200, state.pulls.filter((p) => p.head === head && (q.get("state") === "all" || p.state === (q.get("state") ?? "open"))).map((p) => ({ number: p.number, state: p.state, body: p.body }))];
  });
  s.get((uri) => new RegExp(`^${repoPath}/pulls/\\d+$`).test(uri.split("?")[0]!)).optionally().times(1000).reply((uri) => {
    const pull = state.pulls.find((p) => p.number === Number(rest(uri, `${repoPath}/pulls/`)));
    if (!pull) return [404, { message: "Not Found" }];
    const full_name = `${state.owner}/${state.repo}`;
    return [200, { number: pull.number, state: pull.state === "open" ? "open" : "closed", merged: pull.state === "merged", title: pull.title, body: pull.body, head: { ref: pull.head, repo: { full_name } }, base: { ref: state.defaultBranch, repo: { full_name } } }];
  });
  s.get(under(`${repoPath}/git/ref/`)).optionally().times(1000).reply((uri) => {
    const name = rest(uri, `${repoPath}/git/ref/`).replace(/^heads\//, "");
    if (name === state.defaultBranch) return [200, { ref: `refs/heads/${name}`, object: { sha: state.headOid, type: "commit" } }];
    return state.branches.has(name) ? [200, { ref: `refs/heads/${name}`, object: { sha: blobOid(JSON.stringify(state.branches.get(name))), type: "commit" } }] : [404, { message: "Not Found" }];
  });
  s.post(`${repoPath}/pulls`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const b = parse(body) as { head: string; title: string; body: string };
    if ((b.title ?? "").length > FAKE_LIMITS.title) return tooLong("PullRequest", "title", FAKE_LIMITS.title);
    if ((b.body ?? "").length > FAKE_LIMITS.body) return tooLong("PullRequest", "body", FAKE_LIMITS.body);
    if (!state.branches.has(b.head)) return [...exists(`No commits between ${state.defaultBranch} and ${b.head}`)];
    if (state.pulls.some((p) => p.head === b.head && p.state === "open")) return [...exists(`A pull request already exists for ${state.owner}:${b.head}.`)];
    const pull: ClosingPull = { number: nextPull(), head: b.head, state: "open", title: b.title, body: b.body, labels: [], createdAt: new Date(Date.now()).toISOString() };
    state.pulls.push(pull);
    return [201, { number: pull.number, html_url: `https://github.com/${state.owner}/${state.repo}/pull/${pull.number}` }];
  }));
  s.patch(under(`${repoPath}/pulls/`)).optionally().times(1000).reply(limited("PATCH", (uri, body) => {
    const pull = state.pulls.find((p) => p.number === Number(rest(uri, `${repoPath}/pulls/`)));
    if (!pull) return [404, { message: "Not Found" }];
    const b = parse(body) as { title?: string; body?: string };
    if ((b.title ?? "").length > FAKE_LIMITS.title) return tooLong("PullRequest", "title", FAKE_LIMITS.title);
    if ((b.body ?? "").length > FAKE_LIMITS.body) return tooLong("PullRequest", "body", FAKE_LIMITS.body);
    Object.assign(pull, b);
    return [200, { number: pull.number }];
  }));
  s.post(under(`${repoPath}/pulls/`)).optionally().times(1000).reply(limited("POST", (uri, body): Reply => {
    const [number, what] = rest(uri, `${repoPath}/pulls/`).split("/");
    if (what !== "requested_reviewers") return [201, {}];
    const reviewers = (parse(body) as { reviewers?: string[] }).reviewers ?? [];
    // GitHub refuses the whole request when one of them is not a collaborator.
    if (reviewers.some((r) => !state.collaborators.has(r))) return [422, { message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${state.owner}/${state.repo} repository.` }];
    state.reviewRequests.set(Number(number), [...(state.reviewRequests.get(Number(number)) ?? []), ...reviewers]);
    return [201, { number: Number(number) }];
  }));
  s.get(under(`${repoPath}/collaborators/`)).optionally().times(1000).reply((uri) => {
    const [login, what] = rest(uri, `${repoPath}/collaborators/`).split("/");
    const permission = state.collaborators.get(login!);
    if (what === "permission") return [200, { permission: permission ?? "none", user: { login } }];
    return permission ? [204, ""] : [404, { message: "Not Found" }];
  });
  s.post(`${repoPath}/labels`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const label = parse(body) as { name: string; description?: string };
    const name = String(label.name);
    if (name.length > FAKE_LIMITS.labelName) return tooLong("Label", "name", FAKE_LIMITS.labelName);
    if ((label.description ?? "").length > FAKE_LIMITS.labelDescription) return tooLong("Label", "description", FAKE_LIMITS.labelDescription);
    if (state.labels.some((l) => l.toLowerCase() === name.toLowerCase())) return [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }];
    state.labels.push(name);
    return [201, { name }];
  }));
  s.get(under(`${repoPath}/issues?`)).optionally().times(1000).reply((uri) => {
    const q = new URLSearchParams(uri.split("?")[1]);
    const labels = (q.get("labels") ?? "").split(",").filter(Boolean);
    const wanted = q.get("state") ?? "open";
    const found = state.issues.filter((i) => (wanted === "all" || i.state === wanted) && labels.every((l) => i.labels.includes(l)));
    return [200, found.map((i) => ({ number: i.number, title: i.title, body: i.body, state: i.state, labels: i.labels.map((name) => ({ name })) }))];
  });
  s.post(`${repoPath}/issues`).optionally().times(1000).reply(limited("POST", (_uri, body) => {
    const b = parse(body) as { title: string; body?: string; labels?: string[] };
    if ((b.title ?? "").length > FAKE_LIMITS.title) return tooLong("Issue", "title", FAKE_LIMITS.title);
    if ((b.body ?? "").length > FAKE_LIMITS.body) return tooLong("Issue", "body", FAKE_LIMITS.body);
    const issue: FakeIssue = { number: state.issues.length + 1, title: b.title, body: b.body ?? "", labels: b.labels ?? [], state: "open" };
    state.issues.push(issue);
    // GitHub creates a label an issue is created with when the repository does not have it.
    for (const l of issue.labels) if (!state.labels.includes(l)) state.labels.push(l);
    return [201, { number: issue.number, html_url: `https://github.com/${state.owner}/${state.repo}/issues/${issue.number}` }];
  }));
  s.patch((uri) => new RegExp(`^${repoPath}/issues/\\d+$`).test(uri.split("?")[0]!)).optionally().times(1000).reply(limited("PATCH", (uri, body) => {
    const issue = state.issues.find((i) => i.number === Number(rest(uri, `${repoPath}/issues/`)));
    if (!issue) return [404, { message: "Not Found" }];
    const b = parse(body) as { body?: string; state?: "open" | "closed" };
    if ((b.body ?? "").length > FAKE_LIMITS.body) return tooLong("Issue", "body", FAKE_LIMITS.body);
    Object.assign(issue, b);
    return [200, { number: issue.number }];
  }));
  s.post(under(`${repoPath}/issues/`)).optionally().times(1000).reply(limited("POST", (uri, body) => {
    const [number, what] = rest(uri, `${repoPath}/issues/`).split("/");
    const pull = state.pulls.find((p) => p.number === Number(number));
    const issue = state.issues.find((i) => i.number === Number(number));
    const merged = [...state.addedIn.values()].includes(Number(number));
    if (!pull && (issue || merged) && what === "comments") {
      const text = String((parse(body) as { body?: string }).body ?? "");
      if (text.length > FAKE_LIMITS.body) return tooLong("IssueComment", "body", FAKE_LIMITS.body);
      state.comments.set(Number(number), [...(state.comments.get(Number(number)) ?? []), text]);
      return [201, { id: next++ }];
    }
    if (!pull) return [404, { message: "Not Found" }];
    if (what === "labels") {
      for (const l of (parse(body) as { labels: string[] }).labels) if (!pull.labels.includes(l)) pull.labels.push(l);
      return [200, pull.labels.map((name) => ({ name }))];
    }
    const text = String((parse(body) as { body?: string }).body ?? "");
    if (text.length > FAKE_LIMITS.body) return tooLong("IssueComment", "body", FAKE_LIMITS.body);
    state.comments.set(pull.number, [...(state.comments.get(pull.number) ?? []), text]);
    return [201, { id: next++ }];
  }));

  /** Every folder of the default branch. */
  function folders(): Set<string> {
    const out = new Set<string>();
    for (const path of Object.keys(state.files)) {
      const parts = path.split("/");
      for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join("/"));
    }
    return out;
  }

  /** A folder's entries as GitHub's Tree answers them, subfolders expanded `levels - 1` deep. */
  function treeEntries(dir: string, levels: number): Record<string, unknown>[] {
    const names = new Map<string, "blob" | "tree">();
    for (const path of Object.keys(state.files)) {
      if (!path.startsWith(`${dir}/`)) continue;
      const [name, ...below] = path.slice(dir.length + 1).split("/");
      names.set(name!, below.length > 0 ? "tree" : "blob");
    }
    return [...names].sort().map(([name, type]) => {
      const path = `${dir}/${name}`;
      if (type === "tree") return { name, type, mode: 0o040000, oid: treeOid(path), object: levels > 1 ? { entries: treeEntries(path, levels - 1) } : {} };
      const text = state.files[path]!;
      return { name, type, mode: 0o100644, oid: blobOid(text), object: state.blobNodes.get(path) ?? { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false } };
    });
  }

  function answer(query: string, variables: Record<string, unknown>): Record<string, unknown> | null {
    if (variables.owner !== state.owner || variables.name !== state.repo) return null;
    const refs = {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [...state.branches.keys()]
        .filter((b) => b.startsWith(CLOSING_BRANCH_PREFIX))
        .map((b) => ({ name: b.slice(CLOSING_BRANCH_PREFIX.length), associatedPullRequests: {
            nodes: state.pulls.filter((p) => p.head === b && p.state === "open").map((p) => ({ number: p.number, body: p.body, ...(p.createdAt ? { createdAt: p.createdAt } : {}), labels: { nodes: p.labels.map((name) => ({ name })) } })),
          },
        })),
    };
    const levels = (query.match(/entries \{/g) ?? []).length;
    if (/^query ClosingScan\b/.test(query)) {
      const folder = String(variables.folder);
      const entries = treeEntries(folder, levels);
      return {
        defaultBranchRef: { name: state.defaultBranch, target: { oid: state.headOid, tree: { oid: state.treeOid }, file: entries.length > 0 ? { type: "tree", object: { entries } } : null } },
        labels: { nodes: state.labels.map((name) => ({ name })) },
        refs,
      };
    }
    if (/^query ClosingSubtree\b/.test(query)) {
      const dir = [...folders()].find((d) => treeOid(d) === variables.oid);
      return { object: dir === undefined ? null : { entries: treeEntries(dir, levels) } };
    }
    if (/^query ClosingBranches\b/.test(query)) return { refs };
    if (/^query ClosingAuthors\b/.test(query)) {
      const object: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(variables)) {
        if (!/^p\d+$/.test(k)) continue;
        const login = state.authors.get(String(v));
        const number = state.addedIn.get(String(v));
        const comments = { nodes: (state.comments.get(number ?? -1) ?? []).slice(-50).map((body) => ({ body })) };
        object[k] = { nodes: login ? [{ author: { user: null }, associatedPullRequests: { nodes: [{ ...(number ? { number, comments } : {}), merged: true, author: { __typename: "User", login } }] } }] : [] };
      }
      return { object: variables.head === state.headOid ? object : null };
    }
    const repository: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) {
      if (/^b\d+$/.test(k)) repository[k] = { nodes: state.pulls.filter((p) => p.head === v && p.state === "closed").map((p) => ({ number: p.number, state: "CLOSED", body: p.body })) };
    }
    return repository;
  }
}
