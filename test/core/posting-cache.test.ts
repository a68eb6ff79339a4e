/** Readings kept by blob id: read once while kept, read again when the blob changes, bounded. */
import { describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { parsePosting } from "../../src/core/parse-posting.js";
import { PostingCache } from "../../src/core/posting-cache.js";
import { options } from "./corpus.js";

const text = (roles: string) => `---\nroles: ${roles}\nopen: true\nfriend: Etalab\n---\n\nTexte.\n`;

/** A cache whose readings are counted, by content. */
function counted(maxEntries?: number, maxBytes?: number): { cache: PostingCache; reads: string[] } {
  const reads: string[] = [];
  const cache = new PostingCache(maxEntries, maxBytes, (content) => {
    reads.push(String(content));
    return parsePosting(content);
  });
  return { cache, reads };
}

describe("PostingCache", () => {
  it("an unchanged blob is read once; a changed blob (another id) is read", () => {
    const { cache, reads } = counted();
    const first = cache.read("a1", text("Dev"));
    expect(cache.read("a1", text("Dev"))).toBe(first);
    expect(reads).toEqual([text("Dev")]);
    expect(cache.read("a2", text("Designer")).data?.roles).toBe("Designer");
    expect(reads).toEqual([text("Dev"), text("Designer")]);
    expect(cache.size).toBe(2);
  });

  it("bytes as well as text; without a blob id nothing is kept; an id seen with other content is read again", () => {
    const { cache, reads } = counted();
    const bytes = new TextEncoder().encode(text("Dev"));
    cache.read("b", bytes);
    cache.read("b", new Uint8Array(bytes));
    expect(reads).toHaveLength(1);
    cache.read(undefined, text("Dev"));
    cache.read("", text("Dev"));
    expect(reads).toHaveLength(3);
    expect(cache.size).toBe(1);
    expect(cache.read("b", text("Autre")).data?.roles).toBe("Autre");
    expect(reads).toHaveLength(4);
  });

  it("bounded by entries: the least recently used goes first", () => {
    const { cache, reads } = counted(2);
    cache.read("a", text("A"));
    cache.read("b", text("B"));
    cache.read("a", text("A")); // a is now the most recently used
    cache.read("c", text("C")); // b goes
    expect(cache.size).toBe(2);
    reads.length = 0;
    cache.read("a", text("A"));
    cache.read("c", text("C"));
    expect(reads).toEqual([]);
    cache.read("b", text("B"));
    expect(reads).toEqual([text("B")]);
  });

  it("bounded by bytes of posting text; a posting larger than the bound is not kept", () => {
    const size = Buffer.byteLength(text("A"));
    const { cache, reads } = counted(100, 2 * size);
    cache.read("a", text("A"));
    cache.read("b", text("B"));
    cache.read("c", text("C"));
    expect(cache.size).toBe(2);
    cache.read("big", text("x".repeat(3 * size)));
    expect(cache.size).toBe(2);
    reads.length = 0;
    cache.read("a", text("A"));
    expect(reads).toEqual([text("A")]);
  });

  it("checkPosting gives the same report with the cache, twice, and reports share nothing with the kept reading", () => {
    const { cache } = counted();
    const content = "---\nroles: Dev\nopen: true\nfriend: Etalab\nroles: Dev\ncontrat: CDI\n---\n";
    const plain = checkPosting({ path: "content/_jobs/2026-01-01-dev.md", content }, options());
    const first = checkPosting({ path: "content/_jobs/2026-01-01-dev.md", content, blob: "d" }, options(), cache);
    const second = checkPosting(
      { path: "content/_jobs/2026-01-01-dev.md", content, blob: "d" },
      options({ severities: { "duplicate-key": "error" } }),
      cache,
    );
    expect(first).toEqual(plain);
    expect(plain.diagnostics.map((d) => d.rule)).toEqual(["duplicate-key"]);
    expect(second.diagnostics.map((d) => d.severity)).toEqual(["error"]);
    expect(first.diagnostics[0]!.severity).toBe("warning");
    expect(first.diagnostics[0]).not.toBe(second.diagnostics[0]);
    expect(cache.read("d", content).diagnostics[0]).not.toBe(first.diagnostics[0]);
  });
});
