/**
 * What the fake GitHub holds: repositories, each with its default branch's files, its branches
 * and the git objects made through the API, its labels, pull requests (files, comments, review
 * comments, labels), issues, collaborators, check runs, and what GitHub refused. Plain data:
 * tests build it, read it and change it between deliveries; rest.ts and graphql.ts answer from it.
 */
import { addedPatch, blobOid, githubBlob, type BlobNode, type Bytes } from "./git.js";

export type Permission = "admin" | "write" | "read" | "none";

export interface Label {
  name: string;
  color: string;
  description: string | null;
}

export interface Comment {
  id: number;
  body: string;
  created_at: string;
  /** Written by the app (GraphQL `viewerDidAuthor`). */
  bot: boolean;
}

/** A review comment (a line of a pull request's diff), the first of its thread. */
export interface ReviewComment {
  body: string;
  path: string;
  line: number;
  bot: boolean;
  threadId?: string;
  resolved?: boolean;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  title?: string;
  message: string;
}

export interface CheckRun {
  id: number;
  head_sha: string;
  conclusion: string;
  title: string;
  summary: string;
  annotations: Annotation[];
  external_id?: string;
}

/** A file a pull request changes. */
export interface PullFile {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed" | "copied";
  previous_filename?: string;
  /** Unified diff; by default every line of `content` is an added line for "added" files. */
  patch?: string;
  /**
   * Text at the head commit; `{ bytes }` for raw bytes; `{ binary }` or `{ size }` for files
   * whose bytes the fake does not hold; `{ node }`: GitHub's GraphQL Blob as given.
   */
  content?: string | { binary: true; size: number } | { size: number } | { node: BlobNode } | { bytes: Uint8Array };
  /** Text at the base commit (for a modified or renamed file: at `previous_filename` when renamed). */
  baseContent?: string;
}

export interface PullRequest {
  number: number;
  /** `merged` is a closed pull request whose branch was merged. */
  state: "open" | "closed" | "merged";
  title: string;
  body: string;
  /** The head branch's name. */
  head: string;
  headSha: string;
  baseSha: string;
  /** The head now, when a test delivers an older commit's event (default: headSha). */
  currentHead?: string;
  /** When it was opened (ISO instant). */
  createdAt?: string;
  labels: string[];
  files: PullFile[];
  comments: Comment[];
  reviewComments: ReviewComment[];
  /** Who added each label, in order (the pull request's LabeledEvents). */
  labelEvents: { label: string; actor: string }[];
  /** Reviewers requested (logins). */
  reviewRequests: string[];
  /** Make the next n reads of the pull request's files fail with a 502. */
  failFiles?: number;
  /** Called when the app creates a comment here, before it is stored (another instance racing). */
  beforeCommentCreate?: () => void;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "open" | "closed";
  comments: Comment[];
}

export interface Repository {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** The default branch's head commit and its root tree. */
  headOid: string;
  treeOid: string;
  /** Files of the default branch: path → text. */
  files: Record<string, string>;
  /** Other branches: name → their files. */
  branches: Map<string, Record<string, string>>;
  /** Trees and commits made through the git data API → their files. */
  objects: Map<string, Record<string, string>>;
  /** Commit → its message (commits made through the git data API). */
  commitMessages: Map<string, string>;
  /** GraphQL Blob answered instead of a default-branch file's text (a huge or binary posting). */
  blobNodes: Map<string, BlobNode>;
  labels: Label[];
  pulls: PullRequest[];
  /** Issues (not pull requests). */
  issues: Issue[];
  /** Collaborators and their permission; anyone else has `none`. */
  collaborators: Map<string, Permission>;
  /** Who added each posting of the default branch (path → login); absent: nobody known. */
  authors: Map<string, string>;
  /** The merged pull request that added each posting (path → its number). */
  addedIn: Map<string, number>;
  checkRuns: CheckRun[];
  /** GraphQL queries about this repository, as received. */
  graphqlQueries: string[];
  /** Requests refused for a limit: 422 Validation Failed, 403 secondary rate limit. */
  refused: { status: number; request: string; message: string }[];
  /** When each content-creating request (POST, PATCH, PUT, DELETE) arrived (Date.now()). */
  writes: number[];
  /** The request of each of `writes`, `METHOD /path`. */
  writeRequests: string[];
  /** The number the first pull request opened through the API gets (then the next free ones). */
  firstPullNumber: number;
}

export function createRepository(init: Partial<Repository> & Pick<Repository, "owner" | "repo">): Repository {
  const files = init.files ?? {};
  const headOid = init.headOid ?? "1".repeat(40);
  const treeOid = init.treeOid ?? "2".repeat(40);
  return {
    defaultBranch: "main",
    headOid,
    treeOid,
    files,
    branches: new Map(),
    objects: new Map([
      [headOid, files],
      [treeOid, files],
    ]),
    commitMessages: new Map(),
    blobNodes: new Map(),
    labels: [],
    pulls: [],
    issues: [],
    collaborators: new Map(),
    authors: new Map(),
    addedIn: new Map(),
    checkRuns: [],
    graphqlQueries: [],
    refused: [],
    writes: [],
    writeRequests: [],
    firstPullNumber: 100,
    ...init,
  };
}

