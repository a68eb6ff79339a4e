/**
 * Reads what the closing job needs from the default branch in one GraphQL query: the head
 * commit (oid, tree), every posting of the folder with its text, subfolders included (three
 * levels read in the same query: `folder/a/b/c.md`), the closing branches with their open pull
 * requests (and their labels), and the repository's labels (to create a missing contract label
 * with its colour). All of it comes from the same commit, so the blob oids match the texts the
 * plan is made from.
 *
 * More requests only when GitHub's answer is not enough: one query per subfolder deeper than
 * the query reaches (read by its tree oid, so still the same commit), one REST `git/blobs` read
 * per posting whose GraphQL text is not byte for byte the blob (truncated, or a byte length that
 * differs) and whose size is that of a posting (1 MiB at most: larger files are left unread),
 * and one query per further 100 closing branches.
 */
import { MAX_POSTING_BYTES } from "../../core/defaults.js";
import { CLOSING_BRANCH_PREFIX } from "../../core/closing/branch-name.js";
import type { ClosingPullRequest } from "./plan-closing.js";
import type { PostingFile } from "../../core/closing/find-due.js";
import type { GitHub, RepoRef } from "../octokit.js";

export interface RepositoryScan {
  defaultBranch: string;
  headOid: string;
  treeOid: string;
  postings: PostingFile[];
  /** Closing branches that exist (full names). */
  branches: Set<string>;
  /** Open pull requests whose head is a closing branch. */
  openPullRequests: ClosingPullRequest[];
  /** The repository's labels (the first 100 by name). */
  labels: string[];
  /** Whether the postings folder exists on the default branch. */
  folderFound: boolean;
  /** HTTP requests the scan took. */
  requests: number;
}

const REF_PREFIX = `refs/heads/${CLOSING_BRANCH_PREFIX}`;

const REFS_FIELDS = `refs(refPrefix: $refPrefix, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { name associatedPullRequests(first: 5, states: [OPEN]) { nodes { number body createdAt labels(first: 20) { nodes { name } } } } }
    }`;

/** Folder levels one query reads: the postings folder's entries, and two levels of subfolders below it. */
export const TREE_LEVELS = 3;

const BLOB_FIELDS = "... on Blob { text byteSize isBinary isTruncated }";

/** `entries` with their blobs' texts, `levels` deep; trees of the last level come with their oid only. */
export function entriesFields(levels: number): string {
  const inner = levels > 1 ? ` ... on Tree { ${entriesFields(levels - 1)} }` : "";
  return `entries { name type mode oid object { ${BLOB_FIELDS}${inner} } }`;
}

export const SCAN_QUERY = `query ClosingScan($owner: String!, $name: String!, $folder: String!, $refPrefix: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef {
      name
      target {
        ... on Commit {
          oid
          tree { oid }
          file(path: $folder) {
            type
            object { ... on Tree { ${entriesFields(TREE_LEVELS)} } }
          }
        }
      }
    }
    labels(first: 100, orderBy: { field: NAME, direction: ASC }) { nodes { name } }
    ${REFS_FIELDS}
  }
}`;

export const REFS_QUERY = `query ClosingBranches($owner: String!, $name: String!, $refPrefix: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    ${REFS_FIELDS}
  }
}`;

/** A subfolder deeper than the scan reaches, by its tree oid (the same commit's). */
export const SUBTREE_QUERY = `query ClosingSubtree($owner: String!, $name: String!, $oid: GitObjectID!) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) { ... on Tree { ${entriesFields(TREE_LEVELS)} } }
  }
}`;

interface RefsPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    name: string;
    associatedPullRequests: {
      nodes: { number: number; body: string; createdAt?: string; labels?: { nodes: { name: string }[] } | null }[];
    };
  }[];
}
interface Entry {
  name: string;
  type: string;
  mode: number;
  oid: string;
  object: { text?: string | null; byteSize?: number; isBinary?: boolean; isTruncated?: boolean; entries?: Entry[] } | null;
}
interface ScanData {
  repository: {
    defaultBranchRef: {
      name: string;
      target: { oid?: string; tree?: { oid: string }; file?: { type: string; object: { entries?: Entry[] } | null } | null } | null;
    } | null;
    refs: RefsPage;
    labels?: { nodes: { name: string }[] } | null;
  } | null;
}

