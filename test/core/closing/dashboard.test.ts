/**
 * The dashboard's plan, pure: on made-up postings (every section), and on beta.gouv.fr's
 * corpus as of 2024-08-28 (test/fixtures/corpus/jobs), checked against an independent count of
 * the front matters' `open: true` lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planDashboard, openingDay } from "../../../src/core/closing/dashboard.js";
import { renderDashboard } from "../../../src/github/dashboard/dashboard-issue.js";
import type { EditLinks } from "../../../src/github/closing/render-pull-request.js";
import { checkOptionsFor } from "../../../src/config/check-options.js";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { CORPUS_DIR } from "../../cli/helpers.js";
import { posting } from "../../github/closing/fixtures.js";

const options = checkOptionsFor(DEFAULT_CONFIG, null, false);
const file = (name: string, text: string) => ({ path: `content/_jobs/${name}`, blob: "", text });

describe("planDashboard", () => {
  it("sorts the open postings by closing date, flags those within the notice window, lists the due, the stale without date, the waiting pull requests, the contracts", () => {
    const board = planDashboard({
      postings: [
        file("2024-01-01-loin.md", posting({ roles: "Loin", closing: "2024-12-31" })),
        file("2024-01-01-bientot.md", posting({ roles: "Bientôt", closing: "2024-09-04", contract: "CDD" })),
        file("2024-01-01-limite.md", posting({ roles: "Limite", closing: "2024-09-05" })),
        file("2024-01-01-passee.md", posting({ roles: "Passée", closing: "2024-08-27" })),
        file("2024-01-01-pourvue.md", posting({ roles: "Pourvue", closing: null, filled: true })),
        file(
          "2024-05-01-sans-date.md",
          posting({ roles: "Sans date", closing: null }).replace("post_ouvert", "date: 2024-05-30\npost_ouvert"),
        ),
        file("2024-06-01-recente.md", posting({ roles: "Récente", closing: null })),
        file("2020-01-01-fermee.md", posting({ roles: "Fermée", open: false })),
        { path: "content/_jobs/binaire.md", blob: "", text: null },
      ],
      options,
      today: "2024-08-28",
      noticeDays: 7,
      staleDays: 90,
      pullRequests: [
        { number: 12, openedOn: "2024-08-28", paths: ["content/_jobs/2024-01-01-passee.md"] },
        { number: 9, openedOn: "2024-08-01", paths: ["content/_jobs/2024-01-01-pourvue.md"] },
      ],
    });
    expect(board.open.map((o) => [o.roles, o.date, o.daysLeft, o.soon])).toEqual([
      ["Bientôt", "2024-09-04", 7, true],
      ["Limite", "2024-09-05", 8, false],
      ["Loin", "2024-12-31", 125, false],
    ]);
    expect(board.due.map((d) => [d.roles, d.date])).toEqual([
      ["Pourvue", null],
      ["Passée", "2024-08-27"],
    ]);
    // The front matter's `date` (2024-05-30, 90 days: not more) is not stale; the file name's day is the fallback.
    expect(board.stale).toEqual([]);
    expect(
      planDashboard({
        postings: [file("2024-05-01-x.md", posting({ closing: null }))],
        options,
        today: "2024-08-28",
        noticeDays: 7,
        staleDays: 90,
        pullRequests: [],
      }).stale.map((s) => [s.openedOn, s.days]),
    ).toEqual([["2024-05-01", 119]]);
    expect(board.waiting.map((w) => [w.number, w.days])).toEqual([
      [9, 27],
      [12, 0],
    ]);
    expect(board.contracts).toEqual([
      { type: "CDI", count: 6 },
      { type: "CDD", count: 1 },
    ]);
    expect([board.openCount, board.noDateCount]).toEqual([7, 2]);
  });

  it("lists the open postings that do not pass the checks, with the rules that block, and renders them as their own section", () => {
    const partner = [
      "---",
      "roles: Designer",
      "friend: L'Atelier numérique",
      "type: friend",
      "poste_ferme: 2024-12-31",
      "open: true",
      "---",
      "",
      "Texte.",
      "",
    ].join("\n");
    const board = planDashboard({
      postings: [
        file("2024-01-01-partenaire.md", partner),
        file("2024-01-01-loin.md", posting({ roles: "Loin", closing: "2024-12-31" })),
        file("2020-01-01-fermee.md", posting({ roles: "Fermée", open: false }).replace("roles: Fermée\n", "")),
      ],
      options,
      today: "2024-08-28",
      noticeDays: 7,
      staleDays: 90,
      pullRequests: [],
    });
    // The closed posting without roles is not open: not listed.
    expect(board.failing).toEqual([
      { path: "content/_jobs/2024-01-01-partenaire.md", roles: "Designer", contracts: [], rules: ["partner-url-missing"] },
    ]);
    const links: EditLinks = { web: "https://github.com", repo: { owner: "betagouv", repo: "offres" }, defaultBranch: "main" };
    const body = renderDashboard(board, "fr", links, 7, 90);
    expect(body).toContain(
      "### Offres ouvertes qui ne passent pas les vérifications (la page casse ou ment\u202F; le détail\u202F: `recrutement-bot check`)\n\n- [Designer](https://github.com/betagouv/offres/blob/main/content/_jobs/2024-01-01-partenaire.md) — `partner-url-missing`",
    );
    expect(renderDashboard({ ...board, failing: [] }, "fr", links, 7, 90)).not.toContain("ne passent pas les vérifications");
  });

  it("the opening day: the front matter's `date`, else the file name's", () => {
    expect(openingDay("content/_jobs/2021-06-09-x.md", "---\ndate: '2021-06-10'\n---\n")).toBe("2021-06-10");
    expect(openingDay("content/_jobs/2021-06-09-x.md", "---\nroles: x\n---\ndate: 2020-01-01\n")).toBe("2021-06-09");
    expect(openingDay("content/_jobs/x.md", "---\nroles: x\n---\n")).toBeNull();
  });
});

describe("on beta.gouv.fr's corpus as of 2024-08-28", () => {
  const names = readdirSync(`${CORPUS_DIR}/jobs`).filter((f) => f.endsWith(".md"));
  const postings = names.map((f) => file(f, readFileSync(`${CORPUS_DIR}/jobs/${f}`, "utf8")));
  const board = planDashboard({ postings, options, today: "2024-08-28", noticeDays: 7, staleDays: 90, pullRequests: [] });

  it("every posting whose front matter says `open: true` is on the board, due or not, with or without a date", () => {
    const frontMatter = (text: string) => text.split(/\r?\n---/, 1)[0]!;
    const open = postings
      .filter((p) => /^open:[ \t]*true\b/m.test(frontMatter(p.text)))
      .map((p) => p.path)
      .sort();
    const listed = [...board.open, ...board.due, ...board.stale].map((p) => p.path);
    expect(board.openCount).toBe(open.length);
    expect(board.openCount).toBe(board.open.length + board.due.length + board.noDateCount);
    for (const path of listed) expect(open).toContain(path);
    // What the closing note reports.
    console.info(
      `corpus 2024-08-28: ${postings.length} postings, ${board.openCount} open, ${board.noDateCount} without a closing date, ${board.due.length} due, ${board.open.filter((o) => o.soon).length} within 7 days`,
    );
  });
});
