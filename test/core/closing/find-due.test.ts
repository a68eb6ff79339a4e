import { describe, expect, it } from "vitest";
import { classifyPosting, findDue, type PostingFile } from "../../../src/core/closing/find-due.js";
import { todayIn } from "../../../src/core/dates.js";
import { defaultCheckOptions } from "../../../src/core/defaults.js";
import { JOBS, jobNames, SEEDS, text } from "../corpus.js";

const options = defaultCheckOptions();
const file = (content: string, path = "content/_jobs/a.md"): PostingFile => ({ path, blob: "b".repeat(40), text: content });
const front = (...lines: string[]) => ["---", "roles: Développeur", "contrat: CDI", ...lines, "---", "", "Texte.", ""].join("\n");
const paris = (iso: string) => todayIn("Europe/Paris", new Date(iso));
const state = (content: string, today: string, opts = options) => classifyPosting(file(content), opts, today).state;

describe("the seeds", () => {
  const due = text(SEEDS, "000_98b50e31014be289.txt");
  const closed = text(SEEDS, "003_f3dddee9d80a1e5f.txt");

  it("000 (poste_ferme: 2021-07-07) is due from 2021-07-08, and its edit changes line 13 only", () => {
    expect(state(due, "2021-07-07")).toBe("open-until");
    const s = classifyPosting(file(due), options, "2021-07-08");
    if (s.state !== "due") throw new Error(s.state);
    expect(s.posting.reason).toEqual({ kind: "date", field: "poste_ferme", date: "2021-07-07" });
    expect(s.posting.openLine).toBe(13);
    expect(s.posting.contracts).toEqual(["stage"]);
    const before = due.split("\n");
    const after = s.posting.closedText.split("\n");
    expect(after.length).toBe(before.length);
    expect(after.flatMap((l, i) => (l === before[i] ? [] : [i + 1]))).toEqual([13]);
    expect(after[12]).toBe("open: false");
  });

  it("003 (open: false) is never due", () => {
    for (const today of ["2000-01-01", "2021-07-08", "2099-12-31"]) expect(state(closed, today)).toBe("closed");
  });
});

describe("what is due", () => {
  it("open and filled: due, whatever the date", () => {
    const s = classifyPosting(file(front("poste_ferme: 2099-01-01", "poste_pourvu: true", "open: true")), options, "2024-01-01");
    expect(s.state === "due" && s.posting.reason).toEqual({ kind: "filled" });
  });

  it("no date and not filled: left alone; open not a boolean: left alone", () => {
    expect(state(front("open: true"), "2099-01-01")).toBe("open-no-date");
    expect(state(front("poste_ferme: 2020-01-01", "open: yes"), "2099-01-01")).toBe("unreadable");
    expect(state(front("poste_ferme: 2020-01-01"), "2099-01-01")).toBe("unreadable");
  });

  it("poste_ferme first, else depublication_date; the order comes from the configuration", () => {
    const both = front("poste_ferme: 2024-01-01", "depublication_date: 2024-12-31", "open: true");
    expect(state(both, "2024-06-01")).toBe("due");
    expect(state(front("depublication_date: 2024-01-01", "open: true"), "2024-06-01")).toBe("due");
    const reversed = defaultCheckOptions({ closingDateFields: ["depublication_date", "poste_ferme"] });
    expect(state(both, "2024-06-01", reversed)).toBe("open-until");
  });

  it("an unreadable text (not exact UTF-8) is left alone", () => {
    expect(classifyPosting({ path: "content/_jobs/a.md", blob: "", text: null }, options, "2099-01-01").state).toBe("unreadable");
  });

  it("due postings come filled first, then oldest closing date, then by path", () => {
    const { due } = findDue(
      [
        file(front("poste_ferme: 2024-03-01", "open: true"), "content/_jobs/c.md"),
        file(front("poste_ferme: 2024-02-01", "open: true"), "content/_jobs/b.md"),
        file(front("poste_ferme: 2024-02-01", "open: true"), "content/_jobs/a.md"),
        file(front("poste_pourvu: true", "open: true"), "content/_jobs/z.md"),
        file(front("poste_ferme: 2024-09-01", "open: true"), "content/_jobs/d.md"),
      ],
      options,
      "2024-06-01",
    );
    expect(due.map((d) => d.path)).toEqual(["content/_jobs/z.md", "content/_jobs/a.md", "content/_jobs/b.md", "content/_jobs/c.md"]);
  });
});

