/** The review's plan, without HTTP: from reports and what exists, what should be written. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPosting } from "../../../src/core/check-posting.js";
import { defaultCheckOptions } from "../../../src/core/defaults.js";
import type { Diagnostic } from "../../../src/core/types.js";
import { configSchema, type ConfigInput } from "../../../src/config/schema.js";
import { planReview, type ExistingState } from "../../../src/github/review/plan-review.js";
import type { ReviewedPosting } from "../../../src/github/review/reviewed-posting.js";
import { renderComment } from "../../../src/github/review/render-comment.js";
import { checkChangedPostings } from "../../../src/github/review/check-changed-postings.js";
import { selectPostings } from "../../../src/github/review/select-postings.js";

const WITH_ERRORS = readFileSync(new URL("../../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const FIXED = readFileSync(new URL("../../fixtures/review/posting-fixed.md", import.meta.url), "utf8");
const PATH = "content/_jobs/2026-03-01-dev.md";
const OPTIONS = defaultCheckOptions({ startupIds: new Set(["mon-entreprise"]) });

function reviewed(content: string, path = PATH, diff: ReviewedPosting["diffLines"] = "all"): ReviewedPosting {
  const report = checkPosting({ path, content }, { ...OPTIONS, isNew: true });
  return { path, isNew: true, diffLines: diff, report, lines: content.split("\n"), preExisting: new Set(), closes: false };
}

/** A posting the pull request modifies from `before` to `after` with this unified diff. */
function modified(before: string, after: string, patch: string, path = PATH): ReviewedPosting {
  const [selected] = selectPostings([{ filename: path, status: "modified", previousFilename: null, patch }], "content/_jobs", 100).postings;
  return checkChangedPostings(
    [selected!],
    new Map([[path, { kind: "text", text: after }]]),
    OPTIONS,
    new Map([[path, { kind: "text", text: before }]]),
  )[0]!;
}