/** Regular files (not symbolic links, not executables) whose name ends in `.md`. */
const POSTING_MODE = 0o100644;

/** Null when the repository has no default branch yet (empty repository). */
export async function scanPostings(gh: GitHub, repo: RepoRef, folder: string): Promise<RepositoryScan | null> {
  const vars = { owner: repo.owner, name: repo.repo, folder, refPrefix: REF_PREFIX, after: null as string | null };
  const data = await gh.graphql<ScanData>(SCAN_QUERY, vars);
  let requests = 1;
  const head = data.repository?.defaultBranchRef;
  if (!head?.target?.oid || !head.target.tree) return null;

  const branches = new Set<string>();
  const openPullRequests: ClosingPullRequest[] = [];
  let refs: RefsPage | undefined = data.repository?.refs;
  while (refs) {
    for (const node of refs.nodes) {
      const branch = CLOSING_BRANCH_PREFIX + node.name;
      branches.add(branch);
      for (const pr of node.associatedPullRequests.nodes) {
        const labels = pr.labels ? { labels: pr.labels.nodes.map((l) => l.name) } : {};
        openPullRequests.push({
          number: pr.number,
          branch,
          state: "open",
          body: pr.body ?? "",
          ...labels,
          ...(pr.createdAt ? { createdAt: pr.createdAt } : {}),
        });
      }
    }
    if (!refs.pageInfo.hasNextPage) break;
    const next = await gh.graphql<{ repository: { refs: RefsPage } | null }>(REFS_QUERY, { ...vars, after: refs.pageInfo.endCursor });
    requests++;
    refs = next.repository?.refs;
  }

  const postings: PostingFile[] = [];
  // Entries to read: [folder path, entries]; a subfolder the answer did not expand is read by its oid.
  const pending: [string, Entry[]][] = head.target.file?.type === "tree" ? [[folder, head.target.file.object?.entries ?? []]] : [];
  while (pending.length > 0) {
    const [dir, entries] = pending.shift()!;
    for (const e of entries) {
      const path = `${dir}/${e.name}`;
      if (e.type === "tree") {
        let sub = e.object?.entries;
        if (!sub) {
          const answer = await gh.graphql<{ repository: { object: { entries?: Entry[] } | null } | null }>(SUBTREE_QUERY, {
            owner: repo.owner,
            name: repo.repo,
            oid: e.oid,
          });
          requests++;
          sub = answer.repository?.object?.entries ?? [];
        }
        pending.push([path, sub]);
        continue;
      }
      if (e.type !== "blob" || e.mode !== POSTING_MODE || !/\.md$/i.test(e.name)) continue;
      const o = e.object ?? {};
      let text: string | null = null;
      if (typeof o.text === "string" && !o.isBinary && !o.isTruncated && Buffer.byteLength(o.text, "utf8") === o.byteSize) text = o.text;
      else if (!o.isBinary && (o.byteSize ?? Infinity) <= MAX_POSTING_BYTES) {
        // Only a blob small enough to be a posting is read in full (never a 50 MiB one).
        text = await readBlob(gh, repo, e.oid);
        requests++;
      }
      postings.push({ path, blob: e.oid, text });
    }
  }
  postings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const labels = (data.repository?.labels?.nodes ?? []).map((l) => l.name);
  const folderFound = head.target.file?.type === "tree";
  return {
    defaultBranch: head.name,
    headOid: head.target.oid,
    treeOid: head.target.tree.oid,
    postings,
    branches,
    openPullRequests,
    labels,
    folderFound,
    requests,
  };
}

/** The blob's exact bytes as text; null when they are not valid UTF-8. */
async function readBlob(gh: GitHub, repo: RepoRef, oid: string): Promise<string | null> {
  const res = await gh.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: oid });
  const bytes = Buffer.from(res.data.content, res.data.encoding === "base64" ? "base64" : "utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
