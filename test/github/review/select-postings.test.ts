import { describe, expect, it } from "vitest";
import { diffLines } from "../../../src/github/review/diff-lines.js";
import { selectPostings } from "../../../src/github/review/select-postings.js";
import type { PullRequestFile } from "../../../src/github/read-pull-request-files.js";

describe("diff lines", () => {
  it("keeps the new side's added and context lines", () => {
    const patch = [
      "@@ -1,4 +1,5 @@",
      " ---",
      "-roles: a",
      "+roles: b",
      "+open: true",
      " startup: x",
      "\\ No newline at end of file",
      "@@ -20,2 +21,2 @@",
      " a",
      "-b",
      "+c",
    ].join("\n");
    expect([...diffLines(patch)]).toEqual([1, 2, 3, 4, 21, 22]);
  });

  it("copes with CRLF patches and a trailing newline", () => {
    expect([...diffLines("@@ -0,0 +1,2 @@\r\n+a\r\n+b\r\n")]).toEqual([1, 2]);
  });
});

describe("selecting the postings of a pull request", () => {
  const file = (filename: string, status: PullRequestFile["status"], extra: Partial<PullRequestFile> = {}): PullRequestFile => ({
    filename,
    status,
    previousFilename: null,
    patch: null,
    ...extra,
  });

  it("added, modified and renamed files under the postings folder; removals and other folders ignored", () => {
    const selection = selectPostings(
      [
        file("content/_jobs/b.md", "modified", { patch: "@@ -3 +3 @@\n-a\n+b" }),
        file("content/_jobs/a.md", "added"),
        file("content/_jobs/gone.md", "removed"),
        file("content/_jobs_old/x.md", "added"),
        file("content/_jobs", "added"),
        file("README.md", "modified"),
        file("content/_jobs/moved.md", "renamed", { previousFilename: "content/_jobs/old.md" }),
        file("content/_jobs/from-drafts.md", "renamed", { previousFilename: "drafts/x.md" }),
      ],
      "content/_jobs",
      100,
    );
    expect(selection.postings.map((p) => [p.path, p.isNew])).toEqual([
      ["content/_jobs/a.md", true],
      ["content/_jobs/b.md", false],
      ["content/_jobs/from-drafts.md", true],
      ["content/_jobs/moved.md", false],
    ]);
    expect(selection.postings[0]!.diffLines).toBe("all");
    expect([...(selection.postings[1]!.diffLines as Set<number>)]).toEqual([3]);
    expect(selection.skipped).toEqual([]);
  });

  it("at most max-files, the rest listed as skipped", () => {
    const files = ["c", "a", "b"].map((n) => file(`jobs/${n}.md`, "added"));
    const selection = selectPostings(files, "jobs", 2);
    expect(selection.postings.map((p) => p.path)).toEqual(["jobs/a.md", "jobs/b.md"]);
    expect(selection.skipped).toEqual(["jobs/c.md"]);
  });
});
