/** GitHub's limits and the one way text is made to fit them (src/github/limits.ts). */
import { describe, expect, it } from "vitest";
import { GITHUB_LIMITS, cutToFit, fitText, fits, utf8Length } from "../../src/github/limits.js";

describe("limits", () => {
  it("a text fits when it is under both the characters and the bytes", () => {
    const summary = GITHUB_LIMITS.checkRunSummary;
    expect(fits("a".repeat(65_535), summary)).toBe(true);
    expect(fits("a".repeat(65_536), summary)).toBe(false);
    // 40,000 accented characters: 80,000 bytes, refused by GitHub.
    expect(fits("é".repeat(40_000), summary)).toBe(false);
    expect(utf8Length("é🚀")).toBe(6);
  });

  it("fitText keeps text that fits as it is, cuts the rest at a line with the notice, within both limits", () => {
    expect(fitText("court", GITHUB_LIMITS.commentBody, "coupé")).toBe("court");
    const long = Array.from({ length: 5_000 }, (_, i) => `ligne ${i} : é è à ù`).join("\n");
    const cut = fitText(long, { chars: 10_000, bytes: 10_000 }, "… (coupé)");
    expect(utf8Length(cut)).toBeLessThanOrEqual(10_000);
    expect(cut.endsWith("\n… (coupé)")).toBe(true);
    // Whole lines: the line before the notice is one of the text's lines.
    const lines = cut.split("\n");
    expect(long.split("\n")).toContain(lines.at(-2));
    expect(utf8Length(cut)).toBeGreaterThan(9_000);
  });

  it("cutToFit never cuts a character in two (surrogate pairs, multi-byte characters)", () => {
    expect(cutToFit("🚀🚀🚀", { chars: 3, bytes: 100 })).toBe("🚀");
    expect(cutToFit("ééé", { chars: 100, bytes: 5 })).toBe("éé");
    expect(cutToFit("Offre d'emploi\u202F: indépendant", GITHUB_LIMITS.labelDescription)).toBe("Offre d'emploi\u202F: indépendant");
    expect(cutToFit("x".repeat(120), GITHUB_LIMITS.labelDescription)).toHaveLength(100);
  });

  it("the limits GitHub documents", () => {
    expect(GITHUB_LIMITS.annotationTitle.chars).toBe(255);
    expect(GITHUB_LIMITS.annotationMessage.bytes).toBe(65_536);
    expect(GITHUB_LIMITS.labelName.chars).toBe(50);
    expect(GITHUB_LIMITS.pullRequestFilesListed).toBe(3_000);
    expect(GITHUB_LIMITS.blobTextBytes).toBe(512_000);
  });
});
