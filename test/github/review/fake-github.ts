/**
 * A small GitHub for the review's tests, on top of the harness's nock scope (which records
 * every request and checks REST ones against @octokit/openapi): one repository, one pull
 * request, and the state the review reads and writes (files at the head commit, comments,
 * labels, review comments, check runs). GraphQL queries are answered from the same state and
 * validated against GitHub's GraphQL schema (@octokit/graphql-schema).
 */
import { createHash } from "node:crypto";
import { validate } from "@octokit/graphql-schema";
import type { GitHubMock } from "../../helpers/github-mock.js";

export interface FakeFile {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed" | "copied";
  previous_filename?: string;
  /** Unified diff; by default every line of `content` is an added line for "added" files. */
  patch?: string;
  /**
   * Text at the head commit; `{ binary }` or `{ size }` for files the review must not read;
   * `{ node }`: GitHub's GraphQL Blob as given (byteSize, isBinary, isTruncated, text).
   */
  content?: string | { binary: true; size: number } | { size: number } | { node: BlobNode };
  /** Text at the base commit (for a modified or renamed file: at `previous_filename` when renamed). */
  baseContent?: string;
}

export interface FakeComment {
  id: number;
  body: string;
  created_at: string;
  /** Written by the app (GraphQL `viewerDidAuthor`). */
  bot: boolean;
}

export interface FakeLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface FakeState {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** The base commit of the pull request. */
  baseSha: string;
  defaultBranch: string;
  /** `.github/recrutement-bot.yml` on the default branch (null: absent). */
  config: string | null;
  files: FakeFile[];
  /** Startup ids (`content/_startups/<id>.md`) on the default branch and at the head commit. */
  startups: string[];
  /** Titles of some startups (`title:` of their file). */
  startupTitles?: Record<string, string>;
  comments: FakeComment[];
  pullRequestLabels: string[];
  repositoryLabels: FakeLabel[];
  reviewComments: { body: string; path: string; line: number; bot: boolean; threadId?: string; resolved?: boolean }[];
  /** Who added each label, in order (the pull request's LabeledEvents). */
  labelEvents: { label: string; actor: string }[];
  /** Repository permission of users (`GET …/collaborators/{username}/permission`); absent: 404. */
  permissions: Record<string, "admin" | "write" | "read" | "none">;
  checkRuns: { id: number; head_sha: string; conclusion: string; title: string; summary: string; annotations: Annotation[]; external_id?: string }[];
  /** GraphQL queries received (text), for the budget and tests. */
  graphqlQueries: string[];
  /** Make the next n reads of the pull request's files fail with a 502. */
  failFiles?: number;
  /** Called when the app creates a comment, before it is stored (to simulate another instance). */
  beforeCommentCreate?: () => void;
}

export interface BlobNode {
  byteSize: number;
  isBinary: boolean;
  isTruncated: boolean;
  text: string | null;
}

interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  title?: string;
  message: string;
}

export function defaultState(overrides: Partial<FakeState> = {}): FakeState {
  return {
    owner: "Codertocat",
    repo: "Hello-World",
    number: 2,
    headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    baseSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
    defaultBranch: "master",
    config: null,
    files: [],
    startups: ["mon-entreprise", "api-gouv", "mes-aides"],
    comments: [],
    pullRequestLabels: [],
    repositoryLabels: [],
    reviewComments: [],
    labelEvents: [],
    permissions: {},
    checkRuns: [],
    graphqlQueries: [],
    ...overrides,
  };
}

