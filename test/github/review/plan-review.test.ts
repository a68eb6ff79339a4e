/** The review's plan, without HTTP: from reports and what exists, what should be written. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPosting } from "../../../src/core/check-posting.js";
import { defaultCheckOptions } from "../../../src/core/defaults.js";
import type { Diagnostic } from "../../../src/core/types.js";
import { configSchema, type ConfigInput } from "../../../src/config/schema.js";
import { planReview, type ExistingState } from "../../../src/github/review/plan-review.js";
import type { ReviewedPosting } from "../../../src/github/review/reviewed-posting.js";
import { renderProblemsComment } from "../../../src/github/review/render-comment.js";

const WITH_ERRORS = readFileSync(new URL("../../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const FIXED = readFileSync(new URL("../../fixtures/review/posting-fixed.md", import.meta.url), "utf8");
const PATH = "content/_jobs/dev.md";

function reviewed(content: string, path = PATH, diff: ReviewedPosting["diffLines"] = "all"): ReviewedPosting {
  const report = checkPosting({ path, content }, defaultCheckOptions({ isNew: true, startupIds: new Set(["mon-entreprise"]) }));
  return { path, isNew: true, diffLines: diff, report, lines: content.split("\n") };
}

const nothing: ExistingState = { comments: [], pullRequestLabels: [], repositoryLabels: [], reviewCommentBodies: [] };
const config = (input: ConfigInput = {}) => configSchema.parse(input);

describe("planReview", () => {
  it("first review with errors: failing check, create the comment, three suggestions, create and add the label", () => {
    const plan = planReview({ config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    expect(plan.checkRun.conclusion).toBe("failure");
    expect(plan.checkRun.annotations).toHaveLength(4);
    expect(plan.comment.action).toBe("create");
    expect(plan.suggestions?.comments.map((c) => [c.path, c.line])).toEqual([
      [PATH, 4],
      [PATH, 5],
      [PATH, 6],
    ]);
    expect(plan.labels).toEqual({
      add: ["contrat: indépendant"],
      remove: [],
      create: [{ name: "contrat: indépendant", color: "fbca04", description: "Offre d'emploi en indépendant (étiquette posée par recrutement-bot)" }],
    });
    expect(plan.deleteComments).toEqual([]);
  });

  it("the same review again: nothing to write but the check run", () => {
    const first = planReview({ config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    const body = first.comment.action === "create" ? first.comment.body : "";
    const again = planReview({
      config: config(),
      configProblems: [],
      postings: [reviewed(WITH_ERRORS)],
      skipped: [],
      existing: {
        comments: [{ id: 7, body, createdAt: "2026-01-01T00:00:00Z" }],
        pullRequestLabels: ["contrat: indépendant"],
        repositoryLabels: ["contrat: indépendant"],
        reviewCommentBodies: first.suggestions!.comments.map((c) => c.body),
      },
    });
    expect(again.comment).toEqual({ action: "none" });
    expect(again.suggestions).toBeNull();
    expect(again.labels).toBeNull();
    // The comment still points at the one-click fixes posted before.
    expect(body.match(/Commit suggestion/g)).toHaveLength(3);
  });

  it("fixed: the comment becomes a short 'everything is fine'; never created when there was never a problem", () => {
    const existing = { ...nothing, comments: [{ id: 7, body: "<!-- recrutement-bot:review -->\nold", createdAt: "2026-01-01T00:00:00Z" }] };
    const fixed = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing });
    expect(fixed.checkRun).toMatchObject({ conclusion: "success", title: "Aucune erreur" });
    expect(fixed.comment).toEqual({ action: "update", commentId: 7, body: "<!-- recrutement-bot:review -->\n✅ Tout est en ordre maintenant : les offres de cette pull request n'ont plus de problème. Merci !\n" });
    const never = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing: nothing });
    expect(never.comment).toEqual({ action: "none" });
  });

  it("duplicates are deleted, the oldest comment kept", () => {
    const comments = [11, 12, 13].map((id) => ({ id, body: "<!-- recrutement-bot:review -->", createdAt: `2026-01-01T00:00:${id}Z` }));
    const plan = planReview({ config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: { ...nothing, comments } });
    expect(plan.deleteComments).toEqual([12, 13]);
    expect(plan.comment).toMatchObject({ action: "update", commentId: 11 });
  });

  it("options: comment off, suggestions off (the fix is written in the comment), labels off", () => {
    const off = planReview({ config: config({ comment: false, suggestions: false, labels: { enabled: false } }), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    expect(off.comment).toEqual({ action: "none" });
    expect(off.suggestions).toBeNull();
    expect(off.labels).toBeNull();
    const noSuggestions = planReview({ config: config({ suggestions: false }), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    expect(noSuggestions.comment.action === "create" && noSuggestions.comment.body).toContain("✏️ Pour corriger, remplacez la ligne par : `open: true`");
  });

  it("labels: only the prefix family, nothing removed when some postings were not reviewed", () => {
    const existing = { ...nothing, pullRequestLabels: ["contrat: CDI", "bug", "contrat: inconnu"], repositoryLabels: ["contrat: CDI", "contrat: indépendant"] };
    const complete = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing });
    expect(complete.labels).toEqual({ add: ["contrat: indépendant"], remove: ["contrat: CDI"], create: [] });
    const partial = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: ["content/_jobs/z.md"], existing });
    expect(partial.labels).toEqual({ add: ["contrat: indépendant"], remove: [], create: [] });
    const custom = planReview({ config: config({ labels: { prefix: "📄 ", colours: { indépendant: "ABCDEF" } } }), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing: nothing });
    expect(custom.labels?.create).toEqual([{ name: "📄 indépendant", color: "abcdef", description: expect.any(String) }]);
  });

  it("the comment stays under GitHub's limit and says how many problems it leaves out", () => {
    const many: Diagnostic[] = Array.from({ length: 3000 }, (_, i) => ({ line: i + 1, column: 1, severity: "error", rule: "unknown-key", messageId: "unknown-key", params: { key: "k".repeat(70) + i } }));
    const posting = { ...reviewed(FIXED), report: { ...reviewed(FIXED).report, diagnostics: many } };
    const body = renderProblemsComment({ lang: "fr", postings: [posting], suggested: new Set(), skipped: [], maxFiles: 100 });
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toMatch(/… et \d+ autre\(s\) problème\(s\) : la liste complète est dans l'onglet « Checks »\./);
    const plan = planReview({ config: config(), configProblems: [], postings: [posting], skipped: [], existing: nothing });
    expect(plan.checkRun.summary.length).toBeLessThanOrEqual(60_000);
    expect(plan.checkRun.annotations).toHaveLength(3000);
  });

  it("in English when the config says so", () => {
    const plan = planReview({ config: config({ language: "en" }), configProblems: [], postings: [reviewed(WITH_ERRORS), reviewed(FIXED, "content/_jobs/ok.md")], skipped: [], existing: nothing });
    expect(plan.comment.action === "create" && plan.comment.body).toMatchInlineSnapshot(`
      "<!-- recrutement-bot:review -->
      ### Job postings review

      I reviewed 2 postings of this pull request: **3 errors** to fix before merging, 1 warning (advice).

      #### ❌ \`content/_jobs/dev.md\`

      - ❌ **Line 3**: The startup “mon-entreprize” does not exist in content/_startups. Did you mean “mon-entreprise”?
      - ⚠️ **Line 4**: Contract type written “independent”: write “indépendant”.
        ✏️ A one-click fix is proposed on this line, in the “Files changed” tab: “Commit suggestion” button.
      - ❌ **Line 5**: \`open\` must be \`true\` or \`false\` (without quotes), not “oui”.
        ✏️ A one-click fix is proposed on this line, in the “Files changed” tab: “Commit suggestion” button.
      - ❌ **Line 6**: \`poste_ferme\`: write the date as YYYY-MM-DD: 2026-07-07.
        ✏️ A one-click fix is proposed on this line, in the “Files changed” tab: “Commit suggestion” button.

      ✅ No problem: \`content/_jobs/ok.md\`

      <sub>This comment is updated on each new commit. ❌ error to fix, ⚠️ advice. Line-by-line details in the “Checks” tab.</sub>
      "
    `);
  });
});