describe("day boundaries in Europe/Paris, across both daylight-saving changes", () => {
  // 2024-03-31: 02:00 CET → 03:00 CEST. 2024-10-27: 03:00 CEST → 02:00 CET.
  const cases: [closing: string, notDueAt: string, dueAt: string][] = [
    ["2024-03-30", "2024-03-30T22:30:00Z", "2024-03-30T23:30:00Z"], // 23:30 CET / 00:30 CET
    ["2024-03-31", "2024-03-31T21:30:00Z", "2024-03-31T22:30:00Z"], // 23:30 CEST / 00:30 CEST
    ["2024-10-26", "2024-10-26T21:30:00Z", "2024-10-26T22:30:00Z"], // 23:30 CEST / 00:30 CEST
    ["2024-10-27", "2024-10-27T22:30:00Z", "2024-10-27T23:30:00Z"], // 23:30 CET / 00:30 CET
  ];
  for (const [closing, notDueAt, dueAt] of cases) {
    it(`poste_ferme: ${closing} — not due at 23:30 that day, due at 00:30 the day after`, () => {
      const content = front(`poste_ferme: ${closing}`, "open: true");
      expect(new Date(notDueAt).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })).toContain("23:30");
      expect(new Date(dueAt).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })).toContain("00:30");
      expect(state(content, paris(notDueAt))).toBe("open-until");
      expect(state(content, paris(dueAt))).toBe("due");
    });
  }

  it("a timestamp is a Paris day first: 2024-10-26T22:30:00Z is 00:30 on the 27th in Paris", () => {
    const content = front("poste_ferme: 2024-10-26T22:30:00Z", "open: true");
    expect(state(content, "2024-10-27")).toBe("open-until");
    expect(state(content, "2024-10-28")).toBe("due");
  });

  it("the time zone comes from the configuration", () => {
    const cayenne = defaultCheckOptions({ timeZone: "America/Cayenne" });
    const content = front("poste_ferme: 2024-10-26T22:30:00Z", "open: true");
    // 19:30 on the 26th in Cayenne: due on the 27th there.
    expect(state(content, "2024-10-27", cayenne)).toBe("due");
  });
});

describe("the corpus (543 real postings)", () => {
  const files = jobNames().map((n) => file(text(JOBS, n), `content/_jobs/${n}`));

  it("as of 2024-08-28: the 2 postings still open after their date are due, none other", () => {
    const { statuses, due } = findDue(files, options, "2024-08-28");
    expect(statuses).toHaveLength(543);
    expect(due.map((d) => [d.path, d.reason])).toEqual([
      [
        "content/_jobs/2022-06-22-envergo.recrute.une.chargee.ou.un.charge.de.deploiement.senior.md",
        { kind: "date", field: "depublication_date", date: "2022-07-15" },
      ],
      ["content/_jobs/2022-06-28-responsable-produit-PCRS.md", { kind: "date", field: "depublication_date", date: "2022-08-24" }],
    ]);
  });

  it("every closing edit, on any day, changes the open line only, byte for byte elsewhere (CRLF, BOM, comments)", () => {
    const { due } = findDue(files, options, "9999-12-31");
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) {
      const before = files.find((f) => f.path === d.path)!.text!.split("\n");
      const after = d.closedText.split("\n");
      expect(after.length).toBe(before.length);
      const changed = after.flatMap((l, i) => (l === before[i] ? [] : [i + 1]));
      expect(changed, d.path).toEqual([d.openLine]);
      expect(after[d.openLine - 1]!.replace(/\r$/, "")).toMatch(/^(?:open|"open"|'open')[ \t]*:[ \t]*false\b/);
    }
  });
});
