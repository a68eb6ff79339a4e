/**
 * Everything a review needs to know from GitHub besides the list of files, in one GraphQL query
 * on the base repository (head commits of pull requests from forks are reachable there):
 * the config file on the default branch, the postings' text at the head commit, the startup ids
 * (at the head commit and on the default branch), the labels, the app's living comment and the
 * suggestions it already made (its latest review threads, older ones on demand), the number of
 * files the pull request changes and the app's latest check runs on the head commit.
 * Paths travel as GraphQL variables, never inside the query text.
 *
 * GitHub's limits met here: `Blob.text` is cut at 512,000 bytes: a cut posting of at most the
 * engine's 1 MiB is read in full through the git blobs API (larger ones are not downloaded).
 * An answer over the app's size cap (create-app-octokit.ts): the postings are read
 * again in smaller chunks (halved at each failure); a posting whose answer alone is over the cap
 * is left unread ("unread"), and the review names it.
 */
import type { GitHub, RepoRef } from "./octokit.js";
import { MAX_POSTING_BYTES } from "../core/defaults.js";
import { CONFIG_PATH } from "../config/schema.js";
import { MAX_CONFIG_BYTES } from "../config/parse-config.js";
import { ResponseTooLargeError } from "./create-app-octokit.js";
import { GITHUB_LIMITS } from "./limits.js";

export type BlobRead =
  | { kind: "text"; text: string; /** Its git blob id. */ oid?: string }
  | { kind: "binary"; byteSize: number }
  | { kind: "too-large"; byteSize: number }
  /** GitHub's answer with this posting was over the app's size cap: not read. */
  | { kind: "unread" }
  | { kind: "missing" };

/** A review thread the app started (its first comment carries a suggestion marker). */
export interface BotThread {
  id: string;
  path: string;
  isResolved: boolean;
  body: string;
}

export interface BotComment {
  id: number;
  body: string;
  createdAt: string;
}

export interface ReviewState {
  /** `.github/recrutement-bot.yml` on the default branch (kind "missing" when absent). */
  config: BlobRead;
  blobs: Map<string, BlobRead>;
  /** The postings as they were before the pull request (at the base commit), by path at the head. */
  baseBlobs: Map<string, BlobRead>;
  /** Union of the ids found at the head commit and on the default branch; null when neither folder exists. */
  startupIds: Set<string> | null;
  /** Id of the startups folder's tree (at the head commit, else on the default branch), to read the titles. */
  startupsTree: string | null;
  /** Labels of the pull request. */
  pullRequestLabels: string[];
  /** Labels of the repository whose name starts with the label prefix (case-insensitive). */
  repositoryLabels: string[];
  /** Comments of this app carrying `marker`, oldest first. */
  botComments: BotComment[];
  /** Bodies of review comments written by this app (they carry the suggestions' markers). */
  botReviewCommentBodies: string[];
  /** Review threads this app started, among the last 100 (older ones: `readOlderThreads` from `threadsCursor`). */
  botThreads: BotThread[];
  /** Cursor of the oldest review thread read, when older ones exist. */
  threadsCursor: string | null;
  /** Files the pull request changes, as GitHub counts them (GitHub lists at most 3,000). */
  changedFiles: number | null;
  /** The pull request's head commit now (a delivery redelivered late may name an older one). */
  currentHead: string | null;
  /** `external_id` of the app's latest completed check run named `checkRunName` on the head commit. */
  latestCheckRun: string | null;
  /** Who added each label last (the pull request's recent timeline), by label name. */
  labelledBy: Map<string, string>;
}

export interface ReviewStateQuery {
  pullNumber: number;
  headSha: string;
  /** Commit the pull request is compared with (its base branch's head). */
  baseSha: string;
  defaultBranch: string;
  postingPaths: readonly string[];
  /** For each posting path, where it was at the base commit (null: new posting). */
  basePaths?: ReadonlyMap<string, string>;
  startupsDir: string;
  labelPrefix: string;
  /** Hidden marker of the living comment. */
  marker: string;
  /** Name of the app's check run (its latest one on the head commit is read). */
  checkRunName?: string;
}

