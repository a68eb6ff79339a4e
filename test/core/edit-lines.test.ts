import { describe, expect, it } from "vitest";
import { checkPosting } from "../../src/core/check-posting.js";
import { replaceLine, setOpenFalse } from "../../src/core/edit-lines.js";
import { parsePosting } from "../../src/core/parse-posting.js";
import { JOBS, jobNames, options, SEEDS, SUBMISSIONS, submissions, text } from "./corpus.js";

function changedLines(before: string, after: string): number[] {
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** Corpus postings (jobs/ and submissions/) that say `open: true` once, plus seed 000. */
function openPostings(): Array<[string, string]> {
  const all: Array<[string, string]> = [
    ...jobNames().map((n): [string, string] => [`jobs/${n}`, text(JOBS, n)]),
    ...submissions().map(({ file }): [string, string] => [`submissions/${file}`, text(SUBMISSIONS, file)]),
    ["seeds/000_98b50e31014be289.txt", text(SEEDS, "000_98b50e31014be289.txt")],
  ];
  return all.filter(([, content]) => {
    const parsed = parsePosting(content);
    return parsed.data?.open === true && parsed.positions.get("open")?.occurrences === 1;
  });
}

describe("setOpenFalse on the corpus", () => {
  const postings = openPostings();

  it("finds the open postings (2 in jobs/, 300+ in submissions/, and the seed)", () => {
    expect(postings.filter(([name]) => name.startsWith("jobs/"))).toHaveLength(2);
    expect(postings.length).toBeGreaterThan(300);
  });

  it("changes exactly the open line, and the result reads the same with open: false", () => {
    for (const [name, content] of postings) {
      const closed = setOpenFalse(content);
      expect(closed, name).not.toBeNull();
      if (closed === null) continue;
      const path = "content/_jobs/2020-11-28-Trackdéchets_stagebizdév.md";
      const report = checkPosting({ path, content }, options());
      expect(changedLines(content, closed), name).toEqual([report.openLine]);
      const before = parsePosting(content).data ?? {};
      const after = parsePosting(closed).data ?? {};
      expect({ ...after }, name).toEqual({ ...before, open: false });
      expect(setOpenFalse(closed), name).toBeNull();
    }
  });

  it("seed 000: line 13 becomes `open: false`, nothing else", () => {
    const seed = text(SEEDS, "000_98b50e31014be289.txt");
    const closed = setOpenFalse(seed) ?? "";
    expect(changedLines(seed, closed)).toEqual([13]);
    expect(closed.split("\n")[12]).toBe("open: false");
    expect(closed.length).toBe(seed.length + 1);
  });

  it("seed 003 is already closed", () => {
    expect(setOpenFalse(text(SEEDS, "003_f3dddee9d80a1e5f.txt"))).toBeNull();
  });
});

describe("setOpenFalse on explicit cases", () => {
  const fm = (openLine: string, eol = "\n") => ["---", "roles: Dev", openLine, "friend: Etalab", "---", "", "Texte."].join(eol);

  it.each([
    ["open: true", "open: false"],
    ["open: true # Basculer à false quand le poste est pourvu", "open: false # Basculer à false quand le poste est pourvu"],
    ["open:   true   # x", "open:   false   # x"],
    ["open: true   ", "open: false   "],
    ['open: "true"', "open: false"],
    ["open: 'true' # x", "open: false # x"],
    ["open: yes", "open: false"],
    ["open: true#", "open: false"],
    ["open: True", "open: false"],
    ['"open": true', '"open": false'],
    ["open :\ttrue", "open :\tfalse"],
  ])("`%s` → `%s`", (line, expected) => {
    expect(setOpenFalse(fm(line))).toBe(fm(expected));
  });

  it("keeps CRLF line endings, the BOM and the body byte for byte", () => {
    const crlf = `\uFEFF${fm("open: true # x", "\r\n")}\r\n`;
    expect(setOpenFalse(crlf)).toBe(`\uFEFF${fm("open: false # x", "\r\n")}\r\n`);
  });

  it("keeps mixed line endings", () => {
    const mixed = "---\r\nroles: Dev\nopen: true\r\nfriend: x\n---\r\nbody\n";
    expect(setOpenFalse(mixed)).toBe("---\r\nroles: Dev\nopen: false\r\nfriend: x\n---\r\nbody\n");
  });

  it.each([
    ["already false", fm("open: false")],
    ["already FALSE", fm("open: FALSE # fermé")],
    ["no open line", fm("status: open")],
    ["open twice", ["---", "open: true", "open: true", "---"].join("\n")],
    ["value on the next line", ["---", "open:", "  true", "---"].join("\n")],
    ["only a comment", fm("open: # à décider")],
    ["nested open", ["---", "roles: a", "meta:", "  open: true", "---"].join("\n")],
    ["no front matter", "open: true\n"],
    ["open in the body only", `${fm("status: open")}\nopen: true\n`],
    ["unclosed quote", fm('open: "true')],
  ])("null when %s", (_, content) => {
    expect(setOpenFalse(content)).toBeNull();
  });
});

describe("replaceLine", () => {
  it("replaces one line and keeps its own line ending", () => {
    expect(replaceLine("a\r\nb\nc", 1, "A")).toBe("A\r\nb\nc");
    expect(replaceLine("a\r\nb\nc", 2, "B")).toBe("a\r\nB\nc");
    expect(replaceLine("a\r\nb\nc", 3, "C")).toBe("a\r\nb\nC");
    expect(replaceLine("a\n", 2, "x")).toBe("a\nx");
  });

  it("keeps the BOM on line 1", () => {
    expect(replaceLine("\uFEFF---yaml\nroles: a\n", 1, "---")).toBe("\uFEFF---\nroles: a\n");
  });

  it("applies the engine's fixes (submissions/2020-11-26_4633: junior: true#, open: true#, startup: trackdéchets)", () => {
    const content = text(SUBMISSIONS, "2020-11-26_4633_2020-11-28-Trackdéchets_stagebizdév.md");
    const path = "content/_jobs/2020-11-28-Trackdéchets_stagebizdév.md";
    const report = checkPosting({ path, content }, options());
    const fixes = report.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    expect(fixes.map((f) => f.text)).toEqual(["startup: trackdechets", "junior: true", "open: true"]);
    const fixed = fixes.reduce((c, f) => replaceLine(c, f.line, f.text), content);
    const again = checkPosting({ path, content: fixed }, options());
    expect(again.open).toBe(true);
    expect(again.diagnostics.filter((d) => d.fix !== undefined || d.severity === "error")).toEqual([]);
  });

  it("refuses a missing line or a carriage return in the text", () => {
    expect(() => replaceLine("a\nb", 3, "x")).toThrow(RangeError);
    expect(() => replaceLine("a\nb", 0, "x")).toThrow(RangeError);
    expect(() => replaceLine("a\nb", 1, "x\ry")).toThrow(RangeError);
  });

  it("a text of two lines (a fix that adds a line) takes the replaced line's ending", () => {
    expect(replaceLine("a\r\nb\r\n", 1, "a\ncontrat: stage")).toBe("a\r\ncontrat: stage\r\nb\r\n");
    expect(replaceLine("a\nb", 2, "b\nc")).toBe("a\nb\nc");
  });
});
