import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectFiles, readPosting } from "../../src/cli/files.js";
import { MAX_POSTING_BYTES } from "../../src/core/defaults.js";
import { tempTree } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function tree(files: Record<string, string | Uint8Array>) {
  const t = tempTree(files);
  cleanups.push(t.cleanup);
  return t.dir;
}

describe("collectFiles", () => {
  it("takes *.md recursively, and every (non-hidden) file directly in the postings folder", () => {
    const root = tree({
      "content/_jobs/b.md": "",
      "content/_jobs/a-sans-extension": "",
      "content/_jobs/notes.txt": "",
      "content/_jobs/.gitkeep": "",
      "content/_jobs/archive/old.md": "",
      "content/_jobs/archive/old-sans-extension": "",
      "content/_startups/s.md": "",
      "docs/guide.MD": "",
      "docs/image.png": "",
      ".github/x.md": "",
      "node_modules/pkg/README.md": "",
    });
    const { files, missing, special } = collectFiles([root], root, "content/_jobs");
    expect(files.map((f) => path.relative(root, f))).toEqual([
      "content/_jobs/a-sans-extension",
      "content/_jobs/archive/old.md",
      "content/_jobs/b.md",
      "content/_jobs/notes.txt",
      "content/_startups/s.md",
      "docs/guide.MD",
    ]);
    expect(missing).toEqual([]);
    expect(special).toEqual([]);
  });

  it("recognises a folder named like the postings folder anywhere (e.g. a copy of content/_jobs)", () => {
    const root = tree({ "elsewhere/_jobs/x": "", "elsewhere/jobs/y": "", "elsewhere/jobs/z.md": "" });
    const { files } = collectFiles([path.join(root, "elsewhere")], root, "content/_jobs");
    expect(files.map((f) => path.relative(root, f))).toEqual(["elsewhere/_jobs/x", "elsewhere/jobs/z.md"]);
    // with a configured postings folder, that folder (and its name) counts instead
    expect(collectFiles([path.join(root, "elsewhere")], root, "elsewhere/jobs").files.map((f) => path.relative(root, f))).toEqual([
      "elsewhere/jobs/y",
      "elsewhere/jobs/z.md",
    ]);
  });

  it("always takes a file given explicitly, dedupes, sorts, and reports missing paths", () => {
    const root = tree({ "b.txt": "", "a.md": "" });
    const { files, missing } = collectFiles(
      [path.join(root, "b.txt"), root, path.join(root, "a.md"), path.join(root, "nope")],
      root,
      "content/_jobs",
    );
    expect(files.map((f) => path.basename(f))).toEqual(["a.md", "b.txt"]);
    expect(missing).toEqual([path.join(root, "nope")]);
  });

  it("follows links to files, never links to folders (no loops)", () => {
    const root = tree({ "real/a.md": "" });
    symlinkSync(path.join(root, "real"), path.join(root, "real", "loop"));
    symlinkSync(path.join(root, "real", "a.md"), path.join(root, "real", "lien.md"));
    symlinkSync(path.join(root, "nowhere.md"), path.join(root, "real", "casse.md"));
    expect(collectFiles([root], root, "content/_jobs").files.map((f) => path.relative(root, f))).toEqual(["real/a.md", "real/lien.md"]);
  });
});

describe("readPosting", () => {
  it("reads a small file whole, as bytes", () => {
    const root = tree({ "a.md": "---\nroles: é\n---\n" });
    const bytes = readPosting(path.join(root, "a.md"));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).toString("utf8")).toBe("---\nroles: é\n---\n");
  });

  it("reads an empty file", () => {
    const root = tree({ "a.md": "" });
    expect(readPosting(path.join(root, "a.md")).length).toBe(0);
  });

  it("stops at MAX_POSTING_BYTES + 1 bytes however large the file is", () => {
    const root = tree({});
    const file = path.join(root, "big.md");
    writeFileSync(file, Buffer.alloc(5 * MAX_POSTING_BYTES, 0x61));
    const bytes = readPosting(file);
    expect(bytes.length).toBe(MAX_POSTING_BYTES + 1);
    expect(bytes.buffer.byteLength).toBe(MAX_POSTING_BYTES + 1);
  });

  it("reads exactly the file when it is just at the limit", () => {
    const root = tree({ "a.md": Buffer.alloc(MAX_POSTING_BYTES, 0x62) });
    expect(readPosting(path.join(root, "a.md")).length).toBe(MAX_POSTING_BYTES);
  });
});