/** Postings read per query: beyond it, further queries read only blobs; halved while an answer is over the size cap. */
export const BLOBS_PER_QUERY = GITHUB_LIMITS.graphqlPageSize;
/** Older pages of review threads read at most (100 threads each). */
const THREAD_PAGES = 50;
const COMMENT_PAGES = 30;

interface BlobNode {
  oid?: string;
  byteSize?: number;
  isBinary?: boolean | null;
  isTruncated?: boolean;
  text?: string | null;
}
interface TreeNode {
  oid?: string;
  entries?: { name: string; type: string }[] | null;
}
interface CommentNode {
  databaseId: number | null;
  body: string;
  createdAt: string;
  viewerDidAuthor: boolean;
}
interface ThreadsConnection {
  pageInfo?: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: (ThreadNode | null)[] | null;
}
interface CheckRunsNode {
  checkSuites?: {
    nodes:
      | ({
          checkRuns: { nodes: ({ databaseId: number | null; externalId: string | null; status: string } | null)[] | null } | null;
        } | null)[]
      | null;
  } | null;
}
interface ThreadNode {
  id: string;
  isResolved: boolean;
  path: string;
  comments: { nodes: ({ body: string; viewerDidAuthor: boolean } | null)[] | null };
}
interface CommentsConnection {
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: (CommentNode | null)[] | null;
}

const BLOB_FIELDS = "... on Blob { oid byteSize isBinary isTruncated text }";
const THREAD_FIELDS =
  "pageInfo { hasPreviousPage startCursor } nodes { id isResolved path comments(first: 1) { nodes { body viewerDidAuthor } } }";
const COMMENT_FIELDS = "pageInfo { hasPreviousPage startCursor } nodes { databaseId body createdAt viewerDidAuthor }";

/** `p<i>`: a posting at the head commit; `b<i>`: the same posting at the base commit. */
function blobSelections(count: number, baseCount = 0): { declarations: string; selections: string } {
  const declarations: string[] = [];
  const selections: string[] = [];
  for (let i = 0; i < count; i++) {
    declarations.push(`$p${i}: String!`);
    selections.push(`p${i}: object(expression: $p${i}) { ${BLOB_FIELDS} }`);
  }
  for (let i = 0; i < baseCount; i++) {
    declarations.push(`$b${i}: String!`);
    selections.push(`b${i}: object(expression: $b${i}) { ${BLOB_FIELDS} }`);
  }
  return { declarations: declarations.join(", "), selections: selections.join("\n    ") };
}

/** The main query (state + the first postings); exported for tests and the request budget. */
export function reviewStateQuery(blobCount: number, baseCount = 0): string {
  const blobs = blobSelections(blobCount, baseCount);
  return `query ReviewState($owner: String!, $name: String!, $number: Int!, $config: String!, $startupsHead: String!, $startupsBase: String!, $labelQuery: String!, $head: String!, $checkName: String!${blobs.declarations ? ", " + blobs.declarations : ""}) {
  repository(owner: $owner, name: $name) {
    config: object(expression: $config) { ${BLOB_FIELDS} }
    headCommit: object(expression: $head) { ... on Commit { checkSuites(last: 10) { nodes { checkRuns(last: 5, filterBy: { checkName: $checkName }) { nodes { databaseId externalId status } } } } } }
    startupsHead: object(expression: $startupsHead) { ... on Tree { oid entries { name type } } }
    startupsBase: object(expression: $startupsBase) { ... on Tree { oid entries { name type } } }
    labels(first: 100, query: $labelQuery) { nodes { name } }
    pullRequest(number: $number) {
      changedFiles
      headRefOid
      labels(first: 100) { nodes { name } }
      comments(last: 100) { ${COMMENT_FIELDS} }
      reviewThreads(last: 100) { ${THREAD_FIELDS} }
      timelineItems(itemTypes: [LABELED_EVENT], last: 100) { nodes { ... on LabeledEvent { actor { login } label { name } } } }
    }
    ${blobs.selections}
  }
}`;
}

