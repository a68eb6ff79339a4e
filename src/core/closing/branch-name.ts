/**
 * Names of the closing job's branches: `recrutement-bot/fermeture/<file name without .md>` for
 * one posting, `recrutement-bot/fermeture/groupe` for the grouped pull request.
 */

export const CLOSING_BRANCH_PREFIX = "recrutement-bot/fermeture/";
export const GROUP_BRANCH = `${CLOSING_BRANCH_PREFIX}groupe`;

/**
 * Branch of the pull request that closes the posting at `path`. The file name is kept when it
 * is a valid git ref component; otherwise (spaces, `..`, `~^:?*[\`, a leading dot, `.lock`…) the
 * offending characters become `-` and a short hash of the name is appended, so that two names
 * never share a branch. A posting named `groupe.md` gets the hash too (the group owns `groupe`).
 *
 * A posting in a subfolder of the postings `folder` is named by its path from that folder, `/`
 * turned into `-` and the hash appended (`2024/a.md` → `2024-a-<hash>`): `2024/a.md` and
 * `2025/a.md` get two branches, and the postings directly in the folder keep their names.
 */
export function branchForPosting(path: string, folder?: string): string {
  const inFolder = folder !== undefined && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : (path.split("/").pop() ?? path);
  const name = inFolder.replace(/\.md$/i, "");
  let safe = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f~^:?*[\\/]/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/@\{/g, "@-")
    .replace(/^\./, "-")
    .replace(/(\.lock|\.)$/i, "-");
  if (safe === "" || safe === "@") safe = "-";
  if (safe !== name || safe === "groupe") safe = `${safe}-${shortHash(name)}`;
  return CLOSING_BRANCH_PREFIX + safe;
}

/** FNV-1a (32 bits) of the UTF-16 code units, as 8 hex digits: short, stable, no dependency. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
