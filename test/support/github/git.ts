/**
 * Git's object ids, as GitHub hands them out: a blob's oid is git's (`blob <size>\0<bytes>`), a
 * folder's is its tree's, computed from its entries as git does. And the GraphQL `Blob` GitHub
 * answers for some bytes (binary test, text cut at 512,000 bytes).
 */
import { createHash } from "node:crypto";

export type Bytes = string | Uint8Array;

const asBuffer = (content: Bytes): Buffer => (typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content));

/** Git's blob id of these bytes (a string is taken as UTF-8). */
export function blobOid(content: Bytes): string {
  const bytes = asBuffer(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export interface TreeEntry {
  name: string;
  type: "blob" | "tree";
  oid: string;
}

/** Git's tree id: entries `<mode> <name>\0<20-byte id>`, sorted by name, a subtree as `name/`. */
export function treeOid(entries: readonly TreeEntry[]): string {
  const key = (e: TreeEntry) => (e.type === "tree" ? `${e.name}/` : e.name);
  const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const body = Buffer.concat(
    sorted.map((e) => Buffer.concat([Buffer.from(`${e.type === "tree" ? "40000" : "100644"} ${e.name}\0`), Buffer.from(e.oid, "hex")])),
  );
  return createHash("sha1").update(`tree ${body.length}\0`).update(body).digest("hex");
}

/** The entries of `folder` among `files` (path → content), subfolders with their tree ids; null when no file is under it. */
export function folderEntries(files: ReadonlyMap<string, Bytes>, folder: string): TreeEntry[] | null {
  const prefix = folder === "" ? "" : `${folder}/`;
  const blobs = new Map<string, string>();
  const subfolders = new Set<string>();
  for (const [path, content] of files) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...below] = path.slice(prefix.length).split("/");
    if (below.length > 0) subfolders.add(name!);
    else blobs.set(name!, blobOid(content));
  }
  if (blobs.size === 0 && subfolders.size === 0) return null;
  const entries: TreeEntry[] = [...blobs].map(([name, oid]) => ({ name, type: "blob", oid }));
  for (const name of subfolders) entries.push({ name, type: "tree", oid: treeOid(folderEntries(files, prefix + name)!) });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every folder that holds files, with its tree id. */
export function folders(files: ReadonlyMap<string, Bytes>): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of files.keys()) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (!out.has(folder)) out.set(folder, treeOid(folderEntries(files, folder)!));
    }
  }
  return out;
}

/** GitHub truncates a blob's GraphQL `text` at 512,000 bytes (`isTruncated: true`). */
export const BLOB_TEXT_LIMIT = 512_000;

/** A GraphQL `Blob` as GitHub gives it. */
export interface BlobNode {
  byteSize: number;
  isBinary: boolean;
  isTruncated: boolean;
  text: string | null;
}

/** GitHub's `Blob` for these bytes: binary when a NUL byte is among the first 8,000 (git's test), text decoded leniently and cut at 512,000 bytes. */
export function githubBlob(content: Bytes): BlobNode {
  const bytes = asBuffer(content);
  const isBinary = bytes.subarray(0, 8000).includes(0);
  const text = isBinary ? null : new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes.subarray(0, BLOB_TEXT_LIMIT));
  return { byteSize: bytes.length, isBinary, isTruncated: bytes.length > BLOB_TEXT_LIMIT, text };
}

/** The patch GitHub shows for an added file: every line is new. */
export function addedPatch(content: string): string {
  const lines = content.replace(/\n$/, "").split("\n");
  return `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => "+" + l).join("\n");
}