function blobsOnlyQuery(blobCount: number, baseCount: number): string {
  const blobs = blobSelections(blobCount, baseCount);
  return `query PostingBlobs($owner: String!, $name: String!, ${blobs.declarations}) {
  repository(owner: $owner, name: $name) {
    ${blobs.selections}
  }
}`;
}

const COMMENTS_QUERY = `query BotComments($owner: String!, $name: String!, $number: Int!, $before: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      comments(last: 100, before: $before) { ${COMMENT_FIELDS} }
    }
  }
}`;

const THREADS_QUERY = `query ReviewThreads($owner: String!, $name: String!, $number: Int!, $before: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(last: 100, before: $before) { ${THREAD_FIELDS} }
    }
  }
}`;

interface MainResult {
  repository: {
    config: BlobNode | null;
    headCommit?: CheckRunsNode | null;
    startupsHead: TreeNode | null;
    startupsBase: TreeNode | null;
    labels: { nodes: ({ name: string } | null)[] | null } | null;
    pullRequest: {
      changedFiles?: number;
      headRefOid?: string;
      labels: { nodes: ({ name: string } | null)[] | null } | null;
      comments: CommentsConnection;
      reviewThreads: ThreadsConnection;
      timelineItems: { nodes: ({ actor?: { login: string } | null; label?: { name: string } | null } | null)[] | null } | null;
    } | null;
    [alias: string]: unknown;
  } | null;
}

/** Variables `p<i>` (head) and `b<i>` (base) of a chunk of postings; the base paths in order. */
function chunkVariables(q: ReviewStateQuery, chunk: readonly string[]): { vars: Record<string, string>; based: string[] } {
  const vars: Record<string, string> = {};
  const based: string[] = [];
  chunk.forEach((p, i) => (vars[`p${i}`] = `${q.headSha}:${p}`));
  for (const p of chunk) {
    const before = q.basePaths?.get(p);
    if (before === undefined) continue;
    vars[`b${based.length}`] = `${q.baseSha}:${before}`;
    based.push(p);
  }
  return { vars, based };
}

