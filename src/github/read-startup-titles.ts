/**
 * The startups' titles (`title:` of each `content/_startups/<id>.md`), read in one GraphQL query
 * on the folder's tree and kept by the tree's id: the folder changes rarely, so a repository's
 * titles are read again only when a startup file changed. Read only when a posting names a
 * startup that is not an id (it may be a title, « DossierFacile »).
 */
import type { GitHub, RepoRef } from "./octokit.js";
import { startupTitle } from "../core/startup-title.js";

/** A startup file larger than this is not read for its title. */
const MAX_STARTUP_BYTES = 64 * 1024;
const CACHE_SIZE = 50;

/** Titles already read, by tree id (one per app instance: the same tree id is the same folder anywhere). */
export type StartupTitlesCache = Map<string, Map<string, string>>;

const QUERY = `query StartupTitles($owner: String!, $name: String!, $oid: GitObjectID!) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) { ... on Tree { entries { name type object { ... on Blob { byteSize isBinary text } } } } }
  }
}`;

interface Answer {
  repository: {
    object: {
      entries?:
        | ({ name: string; type: string; object: { byteSize?: number; isBinary?: boolean | null; text?: string | null } | null } | null)[]
        | null;
    } | null;
  } | null;
}

/** Startup id → title, for the tree `treeOid` of the startups folder. */
export async function readStartupTitles(
  octokit: GitHub,
  repo: RepoRef,
  treeOid: string,
  cache: StartupTitlesCache,
): Promise<Map<string, string>> {
  const hit = cache.get(treeOid);
  if (hit) return hit;
  const answer = await octokit.graphql<Answer>(QUERY, { owner: repo.owner, name: repo.repo, oid: treeOid });
  const titles = new Map<string, string>();
  for (const entry of answer.repository?.object?.entries ?? []) {
    const blob = entry?.object;
    if (!entry || entry.type !== "blob" || !entry.name.endsWith(".md") || !blob || typeof blob.text !== "string" || blob.isBinary) continue;
    if ((blob.byteSize ?? 0) > MAX_STARTUP_BYTES) continue;
    const title = startupTitle(blob.text);
    if (title !== null) titles.set(entry.name.slice(0, -".md".length), title);
  }
  cache.set(treeOid, titles);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return titles;
}
