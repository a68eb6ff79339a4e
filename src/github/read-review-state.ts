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

export interface BotComment {
  id: number;
  body: string;
  createdAt: string;
}

export interface ReviewState {
  /** `.github/recrutement-bot.yml` on the default branch (kind "missing" when absent). */
  config: BlobRead;
  blobs: Map<string, BlobRead>;
  /** Union of the ids found at the head commit and on the default branch; null when neither folder exists. */
  startupIds: Set<string> | null;
  /** Labels of the pull request. */
  pullRequestLabels: string[];
  /** Labels of the repository whose name starts with the label prefix (case-insensitive). */
  repositoryLabels: string[];
  /** Comments of this app carrying `marker`, oldest first. */
  botComments: BotComment[];
  /** Bodies of review comments written by this app (they carry the suggestions' markers). */
  botReviewCommentBodies: string[];
}

export interface ReviewStateQuery {
  pullNumber: number;
  headSha: string;
  defaultBranch: string;
  postingPaths: readonly string[];
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
  entries?: { name: string; type: string }[] | null;
}
interface CommentNode {
  databaseId: number | null;
  body: string;
  createdAt: string;
  viewerDidAuthor: boolean;
}
interface CommentsConnection {
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  nodes: (CommentNode | null)[] | null;
}

const BLOB_FIELDS = "... on Blob { byteSize isBinary isTruncated text }";
const COMMENT_FIELDS = "pageInfo { hasPreviousPage startCursor } nodes { databaseId body createdAt viewerDidAuthor }";

function blobSelections(count: number): { declarations: string; selections: string } {
  const declarations: string[] = [];
  const selections: string[] = [];
  for (let i = 0; i < count; i++) {
    declarations.push(`$p${i}: String!`);
    selections.push(`p${i}: object(expression: $p${i}) { ${BLOB_FIELDS} }`);
  }
  return { declarations: declarations.join(", "), selections: selections.join("\n    ") };
}

/** The main query (state + the first postings); exported for tests and the request budget. */
export function reviewStateQuery(blobCount: number): string {
  const blobs = blobSelections(blobCount);
  return `query ReviewState($owner: String!, $name: String!, $number: Int!, $config: String!, $startupsHead: String!, $startupsBase: String!, $labelQuery: String!${blobs.declarations ? ", " + blobs.declarations : ""}) {
  repository(owner: $owner, name: $name) {
    config: object(expression: $config) { ${BLOB_FIELDS} }
    startupsHead: object(expression: $startupsHead) { ... on Tree { entries { name type } } }
    startupsBase: object(expression: $startupsBase) { ... on Tree { entries { name type } } }
    labels(first: 100, query: $labelQuery) { nodes { name } }
    pullRequest(number: $number) {
      labels(first: 100) { nodes { name } }
      comments(last: 100) { ${COMMENT_FIELDS} }
      reviewThreads(last: 100) { nodes { comments(first: 1) { nodes { body viewerDidAuthor } } } }
    }
    ${blobs.selections}
  }
}`;
}

function blobsOnlyQuery(blobCount: number): string {
  const blobs = blobSelections(blobCount);
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
      reviewThreads: { nodes: ({ comments: { nodes: ({ body: string; viewerDidAuthor: boolean } | null)[] | null } } | null)[] | null };
    } | null;
    [alias: string]: unknown;
  } | null;
}

export async function readReviewState(octokit: GitHub, repo: RepoRef, q: ReviewStateQuery): Promise<ReviewState> {
  const first = q.postingPaths.slice(0, BLOBS_PER_QUERY);
  const vars: Record<string, string | number> = {
    owner: repo.owner,
    name: repo.repo,
    number: q.pullNumber,
    config: `${q.defaultBranch}:${CONFIG_PATH}`,
    startupsHead: `${q.headSha}:${q.startupsDir}`,
    startupsBase: `${q.defaultBranch}:${q.startupsDir}`,
    labelQuery: q.labelPrefix.trim(),
  };
  first.forEach((p, i) => (vars[`p${i}`] = `${q.headSha}:${p}`));
  const data = await octokit.graphql<MainResult>(reviewStateQuery(first.length), vars);
  const repository = data.repository;
  if (!repository) throw new Error("repository not readable");
  const blobs = new Map<string, BlobRead>();
  first.forEach((p, i) => blobs.set(p, toBlobRead(repository[`p${i}`] as BlobNode | null | undefined)));

  for (let start = BLOBS_PER_QUERY; start < q.postingPaths.length; start += BLOBS_PER_QUERY) {
    const chunk = q.postingPaths.slice(start, start + BLOBS_PER_QUERY);
    const chunkVars: Record<string, string> = { owner: repo.owner, name: repo.repo };
    chunk.forEach((p, i) => (chunkVars[`p${i}`] = `${q.headSha}:${p}`));
    const more = await octokit.graphql<{ repository: Record<string, unknown> | null }>(blobsOnlyQuery(chunk.length), chunkVars);
    chunk.forEach((p, i) => blobs.set(p, toBlobRead(more.repository?.[`p${i}`] as BlobNode | null | undefined)));
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

  const botReviewCommentBodies = (pr.reviewThreads.nodes ?? []).flatMap((thread) =>
    (thread?.comments.nodes ?? []).flatMap((c) => (c && c.viewerDidAuthor ? [c.body] : [])),
  );

  return {
    config: toBlobRead(repository.config, MAX_CONFIG_BYTES),
    blobs,
    startupIds,
    pullRequestLabels,
    repositoryLabels,
    botComments,
    botReviewCommentBodies,
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