export async function readReviewState(octokit: GitHub, repo: RepoRef, q: ReviewStateQuery): Promise<ReviewState> {
  const vars: Record<string, string | number> = {
    owner: repo.owner,
    name: repo.repo,
    number: q.pullNumber,
    config: `${q.defaultBranch}:${CONFIG_PATH}`,
    startupsHead: `${q.headSha}:${q.startupsDir}`,
    startupsBase: `${q.defaultBranch}:${q.startupsDir}`,
    labelQuery: q.labelPrefix.trim(),
    head: q.headSha,
    checkName: q.checkRunName ?? "recrutement-bot",
  };
  const headNodes = new Map<string, BlobNode | null | undefined>();
  const baseNodes = new Map<string, BlobNode | null | undefined>();
  const unread = new Set<string>();
  const keep = (chunk: readonly string[], based: readonly string[], answer: Record<string, unknown> | null | undefined) => {
    chunk.forEach((p, i) => headNodes.set(p, answer?.[`p${i}`] as BlobNode | null | undefined));
    based.forEach((p, i) => baseNodes.set(p, answer?.[`b${i}`] as BlobNode | null | undefined));
  };

  // The main query with the first postings; fewer of them while the answer is over the size cap.
  let size = Math.min(BLOBS_PER_QUERY, q.postingPaths.length);
  let data: MainResult;
  for (;;) {
    const chunk = q.postingPaths.slice(0, size);
    const { vars: more, based } = chunkVariables(q, chunk);
    try {
      data = await octokit.graphql<MainResult>(reviewStateQuery(chunk.length, based.length), { ...vars, ...more });
      keep(chunk, based, data.repository);
      break;
    } catch (error) {
      if (!isTooLarge(error) || size === 0) throw error;
      size >>= 1;
    }
  }
  const repository = data.repository;
  if (!repository) throw new Error("repository not readable");

  // The other postings, in chunks of the size that went through (halved again when needed).
  let per = size === 0 ? 1 : size;
  for (let start = size; start < q.postingPaths.length;) {
    const chunk = q.postingPaths.slice(start, start + per);
    const { vars: more, based } = chunkVariables(q, chunk);
    try {
      const answer = await octokit.graphql<{ repository: Record<string, unknown> | null }>(blobsOnlyQuery(chunk.length, based.length), {
        owner: repo.owner,
        name: repo.repo,
        ...more,
      });
      keep(chunk, based, answer.repository);
      start += chunk.length;
    } catch (error) {
      if (!isTooLarge(error)) throw error;
      if (chunk.length > 1) {
        per = chunk.length >> 1;
        continue;
      }
      // This posting's answer alone is over the cap: left unread, named by the review.
      unread.add(chunk[0]!);
      start += 1;
    }
  }

  const blobs = new Map<string, BlobRead>();
  const baseBlobs = new Map<string, BlobRead>();
  for (const p of q.postingPaths) {
    if (unread.has(p)) {
      blobs.set(p, { kind: "unread" });
      continue;
    }
    blobs.set(p, await inFull(octokit, repo, headNodes.get(p)));
    if (baseNodes.has(p)) baseBlobs.set(p, await inFull(octokit, repo, baseNodes.get(p)));
  }

  const head = startupIdsOf(repository.startupsHead);
  const base = startupIdsOf(repository.startupsBase);
  const startupIds = head === null && base === null ? null : new Set([...(head ?? []), ...(base ?? [])]);

  const pr = repository.pullRequest;
  if (!pr) throw new Error("pull request not readable");
  const prefix = q.labelPrefix.toLowerCase();
  const repositoryLabels = (repository.labels?.nodes ?? [])
    .flatMap((n) => (n ? [n.name] : []))
    .filter((name) => name.toLowerCase().startsWith(prefix));
  const pullRequestLabels = (pr.labels?.nodes ?? []).flatMap((n) => (n ? [n.name] : []));

  let botComments = markedComments(pr.comments, q.marker);
  let page = pr.comments.pageInfo;
  for (let i = 0; botComments.length === 0 && page.hasPreviousPage && i < COMMENT_PAGES; i++) {
    const older = await readCommentsPage(octokit, repo, q.pullNumber, page.startCursor);
    botComments = markedComments(older, q.marker);
    page = older.pageInfo;
  }

  const botThreads = threadsOf(pr.reviewThreads);
  const botReviewCommentBodies = botThreads.map((t) => t.body);
  // Oldest first: the last event for a label is the one that put it there.
  const labelledBy = new Map<string, string>();
  for (const event of pr.timelineItems?.nodes ?? []) {
    if (event?.label && event.actor) labelledBy.set(event.label.name, event.actor.login);
  }

  return {
    config: toBlobRead(repository.config, MAX_CONFIG_BYTES),
    blobs,
    startupIds,
    startupsTree: repository.startupsHead?.oid ?? repository.startupsBase?.oid ?? null,
    pullRequestLabels,
    repositoryLabels,
    botComments,
    botReviewCommentBodies,
    botThreads,
    threadsCursor: cursorOf(pr.reviewThreads),
    changedFiles: typeof pr.changedFiles === "number" ? pr.changedFiles : null,
    currentHead: typeof pr.headRefOid === "string" ? pr.headRefOid : null,
    latestCheckRun: latestCheckRun(repository.headCommit),
    labelledBy,
    baseBlobs,
  };
}

/** The app's review threads before `before` (100 a page, newest first), and the cursor of the page before them. */
export async function readOlderThreads(
  octokit: GitHub,
  repo: RepoRef,
  pullNumber: number,
  before: string,
): Promise<{ threads: BotThread[]; cursor: string | null }> {
  const data = await octokit.graphql<{ repository: { pullRequest: { reviewThreads: ThreadsConnection } | null } | null }>(THREADS_QUERY, {
    owner: repo.owner,
    name: repo.repo,
    number: pullNumber,
    before,
  });
  const threads = data.repository?.pullRequest?.reviewThreads;
  if (!threads) throw new Error("pull request review threads not readable");
  return { threads: threadsOf(threads), cursor: cursorOf(threads) };
}

/** Older pages of review threads read at most by one review. */
export const MAX_THREAD_PAGES = THREAD_PAGES;