/** Patch of an added file: every line is new. */
export function addedPatch(content: string): string {
  const lines = content.replace(/\n$/, "").split("\n");
  return `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => "+" + l).join("\n");
}

let nextId = 1000;
const clock = { t: Date.parse("2026-03-02T09:00:00Z") };
/** Ids and times as GitHub would give them: increasing. */
export function newId(): number {
  return nextId++;
}
export function now(): string {
  clock.t += 1000;
  return new Date(clock.t).toISOString();
}

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === "string") return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  return (body ?? {}) as Record<string, unknown>;
}

/** Registers the routes the review uses; each may be called any number of times. */
export function fakeGitHub(gh: GitHubMock, state: FakeState, options: { apiPrefix?: string; graphqlPath?: string } = {}): void {
  const api = options.apiPrefix ?? "";
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const repoPath = `${api}/repos/${state.owner}/${state.repo}`;
  const s = gh.scope;
  const route = (prefix: string, rest: RegExp) => (uri: string) => uri.startsWith(prefix) && rest.test(uri.slice(prefix.length));

  s.get(route(`${repoPath}/pulls/${state.number}/files`, /^\?/))
    .optionally()
    .times(1000)
    .reply((uri) => {
      if (state.failFiles) {
        state.failFiles--;
        return [502, { message: "Bad Gateway" }];
      }
      const query = new URLSearchParams(uri.split("?")[1]);
      const page = Number(query.get("page") ?? 1);
      const perPage = Number(query.get("per_page") ?? 30);
      const all = state.files.map((f) => ({
        sha: "0000000000000000000000000000000000000000",
        filename: f.filename,
        status: f.status,
        additions: 1,
        deletions: 0,
        changes: 1,
        blob_url: "",
        raw_url: "",
        contents_url: "",
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        ...(f.patch !== undefined ? { patch: f.patch } : typeof f.content === "string" && f.status === "added" ? { patch: addedPatch(f.content) } : {}),
      }));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        headers.link = `<https://api.github.com${repoPath}/pulls/${state.number}/files?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      }
      return [200, slice, headers];
    });

  s.get(`${repoPath}/pulls/${state.number}`)
    .optionally()
    .times(1000)
    .reply(() => [200, { number: state.number, state: "open", head: { sha: state.headSha, ref: "patch-1" }, base: { sha: state.baseSha, ref: state.defaultBranch } }]);

  s.post(graphqlPath)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const { query, variables } = parseBody(body) as { query: string; variables: Record<string, unknown> };
      state.graphqlQueries.push(query);
      const errors = validate(query);
      if (errors.length > 0) return [200, { errors: errors.map((e) => ({ message: e.message })) }];
      return [200, { data: answerGraphql(state, query, variables) }];
    });

  s.post(`${repoPath}/check-runs`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const b = parseBody(body) as { head_sha: string; conclusion: string; external_id?: string; output: { title: string; summary: string; annotations?: Annotation[] } };
      const run = { id: nextId++, head_sha: b.head_sha, conclusion: b.conclusion, title: b.output.title, summary: b.output.summary, annotations: [...(b.output.annotations ?? [])], ...(b.external_id ? { external_id: b.external_id } : {}) };
      state.checkRuns.push(run);
      return [201, { id: run.id, head_sha: run.head_sha, name: "recrutement-bot", status: "completed", conclusion: run.conclusion }];
    });

  s.patch(route(`${repoPath}/check-runs/`, /^\d+$/))
    .optionally()
    .times(1000)
    .reply((uri, body) => {
      const id = Number(uri.split("/").pop());
      const run = state.checkRuns.find((r) => r.id === id);
      if (!run) return [404, { message: "Not Found" }];
      const b = parseBody(body) as { output?: { annotations?: Annotation[] } };
      run.annotations.push(...(b.output?.annotations ?? []));
      return [200, { id }];
    });

  s.post(`${repoPath}/issues/${state.number}/comments`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      state.beforeCommentCreate?.();
      const comment = { id: nextId++, body: String(parseBody(body).body), created_at: now(), bot: true };
      state.comments.push(comment);
      return [201, { id: comment.id, body: comment.body, created_at: comment.created_at, user: { login: "recrutement-bot[bot]", type: "Bot" } }];
    });

  s.patch(route(`${repoPath}/issues/comments/`, /^\d+$/))
    .optionally()
    .times(1000)
    .reply((uri, body) => {
      const comment = state.comments.find((c) => c.id === Number(uri.split("/").pop()));
      if (!comment) return [404, { message: "Not Found" }];
      comment.body = String(parseBody(body).body);
      return [200, { id: comment.id, body: comment.body }];
    });

  s.delete(route(`${repoPath}/issues/comments/`, /^\d+$/))
    .optionally()
    .times(1000)
    .reply((uri) => {
      const id = Number(uri.split("/").pop());
      const before = state.comments.length;
      state.comments = state.comments.filter((c) => c.id !== id);
      return state.comments.length < before ? [204, ""] : [404, { message: "Not Found" }];
    });

  s.post(`${repoPath}/pulls/${state.number}/reviews`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const b = parseBody(body) as { comments?: { path: string; line: number; body: string }[] };
      for (const c of b.comments ?? []) state.reviewComments.push({ ...c, bot: true, threadId: `PRRT_${nextId++}`, resolved: false });
      return [200, { id: nextId++, state: "COMMENTED" }];
    });

  s.get(route(`${repoPath}/collaborators/`, /^[^/]+\/permission$/))
    .optionally()
    .times(1000)
    .reply((uri) => {
      const login = decodeURIComponent(uri.slice(`${repoPath}/collaborators/`.length).split("/")[0]!);
      const permission = state.permissions[login];
      if (permission === undefined) return [404, { message: "Not Found" }];
      return [200, { permission, role_name: permission, user: { login, id: 1, node_id: "U_1", avatar_url: "", gravatar_id: "", url: "", html_url: "", followers_url: "", following_url: "", gists_url: "", starred_url: "", subscriptions_url: "", organizations_url: "", repos_url: "", events_url: "", received_events_url: "", type: "User", site_admin: false } }];
    });

  s.post(`${repoPath}/labels`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const b = parseBody(body) as unknown as FakeLabel;
      if (state.repositoryLabels.some((l) => l.name.toLowerCase() === b.name.toLowerCase())) {
        return [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }];
      }
      state.repositoryLabels.push({ name: b.name, color: b.color, description: b.description ?? null });
      return [201, { name: b.name, color: b.color }];
    });

  s.post(`${repoPath}/issues/${state.number}/labels`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      const b = parseBody(body) as { labels: string[] };
      for (const name of b.labels) {
        if (!state.repositoryLabels.some((l) => l.name.toLowerCase() === name.toLowerCase())) state.repositoryLabels.push({ name, color: "ededed", description: null });
        if (!state.pullRequestLabels.some((l) => l.toLowerCase() === name.toLowerCase())) state.pullRequestLabels.push(name);
      }
      return [200, state.pullRequestLabels.map((name) => ({ name }))];
    });

  s.delete(route(`${repoPath}/issues/${state.number}/labels/`, /^[^/]+$/))
    .optionally()
    .times(1000)
    .reply((uri) => {
      const name = decodeURIComponent(uri.split("/").pop()!);
      const before = state.pullRequestLabels.length;
      state.pullRequestLabels = state.pullRequestLabels.filter((l) => l !== name);
      return state.pullRequestLabels.length < before ? [200, state.pullRequestLabels.map((n) => ({ name: n }))] : [404, { message: "Label does not exist" }];
    });
}

