/**
 * The GraphQL queries the app sends, answered from the model (model.ts) by the query's name, as
 * GitHub would answer them: the review's (ReviewState, PostingBlobs, BotComments, ReviewThreads,
 * FolderTrees, StartupTitles, the ResolveThreads mutation) and the closing's (ClosingScan,
 * ClosingSubtree, ClosingBranches, ClosingAuthors, ClosingHistory). Folders are trees with git's
 * ids, files blobs with git's ids and GitHub's Blob fields.
 */
import type { FakeGitHub } from "./fake.js";
import { folderEntries, folders, githubBlob, treeOid, type Bytes } from "./git.js";
import { graphqlErrors } from "./graphql-description.js";
import { blobAt, filesAt, type PullRequest, type Repository } from "./model.js";

type Variables = Record<string, unknown>;

/** A folder at a revision (`rev:folder`): its tree id and entries, or null. */
function treeAt(repo: Repository, expression: string) {
  const colon = expression.indexOf(":");
  const files = filesAt(repo, expression.slice(0, colon));
  const entries = files && folderEntries(files, expression.slice(colon + 1));
  return entries ? { oid: treeOid(entries), entries } : null;
}

/** The last 100 items before the cursor `before` (an index), with GitHub's pageInfo. */
function lastPage<T, U>(items: readonly T[], before: unknown, map: (item: T, index: number) => U) {
  const end = typeof before === "string" && before ? Number(before) : items.length;
  const start = Math.max(0, end - 100);
  return {
    pageInfo: { hasPreviousPage: start > 0, startCursor: String(start) },
    nodes: items.slice(start, end).map((item, i) => map(item, start + i)),
  };
}

const threads = (pull: PullRequest | undefined, before: unknown) =>
  lastPage(pull?.reviewComments ?? [], before, (c, i) => ({
    id: c.threadId ?? `PRRT_h${i}`,
    isResolved: c.resolved ?? false,
    path: c.path,
    comments: { nodes: [{ body: c.body, viewerDidAuthor: c.bot }] },
  }));
const comments = (pull: PullRequest | undefined, before: unknown) =>
  lastPage(pull?.comments ?? [], before, (c) => ({ databaseId: c.id, body: c.body, createdAt: c.created_at, viewerDidAuthor: c.bot }));

function reviewAnswer(repo: Repository, query: string, variables: Variables): Record<string, unknown> {
  const pull = repo.pulls.find((p) => p.number === Number(variables.number));
  if (/^query StartupTitles\b/.test(query)) {
    // The startups folder, found by its tree id at any revision the fake knows.
    for (const rev of [repo.defaultBranch, ...repo.pulls.flatMap((p) => [p.baseSha, p.headSha])]) {
      const files = filesAt(repo, rev)!;
      for (const [folder, oid] of folders(files)) {
        if (oid !== variables.oid) continue;
        const entries = folderEntries(files, folder)!.map((e) => {
          const content = files.get(`${folder}/${e.name}`);
          if (e.type === "tree" || content === undefined) return { name: e.name, type: "tree", object: {} };
          const blob = githubBlob(content);
          return { name: e.name, type: "blob", object: { byteSize: blob.byteSize, isBinary: blob.isBinary, text: blob.text } };
        });
        return { object: { entries } };
      }
    }
    return { object: null };
  }
  if (/^query FolderTrees\b/.test(query)) {
    const repository: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(variables)) {
      if (!/^[hb]\d+$/.test(name)) continue;
      const tree = treeAt(repo, String(value));
      repository[name] = tree && { entries: tree.entries };
    }
    return repository;
  }
  if (/^query ReviewThreads\b/.test(query)) return { pullRequest: { reviewThreads: threads(pull, variables.before) } };
  if (/^query BotComments\b/.test(query)) return { pullRequest: pull ? { comments: comments(pull, variables.before) } : null };

  const repository: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) if (/^[pb]\d+$/.test(name)) repository[name] = blobAt(repo, String(value));
  if (/^query ReviewState\b/.test(query)) {
    const config = blobAt(repo, String(variables.config));
    repository.config = config && {
      byteSize: config.byteSize,
      isBinary: config.isBinary,
      isTruncated: config.isTruncated,
      text: config.text,
    };
    const startups = (expression: unknown) => {
      const tree = treeAt(repo, String(expression));
      return tree && { oid: tree.oid, entries: tree.entries.map((e) => ({ name: e.name, type: e.type })) };
    };
    repository.startupsHead = startups(variables.startupsHead);
    repository.startupsBase = startups(variables.startupsBase);
    const q = String(variables.labelQuery ?? "").toLowerCase();
    repository.labels = { nodes: repo.labels.filter((l) => l.name.toLowerCase().includes(q)).map((l) => ({ name: l.name })) };
    // The app's check runs on the commit, in the app's one check suite there.
    const runs = repo.checkRuns.filter((r) => r.head_sha === String(variables.head ?? ""));
    repository.headCommit = {
      checkSuites: {
        nodes:
          runs.length > 0
            ? [
                {
                  checkRuns: {
                    nodes: runs.slice(-5).map((r) => ({ databaseId: r.id, externalId: r.external_id ?? null, status: "COMPLETED" })),
                  },
                },
              ]
            : [],
      },
    };
    repository.pullRequest = pull && {
      changedFiles: pull.files.length,
      headRefOid: pull.currentHead ?? pull.headSha,
      labels: { nodes: pull.labels.map((name) => ({ name })) },
      comments: comments(pull, null),
      reviewThreads: threads(pull, null),
      timelineItems: { nodes: pull.labelEvents.slice(-100).map((e) => ({ actor: { login: e.actor }, label: { name: e.label } })) },
    };
  }
  return repository;
}

