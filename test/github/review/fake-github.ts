/**
 * A small GitHub for the review's tests, on top of the harness's nock scope (which records
 * every request and checks REST ones against @octokit/openapi): one repository, one pull
 * request, and the state the review reads and writes (files at the head commit, comments,
 * labels, review comments, check runs). GraphQL queries are answered from the same state and
 * validated against GitHub's GraphQL schema (@octokit/graphql-schema).
 *
 * It answers GitHub's limits as GitHub does: a 422 "Validation Failed" for a comment or review
 * comment over 65,536 characters (the whole review refused), a check run summary over 65,535
 * bytes, an annotation title over 255 characters or message over 64 KB, a label name over 50
 * characters or description over 100; the files of a pull request listed up to 3,000; a blob's
 * GraphQL `text` cut at 512,000 bytes (`isTruncated`), the whole blob from `git/blobs`.
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
  content?: string | { binary: true; size: number } | { size: number } | { node: BlobNode } | { bytes: Uint8Array };
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

/** What GitHub refuses, as GitHub says it (422 Validation Failed). */
export function validationFailed(resource: string, field: string, message: string): [number, Record<string, unknown>] {
  return [422, { message: "Validation Failed", errors: [{ resource, code: "custom", field, message }], documentation_url: "https://docs.github.com/rest" }];
}

const LIMIT = { comment: 65_536, summaryBytes: 65_535, annotationTitle: 255, annotationMessageBytes: 64 * 1024, labelName: 50, labelDescription: 100, filesListed: 3_000, blobText: 512_000 };