function blobAt(state: FakeState, expression: string): unknown {
  const colon = expression.indexOf(":");
  const [rev, path] = [expression.slice(0, colon), expression.slice(colon + 1)];
  if (rev === state.baseSha) {
    const before = state.files.find((f) => (f.previous_filename ?? f.filename) === path && f.status !== "added" && f.baseContent !== undefined);
    return before ? { byteSize: Buffer.byteLength(before.baseContent!), isBinary: false, isTruncated: false, text: before.baseContent } : null;
  }
  if (rev !== state.headSha) return null;
  const file = state.files.find((f) => f.filename === path && f.status !== "removed");
  if (!file || file.content === undefined) return null;
  if (typeof file.content === "string") {
    return { byteSize: Buffer.byteLength(file.content), isBinary: false, isTruncated: false, text: file.content };
  }
  if ("node" in file.content) return file.content.node;
  if ("binary" in file.content) return { byteSize: file.content.size, isBinary: true, isTruncated: false, text: null };
  return { byteSize: file.content.size, isBinary: false, isTruncated: true, text: "x".repeat(100) };
}

/** The startups folder's tree id: like git's, it changes with what the folder holds. */
function startupsTreeOid(state: FakeState): string {
  return createHash("sha1").update(JSON.stringify([state.startups, state.startupTitles ?? {}])).digest("hex");
}

