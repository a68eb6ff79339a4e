/**
 * The postings a pull request adds or modifies, found without GitHub's file list (which stops
 * at 3,000 files): the postings folder's trees at the base and at the head commit, compared by
 * object id. A subfolder whose tree id did not change is the same at any depth and is not
 * opened. One GraphQL query per level of subfolders (50 folders a query), paths as variables.
 */
import type { GitHub, RepoRef } from "../octokit.js";
import type { PullRequestFile } from "../read-pull-request-files.js";

/** Levels of subfolders opened at most; folders per query. */
const MAX_DEPTH = 10;
const FOLDERS_PER_QUERY = 50;

interface Entry {
  name: string;
  type: string;
  oid: string;
}
type TreeAnswer = { entries?: (Entry | null)[] | null } | null | undefined;

function treesQuery(count: number): string {
  const declarations: string[] = [];
  const selections: string[] = [];
  for (let i = 0; i < count; i++) {
    declarations.push(`$h${i}: String!, $b${i}: String!`);
    selections.push(
      `h${i}: object(expression: $h${i}) { ... on Tree { entries { name type oid } } }`,
      `b${i}: object(expression: $b${i}) { ... on Tree { entries { name type oid } } }`,
    );
  }
  return `query FolderTrees($owner: String!, $name: String!, ${declarations.join(", ")}) {
  repository(owner: $owner, name: $name) {
    ${selections.join("\n    ")}
  }
}`;
}

function byName(tree: TreeAnswer): Map<string, Entry> {
  return new Map((tree?.entries ?? []).flatMap((e) => (e ? [[e.name, e] as const] : [])));
}

/** Files under `folder` that differ between `baseSha` and `headSha` (added or modified; removals left out). */
export async function readFolderChanges(
  octokit: GitHub,
  repo: RepoRef,
  target: { baseSha: string; headSha: string; folder: string },
): Promise<PullRequestFile[]> {
  const out: PullRequestFile[] = [];
  let level = [target.folder];
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
    const next: string[] = [];
    for (let start = 0; start < level.length; start += FOLDERS_PER_QUERY) {
      const folders = level.slice(start, start + FOLDERS_PER_QUERY);
      const vars: Record<string, string> = { owner: repo.owner, name: repo.repo };
      folders.forEach((f, i) => {
        vars[`h${i}`] = `${target.headSha}:${f}`;
        vars[`b${i}`] = `${target.baseSha}:${f}`;
      });
      const data = await octokit.graphql<{ repository: Record<string, TreeAnswer> | null }>(treesQuery(folders.length), vars);
      if (!data.repository) throw new Error("repository not readable");
      folders.forEach((folder, i) => {
        const before = byName(data.repository![`b${i}`]);
        for (const entry of byName(data.repository![`h${i}`]).values()) {
          const old = before.get(entry.name);
          if (old && old.type === entry.type && old.oid === entry.oid) continue;
          const path = `${folder}/${entry.name}`;
          if (entry.type === "tree") next.push(path);
          else if (entry.type === "blob") {
            out.push({
              filename: path,
              status: old?.type === "blob" ? "modified" : "added",
              previousFilename: null,
              patch: null,
              unlisted: true,
            });
          }
        }
      });
    }
    level = next;
  }
  return out.sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
}