export function createPullRequest(init: Partial<PullRequest> & Pick<PullRequest, "number">): PullRequest {
  return {
    state: "open",
    title: "",
    body: "",
    head: "patch-1",
    headSha: "0".repeat(40),
    baseSha: "0".repeat(40),
    labels: [],
    files: [],
    comments: [],
    reviewComments: [],
    labelEvents: [],
    reviewRequests: [],
    ...init,
  };
}

/** The comments on issue or pull request `number`, their bodies in order. */
export function commentBodies(repo: Repository, number: number): string[] {
  return (repo.pulls.find((p) => p.number === number) ?? repo.issues.find((i) => i.number === number))?.comments.map((c) => c.body) ?? [];
}

/** Who added `path` to the default branch, through which merged pull request (its comments are kept there). */
export function addedBy(repo: Repository, path: string, login: string, pullNumber?: number): void {
  repo.authors.set(path, login);
  if (pullNumber === undefined) return;
  repo.addedIn.set(path, pullNumber);
  if (!repo.pulls.some((p) => p.number === pullNumber))
    repo.pulls.push(createPullRequest({ number: pullNumber, state: "merged", head: `ajout-${pullNumber}` }));
}

let nextId = 1000;
const clock = { t: Date.parse("2026-03-02T09:00:00Z") };
/** Ids as GitHub gives them: increasing (across fakes, so that a test's own never collide). */
export function newId(): number {
  return nextId++;
}
/** Creation times as GitHub gives them: increasing, a second apart. */
export function now(): string {
  clock.t += 1000;
  return new Date(clock.t).toISOString();
}

/** The files of the pull request's base commit: the default branch's, with the base texts the pull request names. */
export function baseFiles(repo: Repository, pull: PullRequest): Map<string, Bytes> {
  const out = new Map<string, Bytes>(Object.entries(repo.files));
  for (const f of pull.files)
    if (f.status !== "added" && f.baseContent !== undefined) out.set(f.previous_filename ?? f.filename, f.baseContent);
  return out;
}

/** The files of the pull request's head commit whose bytes the fake holds. */
export function headFiles(repo: Repository, pull: PullRequest): Map<string, Bytes> {
  const out = baseFiles(repo, pull);
  for (const f of pull.files) {
    if (f.previous_filename && f.status === "renamed") out.delete(f.previous_filename);
    if (f.status === "removed") out.delete(f.filename);
    else if (typeof f.content === "string") out.set(f.filename, f.content);
    else if (f.content && "bytes" in f.content) out.set(f.filename, f.content.bytes);
    else out.delete(f.filename);
  }
  return out;
}

/** The files at a revision (branch name, commit or tree id the fake knows), or null. */
export function filesAt(repo: Repository, rev: string): Map<string, Bytes> | null {
  for (const pull of repo.pulls) {
    if (rev === pull.baseSha) return baseFiles(repo, pull);
    if (rev === pull.headSha || rev === pull.currentHead) return headFiles(repo, pull);
  }
  const name = rev.replace(/^refs\/heads\//, "");
  if (name === repo.defaultBranch || rev === repo.headOid || rev === "HEAD") return new Map(Object.entries(repo.files));
  const files = repo.branches.get(name) ?? repo.objects.get(rev);
  return files ? new Map(Object.entries(files)) : null;
}

/** GitHub's GraphQL Blob for a file at a revision (`rev:path`), the pull request's special contents included. */
export function blobAt(repo: Repository, expression: string): (BlobNode & { oid?: string }) | null {
  const colon = expression.indexOf(":");
  const [rev, path] = [expression.slice(0, colon), expression.slice(colon + 1)];
  const pull = repo.pulls.find((p) => p.headSha === rev || p.currentHead === rev);
  const file = pull?.files.find((f) => f.filename === path && f.status !== "removed");
  if (file && typeof file.content === "object") {
    const c = file.content;
    if ("bytes" in c) return { oid: blobOid(c.bytes), ...githubBlob(c.bytes) };
    if ("node" in c) return c.node;
    if ("binary" in c) return { byteSize: c.size, isBinary: true, isTruncated: false, text: null };
    return { byteSize: c.size, isBinary: false, isTruncated: true, text: "x".repeat(100) };
  }
  if (file && file.content === undefined) return null;
  const content = filesAt(repo, rev)?.get(path);
  return content === undefined ? null : { oid: blobOid(content), ...githubBlob(content) };
}

/** Every blob the fake holds the bytes of, by oid (for `git/blobs/{sha}`). */
export function blobByOid(repo: Repository, oid: string): Bytes | undefined {
  const sources: Iterable<Bytes>[] = [
    Object.values(repo.files),
    ...[...repo.branches.values(), ...repo.objects.values()].map((f) => Object.values(f)),
  ];
  for (const pull of repo.pulls) sources.push(baseFiles(repo, pull).values(), headFiles(repo, pull).values());
  for (const source of sources) for (const content of source) if (blobOid(content) === oid) return content;
  return undefined;
}

/** The patch GitHub lists for a pull request's file. */
export function patchOf(f: PullFile): string | undefined {
  return f.patch ?? (typeof f.content === "string" && f.status === "added" ? addedPatch(f.content) : undefined);
}
