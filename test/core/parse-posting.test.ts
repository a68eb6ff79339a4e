import { describe, expect, it } from "vitest";
import { parsePosting } from "../../src/core/parse-posting.js";
import { bytes, JOBS, SEEDS, text } from "./corpus.js";

describe("parsePosting", () => {
  it("seed 000: data, positions of keys and values, raw lines", () => {
    const parsed = parsePosting(bytes(SEEDS, "000_98b50e31014be289.txt"));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data?.open).toBe(true);
    expect(parsed.data?.poste_ferme).toBe("2021-07-07"); // YAML 1.2 core: dates stay text
    expect(parsed.frontMatter).toEqual({ openLine: 1, closeLine: 14 });
    expect(parsed.positions.get("open")).toEqual({
      key: "open",
      line: 13,
      column: 1,
      keySpan: { start: 0, end: 4 },
      valueLine: 13,
      valueColumn: 7,
      valueSpan: { start: 6, end: 10 },
      occurrences: 1,
    });
    expect(parsed.positions.get("type")?.valueSpan).toEqual({ start: 6, end: 14 }); // `'friend'`, quotes included
    expect(parsed.lines[12]).toBe("open: true");
    expect(parsed.lineEnding).toBe("lf");
    expect(parsed.bom).toBe(false);
  });

  it("CRLF files: same lines and columns as LF (jobs/2022-05-19-datagir…nosgestesclimat-fr.md is all CRLF)", () => {
    const raw = text(
      JOBS,
      "2022-05-19-datagir.recrute.une.developpeuse.ou.un.developpeur.pour.ameliorer.le.calculateur.d.empreinte.climat.nosgestesclimat-fr.md",
    );
    expect(raw.includes("\r\n")).toBe(true);
    const parsed = parsePosting(raw);
    expect(parsed.lineEnding).toBe("crlf");
    const lf = parsePosting(raw.replace(/\r\n/g, "\n"));
    expect([...parsed.positions.values()]).toEqual([...lf.positions.values()]);
    expect(parsed.lines.some((l) => l.includes("\r"))).toBe(false);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.positions.get("open")?.line).toBe(lf.positions.get("open")?.line);
    expect(parsePosting(text(JOBS, "2021-05-04-mobilic-recrute-un-e-business-developer.md")).lineEnding).toBe("mixed");
  });

  it("a BOM is not part of line 1, and lines still count from the fence", () => {
    const seed = text(SEEDS, "000_98b50e31014be289.txt");
    const parsed = parsePosting(`\uFEFF${seed}`);
    expect(parsed.bom).toBe(true);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.positions.get("open")?.line).toBe(13);
    expect(parsed.lines[0]).toBe("---");
  });

  it("a BOM in bytes is read the same way", () => {
    const seed = bytes(SEEDS, "000_98b50e31014be289.txt");
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...seed]);
    expect(parsePosting(withBom).positions.get("open")?.line).toBe(13);
  });

  it("locates nested values for schema issues", () => {
    const parsed = parsePosting("---\nroles: a\ndomaines:\n  - Design\n  - [x]\nopen: true\n---\n");
    expect(parsed.locate(["domaines", 1])).toEqual({ line: 5, column: 5 });
    expect(parsed.locate(["domaines"])).toEqual({ line: 4, column: 3 });
    expect(parsed.locate(["nope"])).toBeNull();
  });

  it("a YAML syntax error is reported at its line", () => {
    const parsed = parsePosting("---\nroles: a\ntitle: Dev: full stack\nopen: true\n---\n");
    expect(parsed.data).toBeNull();
    expect(parsed.diagnostics.map((d) => [d.line, d.rule, d.messageId])).toEqual([[3, "front-matter-syntax", "yaml-colon-in-value"]]);
  });

  it("a value starting with a backquote or @", () => {
    const parsed = parsePosting("---\nroles: `dev`\nopen: true\n---\n");
    expect(parsed.diagnostics.map((d) => [d.line, d.column, d.messageId])).toEqual([[2, 8, "yaml-bad-start"]]);
  });

  it("an alias to no anchor (`*like this*`) is reported where it is written, not at an earlier alias", () => {
    const parsed = parsePosting("---\nroles: &r Dev\ntitle: *r\ncontact: *nowhere\nopen: true\n---\n");
    expect(parsed.data).toBeNull();
    expect(parsed.diagnostics.map((d) => [d.line, d.column, d.messageId, d.params.char])).toEqual([[4, 10, "yaml-bad-start", "*"]]);
  });

  it("data objects have no prototype; `__proto__` is an own key", () => {
    const parsed = parsePosting("---\n__proto__: {polluted: 1}\nroles: a\nopen: true\n---\n");
    expect(Object.getPrototypeOf(parsed.data)).toBeNull();
    expect(Object.keys(parsed.data ?? {})).toEqual(["__proto__", "roles", "open"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