const nothing: ExistingState = { comments: [], pullRequestLabels: [], repositoryLabels: [], reviewCommentBodies: [] };
const config = (input: ConfigInput = {}) => configSchema.parse(input);
const words = (markdown: string) =>
  markdown
    .replace(/<!--[\s\S]*?-->/g, " ")
    .split(/[\s|]+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A legacy posting (startup gone, no contract, non-ISO opening date) whose closing date a pull request extends. */
const LEGACY = [
  "---",
  "roles: Coach agile",
  "startup: disparue",
  "post_ouvert: 01/02/2021",
  "poste_ferme: 2021-03-01",
  "open: true",
  "---",
  "",
  "Texte.",
  "",
].join("\n");
const EXTENDED = LEGACY.replace("poste_ferme: 2021-03-01", "poste_ferme: 2021-06-01");
const EXTEND_PATCH = "@@ -4,3 +4,3 @@\n post_ouvert: 01/02/2021\n-poste_ferme: 2021-03-01\n+poste_ferme: 2021-06-01\n open: true";
const CLOSED = LEGACY.replace("open: true", "open: false");
const CLOSE_PATCH = "@@ -5,2 +5,2 @@\n poste_ferme: 2021-03-01\n-open: true\n+open: false";

describe("planReview", () => {
  it("first review with errors: failing check, create the comment, suggestions, create and add the label", () => {
    const plan = planReview({ config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    expect(plan.checkRun.conclusion).toBe("failure");
    expect(plan.checkRun.annotations.map((a) => [a.start_line, a.annotation_level])).toMatchInlineSnapshot(`
      [
        [
          3,
          "failure",
        ],
        [
          4,
          "warning",
        ],
        [
          5,
          "failure",
        ],
        [
          6,
          "failure",
        ],
      ]
    `);
    expect(plan.comment.action).toBe("create");
    expect(plan.suggestions?.comments.map((c) => [c.path, c.line])).toMatchInlineSnapshot(`
      [
        [
          "content/_jobs/2026-03-01-dev.md",
          4,
        ],
        [
          "content/_jobs/2026-03-01-dev.md",
          5,
        ],
        [
          "content/_jobs/2026-03-01-dev.md",
          6,
        ],
      ]
    `);
    expect(plan.labels).toEqual({
      add: ["contrat: indépendant"],
      remove: [],
      create: [{ name: "contrat: indépendant", color: "fbca04", description: "Offre d'emploi\u202F: indépendant" }],
    });
    expect(plan.deleteComments).toEqual([]);
    expect(plan.resolveThreads).toEqual([]);
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
    // The one-click instruction is said once, however many suggestions.
    expect(body.match(/Commit suggestion/g)).toHaveLength(1);
  });

  it("fixed: the rows of the last comment are crossed out, the suggestion threads resolved; never a comment when there was never a problem", () => {
    const first = planReview({ config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing });
    const body = first.comment.action === "create" ? first.comment.body : "";
    const threads = first.suggestions!.comments.map((c, i) => ({ id: `T${i}`, path: c.path, isResolved: i === 0, body: c.body }));
    const existing = {
      ...nothing,
      comments: [{ id: 7, body, createdAt: "2026-01-01T00:00:00Z" }],
      reviewCommentBodies: threads.map((t) => t.body),
      threads,
    };
    const fixed = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing });
    expect(fixed.checkRun).toMatchObject({ conclusion: "success", title: "Tout est en ordre" });
    expect(fixed.comment.action === "update" && fixed.comment.body).toMatchInlineSnapshot(`
      "<!-- recrutement-bot:review -->
      ✅ Tout est en ordre, merci !

      | Ligne | Problème | À écrire |
      | ---: | --- | --- |
      | ~~3~~ | ~~❌ La startup « mon-entreprize » n'existe pas dans content/_startups : vouliez-vous dire « mon-entreprise » ? Sinon la page affichera « beta.gouv.fr recrute ».~~ | ✅ corrigé |<!-- recrutement-bot:row:15c193c0b11c:fixed -->
      | ~~4~~ | ~~⚠️ Type de contrat « independent » : écrivez « indépendant ».~~ | ✅ corrigé |<!-- recrutement-bot:row:81474b01e8e1:fixed -->
      | ~~5~~ | ~~❌ \`open\` vaut « oui » : la page et l'API ne le lisent pas de la même façon. Écrivez \`open: true\`, sans guillemets.~~ | ✅ corrigé |<!-- recrutement-bot:row:60036e13e249:fixed -->
      | ~~6~~ | ~~❌ \`poste_ferme\` : écrivez la date au format AAAA-MM-JJ : 2026-07-07 ; sinon l'offre ne sera pas fermée.~~ | ✅ corrigé |<!-- recrutement-bot:row:2de6dba85496:fixed -->

      <sub>Mis à jour à chaque commit.</sub>
      "
    `);
    // T0 was resolved by a person already.
    expect(fixed.resolveThreads).toEqual(threads.slice(1).map((t) => t.id));
    // Pushed again: the crossed-out rows stay as they are, nothing to write.
    const again = planReview({
      config: config(),
      configProblems: [],
      postings: [reviewed(FIXED)],
      skipped: [],
      existing: {
        ...existing,
        comments: [{ id: 7, body: fixed.comment.action === "update" ? fixed.comment.body : "", createdAt: "2026-01-01T00:00:00Z" }],
      },
    });
    expect(again.comment).toEqual({ action: "none" });
    const never = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing: nothing });
    expect(never.comment).toEqual({ action: "none" });
  });

  it("one small mistake: a comment under 60 words", () => {
    const posting = reviewed(FIXED.replace("open: true", "open: oui"));
    const plan = planReview({ config: config(), configProblems: [], postings: [posting], skipped: [], existing: nothing });
    const body = plan.comment.action === "create" ? plan.comment.body : "";
    expect(body).toMatchInlineSnapshot(`
      "<!-- recrutement-bot:review -->
      Merci ! 1 point à corriger avant la fusion.

      \`content/_jobs/2026-03-01-dev.md\`

      | Ligne | Problème | À écrire |
      | ---: | --- | --- |
      | 5 | ❌ \`open\` vaut « oui » : la page et l'API ne le lisent pas de la même façon. Écrivez \`open: true\`, sans guillemets. | \`open: true\` ✏️ |<!-- recrutement-bot:row:60036e13e249 -->

      ✏️ En un clic : onglet « Files changed », bouton « Commit suggestion ».

      <sub>Mis à jour à chaque commit.</sub>
      "
    `);
    expect(words(body)).toBeLessThan(60);
  });

  it("a pull request that only extends a legacy posting's closing date is not red: the old problems are shown apart", () => {
    const posting = modified(LEGACY, EXTENDED, EXTEND_PATCH);
    expect(posting.report.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(posting.preExisting.size).toBe(posting.report.diagnostics.length);
    const plan = planReview({ config: config(), configProblems: [], postings: [posting], skipped: [], existing: nothing });
    expect(plan.checkRun.conclusion).toBe("success");
    expect(plan.checkRun.annotations).toEqual([]);
    expect(plan.checkRun.title).toMatchInlineSnapshot(`"Tout est en ordre"`);
    expect(plan.comment.action === "create" && plan.comment.body).toMatchInlineSnapshot(`
      "<!-- recrutement-bot:review -->
      Merci ! Rien de bloquant.

      ✏️ En un clic : onglet « Files changed », bouton « Commit suggestion ».

      <details><summary>Déjà présent avant cette pull request (2, non bloquant)</summary>

      \`content/_jobs/2026-03-01-dev.md\`

      | Ligne | Problème | À écrire |
      | ---: | --- | --- |
      | 3 | ❌ La startup « disparue » n'existe pas dans content/_startups : la page affichera « beta.gouv.fr recrute », sans fiche de startup. Écrivez l'identifiant d'une startup (le nom de son fichier) ; pour une équipe qui n'est pas une startup d'État, \`friend: Nom de l'équipe\` (c'est ce nom que la page affiche). |  |<!-- recrutement-bot:row:48a0b73bf9c8 -->
      | 4 | ⚠️ \`post_ouvert\` : écrivez la date au format AAAA-MM-JJ : 2021-02-01. | \`post_ouvert: 2021-02-01\` ✏️ |<!-- recrutement-bot:row:ed053d411d5c -->

      </details>

      <sub>Mis à jour à chaque commit.</sub>
      "
    `);
  });

  it("a problem the pull request writes still blocks in a legacy posting; one it removes a key for too", () => {
    const badDate = modified(
      LEGACY,
      LEGACY.replace("poste_ferme: 2021-03-01", "poste_ferme: 01/06/2021"),
      EXTEND_PATCH.replace("+poste_ferme: 2021-06-01", "+poste_ferme: 01/06/2021"),
    );
    expect(
      planReview({ config: config(), configProblems: [], postings: [badDate], skipped: [], existing: nothing }).checkRun.conclusion,
    ).toBe("failure");
    const noRoles = modified(
      LEGACY,
      LEGACY.replace("roles: Coach agile\n", ""),
      "@@ -1,3 +1,2 @@\n ---\n-roles: Coach agile\n startup: disparue",
    );
    const plan = planReview({ config: config(), configProblems: [], postings: [noRoles], skipped: [], existing: nothing });
    expect(plan.checkRun.conclusion).toBe("failure");
    expect(plan.checkRun.annotations.map((a) => a.title)).toContain("À corriger (roles-missing)");
  });

  it("a closing pull request (only `open:` set to false) gets a success check that says so", () => {
    const posting = modified(LEGACY, CLOSED, CLOSE_PATCH);
    expect(posting.closes).toBe(true);
    const plan = planReview({ config: config(), configProblems: [], postings: [posting], skipped: [], existing: nothing });
    expect(plan.checkRun).toMatchObject({
      conclusion: "success",
      title: "Fermeture d'offre\u202F: seule la ligne open change",
      annotations: [],
    });
    expect(plan.checkRun.summary).toContain(
      "Cette pull request ne fait que fermer des offres\u202F: seule la ligne `open:` change, en `open: false`.",
    );
    // Anything else changed with it: not a closing pull request.
    expect(modified(LEGACY, CLOSED.replace("Texte.", "Autre."), CLOSE_PATCH).closes).toBe(false);
  });

  it("the override label: lifts a failing check when its author can write, says so when not", () => {
    const input = { config: config(), configProblems: [], postings: [reviewed(WITH_ERRORS)], skipped: [], existing: nothing };
    const lifted = planReview({ ...input, override: { label: "relecture: ok", login: "maintainer", allowed: true } });
    expect(lifted.checkRun).toMatchObject({ conclusion: "success", title: "Levée par maintainer" });
    expect(lifted.checkRun.summary).toContain(
      "✅ Vérification levée par **maintainer** avec l'étiquette `relecture: ok`\u202F: retirer l'étiquette rétablit le verdict.",
    );
    const refused = planReview({ ...input, override: { label: "relecture: ok", login: "passant", allowed: false } });
    expect(refused.checkRun.conclusion).toBe("failure");
    expect(refused.checkRun.summary).toContain(
      "L'étiquette `relecture: ok` a été posée par **passant**, sans droit d'écriture sur le dépôt\u202F: elle ne lève pas la vérification.",
    );
  });

  it("duplicates are deleted, the oldest comment kept", () => {
    const comments = [11, 12, 13].map((id) => ({ id, body: "<!-- recrutement-bot:review -->", createdAt: `2026-01-01T00:00:${id}Z` }));
    const plan = planReview({
      config: config(),
      configProblems: [],
      postings: [reviewed(WITH_ERRORS)],
      skipped: [],
      existing: { ...nothing, comments },
    });
    expect(plan.deleteComments).toEqual([12, 13]);
    expect(plan.comment).toMatchObject({ action: "update", commentId: 11 });
  });

  it("options: comment off, suggestions off (the line to write is in the comment), labels off", () => {
    const off = planReview({
      config: config({ comment: false, suggestions: false, labels: { enabled: false } }),
      configProblems: [],
      postings: [reviewed(WITH_ERRORS)],
      skipped: [],
      existing: nothing,
    });
    expect(off.comment).toEqual({ action: "none" });
    expect(off.suggestions).toBeNull();
    expect(off.labels).toBeNull();
    const noSuggestions = planReview({
      config: config({ suggestions: false }),
      configProblems: [],
      postings: [reviewed(WITH_ERRORS)],
      skipped: [],
      existing: nothing,
    });
    const body = noSuggestions.comment.action === "create" ? noSuggestions.comment.body : "";
    expect(body).toContain("| `open: true` |");
    expect(body).not.toContain("Commit suggestion");
  });

  it("labels: only the prefix family, nothing removed when some postings were not reviewed", () => {
    const existing = {
      ...nothing,
      pullRequestLabels: ["contrat: CDI", "bug", "contrat: inconnu"],
      repositoryLabels: ["contrat: CDI", "contrat: indépendant"],
    };
    const complete = planReview({ config: config(), configProblems: [], postings: [reviewed(FIXED)], skipped: [], existing });
    expect(complete.labels).toEqual({ add: ["contrat: indépendant"], remove: ["contrat: CDI"], create: [] });
    const partial = planReview({
      config: config(),
      configProblems: [],
      postings: [reviewed(FIXED)],
      skipped: ["content/_jobs/z.md"],
      existing,
    });
    expect(partial.labels).toEqual({ add: ["contrat: indépendant"], remove: [], create: [] });
    const custom = planReview({
      config: config({ labels: { prefix: "📄 ", colours: { indépendant: "ABCDEF" } } }),
      configProblems: [],
      postings: [reviewed(FIXED)],
      skipped: [],
      existing: nothing,
    });
    expect(custom.labels?.create).toEqual([{ name: "📄 indépendant", color: "abcdef", description: expect.any(String) }]);
  });

  it("the comment stays under GitHub's limit and says how many problems it leaves out", () => {
    const many: Diagnostic[] = Array.from({ length: 3000 }, (_, i) => ({
      line: i + 1,
      column: 1,
      severity: "error",
      rule: "unknown-key",
      messageId: "unknown-key",
      params: { key: "k".repeat(70) + i },
    }));
    const posting = { ...reviewed(FIXED), report: { ...reviewed(FIXED).report, diagnostics: many } };
    const body = renderComment({ lang: "fr", postings: [posting], suggested: new Set(), skipped: [], maxFiles: 100, previous: null })!;
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toMatch(/… et \d+ autres points\u202F: la liste complète est dans l'onglet «\u202FChecks\u202F»\./);
    const plan = planReview({ config: config(), configProblems: [], postings: [posting], skipped: [], existing: nothing });
    expect(plan.checkRun.summary.length).toBeLessThanOrEqual(60_000);
    expect(plan.checkRun.annotations).toHaveLength(3000);
  });

  it("a pipe in a value cannot break the table", () => {
    const posting = reviewed(FIXED.replace("startup: mon-entreprise", "startup: a|b `c|d`"));
    const body = renderComment({ lang: "fr", postings: [posting], suggested: new Set(), skipped: [], maxFiles: 100, previous: null })!;
    const rows = body.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Ligne") && !l.startsWith("| ---"));
    for (const r of rows) expect(r.replace(/<!--.*-->$/, "").split(/(?<!\\)\|/)).toHaveLength(5);
  });

  it("in English when the config says so", () => {
    const plan = planReview({
      config: config({ language: "en" }),
      configProblems: [],
      postings: [reviewed(WITH_ERRORS), reviewed(FIXED, "content/_jobs/2026-03-01-ok.md")],
      skipped: [],
      existing: nothing,
    });
    expect(plan.comment.action === "create" && plan.comment.body).toMatchInlineSnapshot(`
      "<!-- recrutement-bot:review -->
      Thank you! 2 postings reviewed: 3 things to fix before merging, 1 piece of advice.

      \`content/_jobs/2026-03-01-dev.md\`

      | Line | Problem | Write |
      | ---: | --- | --- |
      | 3 | ❌ The startup “mon-entreprize” does not exist in content/_startups: did you mean “mon-entreprise”? Otherwise the page will show “beta.gouv.fr recrute”. |  |<!-- recrutement-bot:row:15c193c0b11c -->
      | 4 | ⚠️ Contract type “independent”: write “indépendant”. | \`contrat: indépendant\` ✏️ |<!-- recrutement-bot:row:81474b01e8e1 -->
      | 5 | ❌ \`open\` is “oui”: the page and the API do not read it the same way. Write \`open: true\`, without quotes. | \`open: true\` ✏️ |<!-- recrutement-bot:row:60036e13e249 -->
      | 6 | ❌ \`poste_ferme\`: write the date as YYYY-MM-DD: 2026-07-07; otherwise the posting will not be closed. | \`poste_ferme: 2026-07-07\` ✏️ |<!-- recrutement-bot:row:2de6dba85496 -->

      ✏️ In one click: “Files changed” tab, “Commit suggestion” button.

      <sub>Updated on each commit.</sub>
      "
    `);
  });
});
