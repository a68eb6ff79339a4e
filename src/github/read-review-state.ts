/**
 * Everything a review needs to know from GitHub besides the list of files, in one GraphQL query
 * on the base repository (head commits of pull requests from forks are reachable there):
 * the config file on the default branch, the postings' text at the head commit, the startup ids
 * (at the head commit and on the default branch), the labels, the app's living comment and the
 * suggestions it already made.
 * Paths travel as GraphQL variables, never inside the query text.
 */
import type { GitHub, RepoRef } from "./octokit.js";
import { MAX_POSTING_BYTES } from "../core/defaults.js";
import { CONFIG_PATH } from "../config/schema.js";
import { MAX_CONFIG_BYTES } from "../config/parse-config.js";

export type BlobRead =
  | { kind: "text"; text: string }
  | { kind: "binary"; byteSize: number }
  | { kind: "too-large"; byteSize: number }
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
  /** Review threads this app started, among the last 100. */
  botThreads: BotThread[];
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
}

/** Postings read per query: beyond it, further queries read only blobs. */
export const BLOBS_PER_QUERY = 100;
const COMMENT_PAGES = 30;

interface BlobNode {
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

const BLOB_FIELDS = "... on Blob { byteSize isBinary isTruncated text }";
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
  return `query ReviewState($owner: String!, $name: String!, $number: Int!, $config: String!, $startupsHead: String!, $startupsBase: String!, $labelQuery: String!${blobs.declarations ? ", " + blobs.declarations : ""}) {
  repository(owner: $owner, name: $name) {
    config: object(expression: $config) { ${BLOB_FIELDS} }
    startupsHead: object(expression: $startupsHead) { ... on Tree { oid entries { name type } } }
    startupsBase: object(expression: $startupsBase) { ... on Tree { oid entries { name type } } }
    labels(first: 100, query: $labelQuery) { nodes { name } }
    pullRequest(number: $number) {
      labels(first: 100) { nodes { name } }
      comments(last: 100) { ${COMMENT_FIELDS} }
      reviewThreads(last: 100) { nodes { id isResolved path comments(first: 1) { nodes { body viewerDidAuthor } } } }
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

interface MainResult {
  repository: {
    config: BlobNode | null;
    startupsHead: TreeNode | null;
    startupsBase: TreeNode | null;
    labels: { nodes: ({ name: string } | null)[] | null } | null;
    pullRequest: {
      labels: { nodes: ({ name: string } | null)[] | null } | null;
      comments: CommentsConnection;
      reviewThreads: { nodes: (ThreadNode | null)[] | null };
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
  const first = q.postingPaths.slice(0, BLOBS_PER_QUERY);
  const firstChunk = chunkVariables(q, first);
  const vars: Record<string, string | number> = {
    owner: repo.owner,
    name: repo.repo,
    number: q.pullNumber,
    config: `${q.defaultBranch}:${CONFIG_PATH}`,
    startupsHead: `${q.headSha}:${q.startupsDir}`,
    startupsBase: `${q.defaultBranch}:${q.startupsDir}`,
    labelQuery: q.labelPrefix.trim(),
  };
  Object.assign(vars, firstChunk.vars);
  const data = await octokit.graphql<MainResult>(reviewStateQuery(first.length, firstChunk.based.length), vars);
  const repository = data.repository;
  if (!repository) throw new Error("repository not readable");
  const blobs = new Map<string, BlobRead>();
  const baseBlobs = new Map<string, BlobRead>();
  first.forEach((p, i) => blobs.set(p, toBlobRead(repository[`p${i}`] as BlobNode | null | undefined)));
  firstChunk.based.forEach((p, i) => baseBlobs.set(p, toBlobRead(repository[`b${i}`] as BlobNode | null | undefined)));

  for (let start = BLOBS_PER_QUERY; start < q.postingPaths.length; start += BLOBS_PER_QUERY) {
    const chunk = q.postingPaths.slice(start, start + BLOBS_PER_QUERY);
    const { vars: more, based } = chunkVariables(q, chunk);
    const answer = await octokit.graphql<{ repository: Record<string, unknown> | null }>(blobsOnlyQuery(chunk.length, based.length), { owner: repo.owner, name: repo.repo, ...more });
    chunk.forEach((p, i) => blobs.set(p, toBlobRead(answer.repository?.[`p${i}`] as BlobNode | null | undefined)));
    based.forEach((p, i) => baseBlobs.set(p, toBlobRead(answer.repository?.[`b${i}`] as BlobNode | null | undefined)));
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

  const botThreads: BotThread[] = [];
  for (const thread of pr.reviewThreads.nodes ?? []) {
    const first = thread?.comments.nodes?.[0];
    if (thread && first && first.viewerDidAuthor) botThreads.push({ id: thread.id, path: thread.path, isResolved: thread.isResolved, body: first.body });
  }
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
    labelledBy,
    baseBlobs,
  };
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
    .flatMap((c) => (c && c.viewerDidAuthor && c.databaseId !== null && c.body.includes(marker) ? [{ id: c.databaseId, body: c.body, createdAt: c.createdAt }] : []))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
}

function toBlobRead(node: BlobNode | null | undefined, maxBytes = MAX_POSTING_BYTES): BlobRead {
  if (!node || node.byteSize === undefined) return { kind: "missing" };
  if (node.isBinary) return { kind: "binary", byteSize: node.byteSize };
  if (node.byteSize > maxBytes || node.isTruncated || typeof node.text !== "string") return { kind: "too-large", byteSize: node.byteSize };
  return { kind: "text", text: node.text };
}

function startupIdsOf(tree: TreeNode | null): string[] | null {
  if (!tree || !Array.isArray(tree.entries)) return null;
  return tree.entries.filter((e) => e.type === "blob" && e.name.endsWith(".md")).map((e) => e.name.slice(0, -".md".length));
}
