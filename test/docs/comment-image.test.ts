/**
 * docs/images/commentaire.png, the README's picture, is the comment the app posts today:
 * docs/images/commentaire.json keeps the sha256 of the comment's markdown and of the HTML page
 * the PNG was shot from (scripts/render-comment-image.ts). When the app's comment (or the page)
 * changes, this fails until the picture is made again (CONTRIBUTING.md says how). The script
 * itself is run in comment-image.e2e.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commentPage, sha256 } from "../../scripts/lib/comment-page.js";
import { IMAGE, IMAGE_FIXTURE, IMAGE_SOURCE, imageComment } from "../../scripts/render-comment-image.js";
import { PROJECT_ROOT } from "../cli/helpers.js";

const source = JSON.parse(readFileSync(path.join(PROJECT_ROOT, IMAGE_SOURCE), "utf8")) as {
  fixture: string;
  markdownSha256: string;
  pageSha256: string;
  width: number;
  height: number;
};
const STALE = "the picture is stale: run `npx tsx scripts/render-comment-image.ts` (see CONTRIBUTING.md)";

describe("docs/images/commentaire.png", () => {
  it("is a PNG of the size recorded beside it", () => {
    const png = readFileSync(path.join(PROJECT_ROOT, IMAGE));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: source.width, height: source.height });
    expect(source.height).toBeGreaterThan(300);
  });

  it("shows the comment the app posts today for the posting-with-errors replay", async () => {
    expect(source.fixture).toBe(IMAGE_FIXTURE);
    const markdown = await imageComment();
    expect(markdown).toContain("Merci\u202F! 3 points à corriger avant la fusion, 1 conseil.");
    expect(sha256(markdown), STALE).toBe(source.markdownSha256);
    const page = commentPage(markdown);
    expect(sha256(page), STALE).toBe(source.pageSha256);
    // The page shows the comment's text, rendered (not its markdown).
    expect(page).toContain("<th>Problème</th>");
    expect(page).toContain("vouliez-vous dire «\u202Fmon-entreprise\u202F»\u202F?");
    expect(page).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("is at the top of the README and in the contributors' guide", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const firstScreen = readme.split("\n").slice(0, 25).join("\n");
    expect(firstScreen).toContain("](docs/images/commentaire.png)");
    expect(readFileSync(path.join(PROJECT_ROOT, "docs/contribuer.md"), "utf8")).toContain("](images/commentaire.png)");
  });
});
