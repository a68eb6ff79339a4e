/**
 * test/fixtures/corpus and test/fixtures/seeds are copies of the workspace's ../shared data (real
 * postings, kept byte for byte: CRLF, trailing spaces and odd names are the point). When ../shared
 * is beside the checkout, the copies must be identical; in a clone without it, there is nothing to
 * compare and the tests run on the copies.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, SEEDS_DIR, SHARED_DIR } from "./helpers/shared-data.js";

const shared = existsSync(path.join(SHARED_DIR, "corpus", "jobs"));

describe.skipIf(!shared)("copies of ../shared (skipped: no ../shared beside this checkout)", () => {
  const pairs: Array<[string, string]> = [
    [path.join(SHARED_DIR, "corpus", "jobs"), path.join(CORPUS_DIR, "jobs")],
    [path.join(SHARED_DIR, "corpus", "submissions"), path.join(CORPUS_DIR, "submissions")],
    [path.join(SHARED_DIR, "seeds"), SEEDS_DIR],
  ];
  it.each(pairs)("%s is copied byte for byte", (from, to) => {
    const names = readdirSync(from).sort();
    expect(readdirSync(to).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(to, name)).equals(readFileSync(path.join(from, name))), name).toBe(true);
  });
  it("startups.txt too", () => {
    expect(readFileSync(path.join(CORPUS_DIR, "startups.txt")).equals(readFileSync(path.join(SHARED_DIR, "corpus", "startups.txt")))).toBe(
      true,
    );
  });
});

describe("the copies are there", () => {
  it("543 postings, 346 submissions with their index, 530 startup ids, the two seeds", () => {
    expect(readdirSync(path.join(CORPUS_DIR, "jobs"))).toHaveLength(543);
    expect(readdirSync(path.join(CORPUS_DIR, "submissions")).filter((f) => f !== "index.json")).toHaveLength(346);
    expect(
      readFileSync(path.join(CORPUS_DIR, "startups.txt"), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== ""),
    ).toHaveLength(530);
    expect(readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt"))).toHaveLength(2);
  });
});