function closingAnswer(repo: Repository, query: string, variables: Variables): Record<string, unknown> | null {
  const files = new Map<string, Bytes>(Object.entries(repo.files));
  const levels = (query.match(/entries \{/g) ?? []).length;
  /** A folder's entries as GitHub's Tree answers them, subfolders expanded `levels - 1` deep. */
  const entries = (dir: string, depth: number): Record<string, unknown>[] =>
    (folderEntries(files, dir) ?? []).map((e) => {
      const path = `${dir}/${e.name}`;
      if (e.type === "tree")
        return { name: e.name, type: "tree", mode: 0o040000, oid: e.oid, object: depth > 1 ? { entries: entries(path, depth - 1) } : {} };
      const text = repo.files[path]!;
      return {
        name: e.name,
        type: "blob",
        mode: 0o100644,
        oid: e.oid,
        object: repo.blobNodes.get(path) ?? { text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false },
      };
    });
  const prefix = String(variables.refPrefix ?? "").replace(/^refs\/heads\//, "");
  const refs = {
    pageInfo: { hasNextPage: false, endCursor: null },
    nodes: [...repo.branches.keys()]
      .filter((b) => b.startsWith(prefix))
      .map((b) => ({
        name: b.slice(prefix.length),
        associatedPullRequests: {
          nodes: repo.pulls
            .filter((p) => p.head === b && p.state === "open")
            .map((p) => ({
              number: p.number,
              body: p.body,
              ...(p.createdAt ? { createdAt: p.createdAt } : {}),
              labels: { nodes: p.labels.map((name) => ({ name })) },
            })),
        },
      })),
  };
  if (/^query ClosingScan\b/.test(query)) {
    const found = entries(String(variables.folder), levels);
    return {
      defaultBranchRef: {
        name: repo.defaultBranch,
        target: {
          oid: repo.headOid,
          tree: { oid: repo.treeOid },
          file: found.length > 0 ? { type: "tree", object: { entries: found } } : null,
        },
      },
      labels: { nodes: [...repo.labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((l) => ({ name: l.name })) },
      refs,
    };
  }
  if (/^query ClosingSubtree\b/.test(query)) {
    const dir = [...folders(files)].find(([, oid]) => oid === variables.oid)?.[0];
    return { object: dir === undefined ? null : { entries: entries(dir, levels) } };
  }
  if (/^query ClosingBranches\b/.test(query)) return { refs };
  if (/^query ClosingAuthors\b/.test(query)) {
    const object: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) {
      if (!/^p\d+$/.test(k)) continue;
      const login = repo.authors.get(String(v));
      const number = repo.addedIn.get(String(v));
      const comments = { nodes: (repo.pulls.find((p) => p.number === number)?.comments ?? []).slice(-50).map((c) => ({ body: c.body })) };
      object[k] = {
        nodes: login
          ? [
              {
                author: { user: null },
                associatedPullRequests: {
                  nodes: [{ ...(number ? { number, comments } : {}), merged: true, author: { __typename: "User", login } }],
                },
              },
            ]
          : [],
      };
    }
    return { object: variables.head === repo.headOid ? object : null };
  }
  if (/^query ClosingHistory\b/.test(query)) {
    const repository: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(variables)) {
      if (/^b\d+$/.test(k))
        repository[k] = {
          nodes: repo.pulls
            .filter((p) => p.head === v && p.state === "closed")
            .map((p) => ({ number: p.number, state: "CLOSED", body: p.body })),
        };
    }
    return repository;
  }
  return null;
}

/** GitHub's answer to `query`: `{ data }`, or `{ errors }` for a query outside GitHub's schema. */
export function answerGraphql(
  fake: FakeGitHub,
  query: string,
  variables: Variables,
): { data: unknown } | { errors: { message: string }[] } {
  const mutation = /^mutation ResolveThreads\b/.test(query);
  const threadIds = new Set(Object.values(variables));
  const owners = mutation
    ? fake.repositories.filter((r) => r.pulls.some((p) => p.reviewComments.some((c) => threadIds.has(c.threadId))))
    : [];
  const repo = mutation ? undefined : fake.repository(String(variables.owner), String(variables.name));
  // Recorded as received, even when GitHub refuses it.
  for (const r of mutation ? (owners.length > 0 ? owners : fake.repositories) : repo ? [repo] : []) r.graphqlQueries.push(query);
  const errors = graphqlErrors(query);
  if (errors.length > 0) return { errors: errors.map((message) => ({ message })) };
  if (mutation) {
    const out: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(variables)) {
      for (const c of owners.flatMap((r) => r.pulls.flatMap((p) => p.reviewComments))) if (c.threadId === id) c.resolved = true;
      out[name] = { thread: { id, isResolved: true } };
    }
    return { data: out };
  }
  if (!repo) return { data: { repository: null } };
  return {
    data: { repository: /^query Closing/.test(query) ? closingAnswer(repo, query, variables) : reviewAnswer(repo, query, variables) },
  };
}