function commentNodes(state: FakeState, before: string | null | undefined) {
  const end = before ? Number(before) : state.comments.length;
  const start = Math.max(0, end - 100);
  return {
    pageInfo: { hasPreviousPage: start > 0, startCursor: String(start) },
    nodes: state.comments.slice(start, end).map((c) => ({ databaseId: c.id, body: c.body, createdAt: c.created_at, viewerDidAuthor: c.bot })),
  };
}

function answerGraphql(state: FakeState, query: string, variables: Record<string, unknown>): unknown {
  if (/^mutation ResolveThreads/.test(query)) {
    const out: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(variables)) {
      const thread = state.reviewComments.find((c) => c.threadId === id);
      if (thread) thread.resolved = true;
      out[name] = { thread: { id, isResolved: true } };
    }
    return out;
  }
  if (variables.owner !== state.owner || variables.name !== state.repo) return { repository: null };
  if (/^query StartupTitles/.test(query)) {
    if (variables.oid !== startupsTreeOid(state)) return { repository: { object: null } };
    const entries = state.startups.map((id) => {
      const text = `---\ntitle: ${state.startupTitles?.[id] ?? id}\nmission: Une mission\n---\n\nTexte.\n`;
      return { name: `${id}.md`, type: "blob", object: { byteSize: Buffer.byteLength(text), isBinary: false, text } };
    });
    return { repository: { object: { entries: [...entries, { name: "images", type: "tree", object: {} }] } } };
  }
  if (/^query BotComments/.test(query)) {
    return { repository: { pullRequest: { comments: commentNodes(state, variables.before as string | null) } } };
  }
  const repository: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (/^[pb]\d+$/.test(name)) repository[name] = blobAt(state, String(value));
  }
  if (/^query ReviewState/.test(query)) {
    repository.config =
      variables.config === `${state.defaultBranch}:.github/recrutement-bot.yml` && state.config !== null
        ? { byteSize: Buffer.byteLength(state.config), isBinary: false, isTruncated: false, text: state.config }
        : null;
    const tree = (expression: string) => {
      const dir = expression.slice(expression.indexOf(":") + 1);
      if (dir !== "content/_startups") return null;
      return { oid: startupsTreeOid(state), entries: [...state.startups.map((id) => ({ name: `${id}.md`, type: "blob" })), { name: "images", type: "tree" }] };
    };
    repository.startupsHead = tree(String(variables.startupsHead));
    repository.startupsBase = tree(String(variables.startupsBase));
    const q = String(variables.labelQuery).toLowerCase();
    repository.labels = { nodes: state.repositoryLabels.filter((l) => l.name.toLowerCase().includes(q)).map((l) => ({ name: l.name })) };
    repository.pullRequest = {
      labels: { nodes: state.pullRequestLabels.map((name) => ({ name })) },
      comments: commentNodes(state, null),
      reviewThreads: {
        nodes: state.reviewComments.slice(-100).map((c, i) => ({ id: c.threadId ?? `PRRT_h${i}`, isResolved: c.resolved ?? false, path: c.path, comments: { nodes: [{ body: c.body, viewerDidAuthor: c.bot }] } })),
      },
      timelineItems: { nodes: state.labelEvents.slice(-100).map((e) => ({ actor: { login: e.actor }, label: { name: e.label } })) },
    };
  }
  return { repository };
}