function threadsOf(connection: ThreadsConnection): BotThread[] {
  const out: BotThread[] = [];
  for (const thread of connection.nodes ?? []) {
    const first = thread?.comments.nodes?.[0];
    if (thread && first && first.viewerDidAuthor)
      out.push({ id: thread.id, path: thread.path, isResolved: thread.isResolved, body: first.body });
  }
  return out;
}

function cursorOf(connection: ThreadsConnection): string | null {
  return connection.pageInfo?.hasPreviousPage ? connection.pageInfo.startCursor : null;
}

function latestCheckRun(commit: CheckRunsNode | null | undefined): string | null {
  let latest: { databaseId: number; externalId: string | null; status: string } | null = null;
  for (const suite of commit?.checkSuites?.nodes ?? []) {
    for (const run of suite?.checkRuns?.nodes ?? []) {
      if (run && run.databaseId !== null && (latest === null || run.databaseId > latest.databaseId))
        latest = { ...run, databaseId: run.databaseId };
    }
  }
  return latest !== null && latest.status === "COMPLETED" ? latest.externalId : null;
}

/** An answer over the app's size cap (thrown by its bounded fetch, unchanged by Octokit). */
function isTooLarge(error: unknown): boolean {
  return error instanceof ResponseTooLargeError || /^GitHub answer larger than \d+ bytes/.test(String((error as Error)?.message ?? ""));
}

/** The blob as text; a cut one that can be a posting (1 MiB at most) read in full through the git blobs API. */
async function inFull(octokit: GitHub, repo: RepoRef, node: BlobNode | null | undefined): Promise<BlobRead> {
  const read = toBlobRead(node);
  if (read.kind !== "too-large" || !node?.isTruncated || node.isBinary || !node.oid || (node.byteSize ?? Infinity) > MAX_POSTING_BYTES)
    return read;
  const res = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: node.oid });
  const bytes = Buffer.from(res.data.content, res.data.encoding === "base64" ? "base64" : "utf8");
  // Decoded as GitHub decodes `Blob.text` (the engine sees a byte order mark, if any).
  return { kind: "text", text: new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes), oid: node.oid };
}

/** The app's comments carrying `marker` among the last 100 comments, oldest first (used after creating one). */
export async function readBotComments(octokit: GitHub, repo: RepoRef, pullNumber: number, marker: string): Promise<BotComment[]> {
  return markedComments(await readCommentsPage(octokit, repo, pullNumber, null), marker);
}

async function readCommentsPage(octokit: GitHub, repo: RepoRef, pullNumber: number, before: string | null): Promise<CommentsConnection> {
  const data = await octokit.graphql<{ repository: { pullRequest: { comments: CommentsConnection } | null } | null }>(COMMENTS_QUERY, {
    owner: repo.owner,
    name: repo.repo,
    number: pullNumber,
    before,
  });
  const comments = data.repository?.pullRequest?.comments;
  if (!comments) throw new Error("pull request comments not readable");
  return comments;
}

function markedComments(connection: CommentsConnection, marker: string): BotComment[] {
  return (connection.nodes ?? [])
    .flatMap((c) =>
      c && c.viewerDidAuthor && c.databaseId !== null && c.body.includes(marker)
        ? [{ id: c.databaseId, body: c.body, createdAt: c.createdAt }]
        : [],
    )
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
}

function toBlobRead(node: BlobNode | null | undefined, maxBytes = MAX_POSTING_BYTES): BlobRead {
  if (!node || node.byteSize === undefined) return { kind: "missing" };
  if (node.isBinary) return { kind: "binary", byteSize: node.byteSize };
  if (node.byteSize > maxBytes || node.isTruncated || typeof node.text !== "string") return { kind: "too-large", byteSize: node.byteSize };
  return { kind: "text", text: node.text, oid: node.oid };
}

function startupIdsOf(tree: TreeNode | null): string[] | null {
  if (!tree || !Array.isArray(tree.entries)) return null;
  return tree.entries.filter((e) => e.type === "blob" && e.name.endsWith(".md")).map((e) => e.name.slice(0, -".md".length));
}
