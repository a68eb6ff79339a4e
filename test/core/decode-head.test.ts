/**
 * Reading bytes through the fast path (decodeHead: only the front matter decoded, `lines` built on
 * first read) gives the same ParsedPosting as reading the whole text, and refuses every file it
 * does not fully understand (those go through decodeContent, which reports the problem).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeContent, decodeHead } from "../../src/core/decode-content.js";
import { parsePosting, type ParsedPosting } from "../../src/core/parse-posting.js";
import { bytes, JOBS, jobNames, SEEDS, SUBMISSIONS, submissions } from "./corpus.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

function snapshot(p: ParsedPosting) {
  const paths: PropertyKey[][] = [[], ["nope"]];
  for (const key of p.positions.keys()) paths.push([key], [key, 0], [key, 1], [key, 5]);
  return {
    data: p.data,
    positions: [...p.positions.entries()],
    places: paths.map((path) => p.locate(path)),
    lines: p.lines,
    lineEnding: p.lineEnding,
    bom: p.bom,
    frontMatter: p.frontMatter,
    diagnostics: p.diagnostics,
  };
}

/** Same reading from the bytes as from the text (the text is always decoded whole). */
function expectSame(content: Uint8Array, label: string): void {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(content);
  expect(snapshot(parsePosting(content)), label).toEqual(snapshot(parsePosting(text)));
}

const BASE = "---\nroles: Dev\nopen: true\nfriend: Etalab\n---\n\nTexte.\nSuite\n";
const VARIANTS: Array<[string, string | Uint8Array, boolean]> = [
  // name, content, whether decodeHead reads it
  ["plain", BASE, true],
  ["no body", "---\nroles: Dev\n---", true],
  ["closing with ...", "---\nroles: Dev\n...\nx", true],
  ["closing with spaces and tabs", "---\nroles: Dev\n--- \t \nx", true],
  ["empty front matter", "---\n---\nx", true],
  ["BOM", `\uFEFF${BASE}`, true],
  ["---yaml", BASE.replace(/^---/, "---yaml"), true],
  ["---js", BASE.replace(/^---/, "---js"), true],
  ["opening with spaces", BASE.replace(/^---/, "---  "), true],
  ["four dashes", BASE.replace(/^---/, "----"), true],
  ["first line not a fence", `x\n${BASE}`, false],
  ["two BOMs", `\uFEFF\uFEFF${BASE}`, false],
  ["no closing fence", "---\nroles: Dev\nopen: true\n", false],
  ["indented closing fence", "---\nroles: Dev\n  ---\nx", false],
  ["----- is not a closing fence", "---\nroles: Dev\n-----\n---\nx", true],
  ["CRLF", BASE.replace(/\n/g, "\r\n"), false],
  ["a CR in the body", `${BASE}a\rb\n`, false],
  ["NUL in the body", `${BASE}a\u0000b\n`, false],
  ["accents and emoji", "---\nroles: Développeur·se 😀\nopen: true\n---\nCorps é\n", true],
  ["front matter over 64 KiB", `---\ntitle: ${"é".repeat(40_000)}\n---\n`, true],
  ["YAML error", "---\nroles: a\ntitle: Dev: full\n---\n", true],
  ["invalid UTF-8 in the body", Uint8Array.from([...utf8(BASE), 0xc3, 0x28, 0x0a]), false],
  ["UTF-8 cut at the end", Uint8Array.from([...utf8(BASE), 0xe2, 0x82]), false],
  ["UTF-16 LE BOM", Uint8Array.from([0xff, 0xfe, 0x2d, 0x00]), false],
  ["over 1 MiB", utf8(`${BASE}${"x".repeat(1024 * 1024)}`), false],
];

describe("decodeHead and the lazy lines of parsePosting", () => {
  it.each(VARIANTS)("%s", (name, content, read) => {
    const b = typeof content === "string" ? utf8(content) : content;
    const head = decodeHead(b);
    expect(head !== null, name).toBe(read);
    if (head) {
      const whole = decodeContent(b);
      if (!("text" in whole)) throw new Error("not decoded");
      expect(whole.text.startsWith(head.head)).toBe(true);
      if (whole.text.length > head.head.length) expect(whole.text[head.head.length]).toBe("\n");
      expect(head.bom).toBe(whole.bom);
    }
    let valid = true;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch {
      valid = false;
    }
    if (valid && b.byteLength <= 1024 * 1024 && !(b[0] === 0xff && b[1] === 0xfe)) expectSame(b, name);
  });

  it("every corpus file and seed reads the same from bytes as from text", () => {
    let viaHead = 0;
    let files = 0;
    const all: Array<[string, Uint8Array]> = [
      ...jobNames().map((n): [string, Uint8Array] => [n, bytes(JOBS, n)]),
      ...submissions().map(({ file }): [string, Uint8Array] => [file, bytes(SUBMISSIONS, file)]),
      ...readdirSync(SEEDS)
        .filter((f) => f.endsWith(".txt"))
        .map((f): [string, Uint8Array] => [f, bytes(SEEDS, f)]),
    ];
    for (const [name, content] of all) {
      files++;
      if (decodeHead(content)) viaHead++;
      expectSame(content, name);
    }
    console.log(`decodeHead: ${viaHead} of ${files} corpus files`);
    expect(viaHead / files).toBeGreaterThan(0.9);
  });

  it("lines are decoded on first read only, and can be replaced", () => {
    const parsed = parsePosting(utf8(BASE));
    const descriptor = Object.getOwnPropertyDescriptor(parsed, "lines"); // an own accessor, listed with the other fields
    expect(typeof descriptor?.get).toBe("function");
    expect(parsed.lines).toEqual(["---", "roles: Dev", "open: true", "friend: Etalab", "---", "", "Texte.", "Suite", ""]);
    expect(parsed.lines).toBe(parsed.lines);
    parsed.lines = ["x"];
    expect(parsed.lines).toEqual(["x"]);
    expect(Object.keys(parsed)).toEqual(["data", "positions", "locate", "lines", "lineEnding", "bom", "frontMatter", "diagnostics"]);
  });
});