export interface FakeState {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** The base commit of the pull request. */
  baseSha: string;
  /** The pull request's head now, when a test delivers an older commit's event (default: headSha). */
  currentHead?: string;
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
  /** Files at the base and at the head commit that the pull request does not change (the postings folder's other files). */
  unchangedFiles?: Record<string, string>;
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
export function fakeGitHub(
  gh: GitHubMock,
  state: FakeState,
  options: {
    apiPrefix?: string;
    graphqlPath?: string;
    /** Several states (repositories) on one scope: this one answers only GraphQL requests about its repository. */
    ownQueriesOnly?: boolean;
  } = {},
): void {
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
      // GitHub lists at most 3,000 files.
      const all = state.files.slice(0, LIMIT.filesListed).map((f) => ({
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
    .reply(() => [200, { number: state.number, state: "open", changed_files: state.files.length, head: { sha: state.headSha, ref: "patch-1" }, base: { sha: state.baseSha, ref: state.defaultBranch } }]);

  s.get(route(`${repoPath}/git/blobs/`, /^[0-9a-f]{40}$/))
    .optionally()
    .times(1000)
    .reply((uri) => {
      const sha = uri.split("/").pop()!;
      const bytes = blobsByOid(state).get(sha);
      if (!bytes) return [404, { message: "Not Found" }];
      return [200, { sha, node_id: "B_1", size: bytes.length, url: "", content: Buffer.from(bytes).toString("base64"), encoding: "base64" }];
    });

  const ownQuery = (body: unknown): boolean => {
    if (!options.ownQueriesOnly) return true;
    const variables = (parseBody(body).variables ?? {}) as Record<string, unknown>;
    if (variables.owner !== undefined || variables.name !== undefined) return variables.owner === state.owner && variables.name === state.repo;
    return Object.values(variables).some((id) => state.reviewComments.some((c) => c.threadId === id));
  };
  s.post(graphqlPath, ownQuery)
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
      const refused = checkRunOutputRefused(b.output);
      if (refused) return refused;
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
      const b = parseBody(body) as { output?: { title: string; summary: string; annotations?: Annotation[] } };
      const refused = b.output && checkRunOutputRefused(b.output);
      if (refused) return refused;
      run.annotations.push(...(b.output?.annotations ?? []));
      return [200, { id }];
    });

  s.post(`${repoPath}/issues/${state.number}/comments`)
    .optionally()
    .times(1000)
    .reply((_uri, body) => {
      if (String(parseBody(body).body).length > LIMIT.comment) return validationFailed("IssueComment", "body", `body is too long (maximum is ${LIMIT.comment} characters)`);
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
      if (String(parseBody(body).body).length > LIMIT.comment) return validationFailed("IssueComment", "body", `body is too long (maximum is ${LIMIT.comment} characters)`);
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
      const b = parseBody(body) as { body?: string; comments?: { path: string; line: number; body: string }[] };
      // One comment over the limit and GitHub refuses the whole review.
      if ((b.body ?? "").length > LIMIT.comment || (b.comments ?? []).some((c) => c.body.length > LIMIT.comment)) {
        return validationFailed("PullRequestReviewComment", "body", `body is too long (maximum is ${LIMIT.comment} characters)`);
      }
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
      if ([...b.name].length > LIMIT.labelName) return validationFailed("Label", "name", `name is too long (maximum is ${LIMIT.labelName} characters)`);
      if ([...(b.description ?? "")].length > LIMIT.labelDescription) return validationFailed("Label", "description", `description is too long (maximum is ${LIMIT.labelDescription} characters)`);
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

/** A check run's output as GitHub checks it: the summary in bytes, annotation titles and messages. */
function checkRunOutputRefused(output: { title?: string; summary?: string; annotations?: Annotation[] }): [number, Record<string, unknown>] | null {
  if (Buffer.byteLength(output.summary ?? "") > LIMIT.summaryBytes) return validationFailed("CheckRun", "output.summary", `summary is too long (maximum is ${LIMIT.summaryBytes} characters)`);
  for (const a of output.annotations ?? []) {
    if ([...(a.title ?? "")].length > LIMIT.annotationTitle) return validationFailed("CheckRun", "output.annotations.title", `title is too long (maximum is ${LIMIT.annotationTitle} characters)`);
    if (Buffer.byteLength(a.message) > LIMIT.annotationMessageBytes) return validationFailed("CheckRun", "output.annotations.message", "message is too long (maximum is 64 KB)");
  }
  return null;
}

/** Git's blob id of these bytes. */
export function gitOid(bytes: Uint8Array | string): string {
  const b = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
  return createHash("sha1").update(`blob ${b.length}\0`).update(b).digest("hex");
}

/** GitHub's GraphQL Blob for these bytes: binary with a NUL among the first 8,000, text cut at 512,000 bytes. */
function blobNode(bytes: Uint8Array | string): BlobNode & { oid: string } {
  const b = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
  const isBinary = b.subarray(0, 8000).includes(0);
  const text = isBinary ? null : new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(b.subarray(0, LIMIT.blobText));
  return { oid: gitOid(b), byteSize: b.length, isBinary, isTruncated: b.length > LIMIT.blobText, text };
}

/** Every file at the base commit, by path. */
function baseFiles(state: FakeState): Map<string, string> {
  const out = new Map(Object.entries(state.unchangedFiles ?? {}));
  for (const f of state.files) if (f.status !== "added" && f.baseContent !== undefined) out.set(f.previous_filename ?? f.filename, f.baseContent);
  return out;
}

/** Every file at the head commit that the fake knows the bytes of, by path. */
function headFiles(state: FakeState): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>(Object.entries(state.unchangedFiles ?? {}));
  for (const f of state.files) {
    if (f.status === "removed") out.delete(f.filename);
    else if (typeof f.content === "string") out.set(f.filename, f.content);
    else if (f.content && "bytes" in f.content) out.set(f.filename, f.content.bytes);
  }
  return out;
}

function blobsByOid(state: FakeState): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const content of [...baseFiles(state).values(), ...headFiles(state).values()]) {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    out.set(gitOid(bytes), bytes);
  }
  return out;
}

/** The entries of a folder at a commit (GraphQL Tree), or null when it is no folder there. */
function treeAt(state: FakeState, expression: string): { entries: { name: string; type: string; oid: string }[] } | null {
  const colon = expression.indexOf(":");
  const [rev, folder] = [expression.slice(0, colon), expression.slice(colon + 1)];
  const files = rev === state.baseSha ? baseFiles(state) : rev === state.headSha ? headFiles(state) : null;
  if (!files) return null;
  const children = new Map<string, { type: string; parts: string[] }>();
  for (const [path, content] of files) {
    if (!path.startsWith(folder + "/")) continue;
    const [name, ...rest] = path.slice(folder.length + 1).split("/");
    const child = children.get(name!) ?? { type: rest.length > 0 ? "tree" : "blob", parts: [] };
    child.parts.push(`${path}\0${gitOid(content)}`);
    children.set(name!, child);
  }
  if (children.size === 0) return null;
  const entries = [...children].map(([name, c]) => ({ name, type: c.type, oid: c.type === "blob" ? c.parts[0]!.split("\0")[1]! : createHash("sha1").update(c.parts.sort().join("\n")).digest("hex") }));
  return { entries };
}

function blobAt(state: FakeState, expression: string): unknown {
  const colon = expression.indexOf(":");
  const [rev, path] = [expression.slice(0, colon), expression.slice(colon + 1)];
  if (rev === state.baseSha) {
    const before = baseFiles(state).get(path);
    return before !== undefined ? blobNode(before) : null;
  }
  if (rev !== state.headSha) return null;
  const file = state.files.find((f) => f.filename === path && f.status !== "removed");
  if (!file) {
    const unchanged = state.unchangedFiles?.[path];
    return unchanged !== undefined ? blobNode(unchanged) : null;
  }
  if (file.content === undefined) return null;
  if (typeof file.content === "string") return blobNode(file.content);
  if ("bytes" in file.content) return blobNode(file.content.bytes);
  if ("node" in file.content) return file.content.node;
  if ("binary" in file.content) return { byteSize: file.content.size, isBinary: true, isTruncated: false, text: null };
  return { byteSize: file.content.size, isBinary: false, isTruncated: true, text: "x".repeat(100) };
}

/** The startups folder's tree id: like git's, it changes with what the folder holds. */
function startupsTreeOid(state: FakeState): string {
  return createHash("sha1").update(JSON.stringify([state.startups, state.startupTitles ?? {}])).digest("hex");
}

/** The review threads before the cursor `before` (an index), 100 at most, with GitHub's pageInfo. */
function threadNodes(state: FakeState, before: string | null | undefined) {
  const end = before ? Number(before) : state.reviewComments.length;
  const start = Math.max(0, end - 100);
  return {
    pageInfo: { hasPreviousPage: start > 0, startCursor: String(start) },
    nodes: state.reviewComments
      .slice(start, end)
      .map((c, i) => ({ id: c.threadId ?? `PRRT_h${start + i}`, isResolved: c.resolved ?? false, path: c.path, comments: { nodes: [{ body: c.body, viewerDidAuthor: c.bot }] } })),
  };
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
  if (/^query FolderTrees/.test(query)) {
    const repository: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(variables)) if (/^[hb]\d+$/.test(name)) repository[name] = treeAt(state, String(value));
    return { repository };
  }
  if (/^query ReviewThreads/.test(query)) {
    return { repository: { pullRequest: { reviewThreads: threadNodes(state, variables.before as string | null) } } };
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
    // The app's check runs on the commit, in the app's one check suite there.
    const head = String(variables.head ?? "");
    const runs = state.checkRuns.filter((r) => r.head_sha === head);
    const suites = runs.length > 0 ? [{ checkRuns: { nodes: runs.slice(-5).map((r) => ({ databaseId: r.id, externalId: r.external_id ?? null, status: "COMPLETED" })) } }] : [];
    repository.headCommit = { checkSuites: { nodes: suites } };
    repository.pullRequest = {
      changedFiles: state.files.length,
      headRefOid: state.currentHead ?? state.headSha,
      labels: { nodes: state.pullRequestLabels.map((name) => ({ name })) },
      comments: commentNodes(state, null),
      reviewThreads: threadNodes(state, null),
      timelineItems: { nodes: state.labelEvents.slice(-100).map((e) => ({ actor: { login: e.actor }, label: { name: e.label } })) },
    };
  }
  return { repository };
}
