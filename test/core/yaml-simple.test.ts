/**
 * The fast path of the YAML reading (readSimpleYaml) against the `yaml` library (readYamlWithLibrary):
 * whenever the fast path accepts a front matter, data, positions, places of nested values and
 * diagnostics are the same. On every corpus posting and seed, and on generated tricky lines.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeContent } from "../../src/core/decode-content.js";
import { findFences } from "../../src/core/front-matter-fences.js";
import { readYaml, readYamlWithLibrary, type YamlReading } from "../../src/core/yaml-reading.js";
import { mayBeNonText, readSimpleYaml, resolvePlain } from "../../src/core/yaml-simple.js";
import { Document } from "yaml";
import { bytes, JOBS, jobNames, SEEDS, SUBMISSIONS, submissions } from "./corpus.js";

/** Deep equality with Object.is on primitives (-0 is not 0), same key order, same prototypes. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(ra[k], rb[k]));
  }
  return false;
}

/** Paths asked of locate: each key, its items (and one past the end), and a few odd ones. */
function paths(reading: YamlReading): PropertyKey[][] {
  const out: PropertyKey[][] = [[], ["nope"], [0], ["__proto__"], ["toString"]];
  for (const key of reading.positions.keys()) {
    out.push([key], [key, "x"], [key, -1], [key, 1.5], [key, 0, 0], [key, 0, "x"]);
    const value = reading.data?.[key];
    const n = Array.isArray(value) ? value.length : 1;
    for (let i = 0; i <= n; i++) out.push([key, i]);
  }
  return out;
}

/** Compares the two readings when the fast path accepts; returns whether it did. */
function compare(lines: readonly string[], label: string, firstLine = 2): boolean {
  const fast = readSimpleYaml(lines, firstLine);
  if (!fast) return false;
  const slow = readYamlWithLibrary(lines, firstLine);
  expect(fast.diagnostics, label).toEqual(slow.diagnostics);
  expect(fast.data, label).toEqual(slow.data);
  expect(same(fast.data, slow.data), `${label}: ${JSON.stringify(fast.data)}`).toBe(true);
  expect([...fast.positions.entries()], label).toEqual([...slow.positions.entries()]);
  for (const path of paths(slow)) expect(fast.locate(path), `${label} locate ${String(path)}`).toEqual(slow.locate(path));
  return true;
}

/** Front matter lines of a file, as parsePosting hands them to readYaml; null without front matter. */
function frontMatterLines(content: Uint8Array): string[] | null {
  const decoded = decodeContent(content);
  if ("diagnostic" in decoded) return null;
  const lines = decoded.text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const fences = findFences(lines);
  if (!fences.found) return null;
  const yaml = lines.slice(1, fences.closeLine - 1);
  return yaml.some((l) => l.includes("\r")) ? null : yaml;
}

function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const VALUES = [
  ...["", "x", "~", "null", "Null", "NULL", "nUll", "true", "True", "TRUE", "tRue", "false", "False", "FALSE", "yes", "no", "on", "off", "y", "n"],
  ...["0", "-0", "+0", "007", "-007", "0o17", "0o8", "0O17", "0x1F", "0X1F", "0xg", "-0x1", "1e3", "1E3", "1e+3", "1e-3", "1.", "-1.", ".5", "-.5", "+.5", "1.5e-3", "1.2.3"],
  ...[".inf", "-.inf", "+.Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", "-.nan", "1_000", "0b101", "12:30", "12:30:00", "2021-07-07", "2022-02-22T23:00:00.000Z"],
  ...["1e999999", "123456789012345678901234567890", `0x${"f".repeat(200)}`, "a b", "a  b", "a #b", "a#b", "C#", "a: b", "a:b", "a:", "http://x.y/z?a=1#f"],
  ...["'q'", "'it''s'", "''", "''''", "'a' #c", "'a'#c", "'a' b", "'unterminated", "'a'''", "'#x'", "' a '", "'a:b'", "'a: b'"],
  ...['"d"', '"a\\nb"', '""', '"a" # c', '"a"b', '"a', '"it\'s"', '"#x"', '" a "', '"a: b"'],
  ...["-x", "- x", "-", "-1", "?x", "? x", ":x", ",x", "[x]", "[x", "x]", "{a: 1}", "x{", "x[y]", "#c", "&a x", "*a", "!x y", "!!str x", "|", ">", "|-", "%x", "@x", "`x`", "x`"],
  ...["...", "---", "--- x", "a\tb", "é", "😀", "\u00a0x", "x\u00a0", "\u200bx", "x\u0085y", "\ud800x", "x y  ", "<<", "=", "x'", 'x"', "'", '"', "x ' y"],
  ...["a, b", "a,b", "x # c # d", "x ## c", "1 # c", "true # c", "~ # c", "Dev : full stack", "Dev:full", "x:", "x :", "a :b", "é:", "-.5e3", "+1", "0.", "00", "1__0"],
];
const KEYS = ["a", "_a", "a.b", "a-b", "a_b", "A1", "open", "null", "true", "True", "False", "NULL", "Nil", "x".repeat(201), "x".repeat(200), "a b", "é", "1a", "-a", ".a", "__proto__", "constructor", "toString", "<<", "y", "n"];
const KEY_FORMS = (k: string, v: string) => [`${k}: ${v}`, `${k}:${v}`, `${k} : ${v}`, `${k}:  ${v}  `, `${k}:`, `${k}: `, `${k}:   `, `${k}: # c`, `${k}:\t${v}`, `${k}  :`];
const BLOCKS = (v: string, w: string) => [
  `k:\n  - ${v}\n  - ${w}`,
  `k:\n- ${v}\n- ${w}`,
  `k:\n  -\n  - ${v}`,
  `k:\n  - \n  - ${v}`,
  `k:\n  -   ${v}  `,
  `k:\n  - ${v} # c`,
  `k: # c\n  - ${v}`,
  `k:\n\n  - ${v}`,
  `k:\n  - ${v}\n\n  - ${w}`,
  `k:\n  - ${v}\n    - ${w}`,
  `k:\n  - ${v}\n - ${w}`,
  `k:\n  - ${v}\n # c\n  - ${w}`,
  `k:\n  - ${v}\n# c\n  - ${w}`,
  `k:\n  - ${v}\n   ${w}`,
  `k:\n  -${v}`,
  `k:\n  - ${v}\nk2: ${w}`,
  `k: ${v}\n  - ${w}`,
  `k: ${v}\n  ${w}`,
  `k: ${v}\n\n  ${w}`,
  `k: ${v}\n# c\n  ${w}`,
  `k: ${v}\n  # c`,
  `k:\n  nested: ${v}`,
  `k:\n  # c\n  - ${v}`,
  `k:\n# c\nk2: ${v}`,
  `k:\n\nk2: ${v}`,
  `k: ${v}\n- ${w}`,
  `k: ${v}\n${w}`,
];
const DOCUMENTS = [
  "",
  "# only",
  "\n\n",
  "  ",
  "a: 1\na: 2",
  "a: 1\nb: 2\na: 3",
  "a: 1\n---\nb: 2",
  "%YAML 1.2\n---\na: 1",
  "? a\n: b",
  "a: 1\n...",
  "- x",
  "x",
  "a: 1\nb",
  "[a]",
  "a: 1\n  ",
  "a: 1\n\t",
  "a: 1 \nb: 2\t",
  "a: 1\n#\n#c\nb: 2",
  "a: &x 1\nb: *x",
  "a: !!str 1",
  "a: |\n  x",
  "a: >-\n  x\n  y",
  `a: ${"[".repeat(70)}`,
  `a: ${"[x] ".repeat(70)}`,
  `a: ${"x, ".repeat(950)}`,
  `${Array.from({ length: 950 }, (_, i) => `k${i}: v`).join("\n")}`,
  `${Array.from({ length: 1001 }, (_, i) => `k${i}: v`).join("\n")}`,
];

function generated(): string[] {
  const docs = new Set<string>(DOCUMENTS);
  for (const v of VALUES) {
    for (const line of KEY_FORMS("title", v)) docs.add(line);
    for (const b of BLOCKS(v, "w")) docs.add(b);
    for (const b of BLOCKS("w", v)) docs.add(b);
  }
  for (const k of KEYS) for (const line of KEY_FORMS(k, "v")) docs.add(line);
  // Random mixes of the lines above, a few lines each.
  const pool = [...docs].flatMap((d) => d.split("\n"));
  const r = lcg(2026);
  for (let n = 0; n < 4000; n++) {
    const count = 1 + Math.floor(r() * 6);
    docs.add(Array.from({ length: count }, () => pool[Math.floor(r() * pool.length)]).join("\n"));
  }
  return [...docs];
}

describe("readSimpleYaml (fast path) gives what the yaml library gives", () => {
  it("on every corpus posting and seed, and accepts most of them", () => {
    const files: Array<[string, Uint8Array]> = [
      ...jobNames().map((n): [string, Uint8Array] => [`jobs/${n}`, bytes(JOBS, n)]),
      ...submissions().map(({ file }): [string, Uint8Array] => [`submissions/${file}`, bytes(SUBMISSIONS, file)]),
      ...readdirSync(SEEDS)
        .filter((f) => f.endsWith(".txt"))
        .map((f): [string, Uint8Array] => [`seeds/${f}`, bytes(SEEDS, f)]),
    ];
    let withFrontMatter = 0;
    let accepted = 0;
    for (const [name, content] of files) {
      const lines = frontMatterLines(content);
      if (!lines) continue;
      withFrontMatter++;
      if (compare(lines, name)) accepted++;
    }
    console.log(`fast path: ${accepted} of ${withFrontMatter} corpus front matters (${((100 * accepted) / withFrontMatter).toFixed(1)}%)`);
    expect(withFrontMatter).toBeGreaterThan(850);
    expect(accepted / withFrontMatter).toBeGreaterThan(0.9);
  });

  it("on generated tricky lines, alone and around real keys", () => {
    let tried = 0;
    let accepted = 0;
    for (const doc of generated()) {
      for (const text of [doc, `roles: Dev\n${doc}\nopen: true`]) {
        tried++;
        if (compare(text.split("\n"), JSON.stringify(text.slice(0, 200)), 2)) accepted++;
      }
    }
    console.log(`fast path: ${accepted} of ${tried} generated front matters`);
    expect(accepted).toBeGreaterThan(1000);
    expect(tried - accepted).toBeGreaterThan(1000);
  });

  it("accepts large flat front matters and lists (up to its limits below the prescan's)", () => {
    const keys = [...Array.from({ length: 400 }, (_, i) => `k${i}: a, b`), "x: c [d] {e}"]; // 401 lines, 400 commas, 2 brackets
    expect(compare(keys, "400 keys with commas, and brackets")).toBe(true);
    const list = ["domaines:", ...Array.from({ length: 300 }, (_, i) => `  - item ${i}`), "open: true"];
    expect(compare(list, "a list of 300 items")).toBe(true);
    expect(readSimpleYaml(Array.from({ length: 950 }, (_, i) => `k${i}: v`), 2)).toBeNull();
    expect(readSimpleYaml([`a: ${"[x] ".repeat(61)}`], 2)).toBeNull();
  });

  it("refuses what it does not know, and readYaml then gives the library's diagnostics", () => {
    for (const doc of ["a: 1\na: 2", "a: [x]", "a: &x 1\nb: *x", "a: !!str 1", "a: |\n  x", "? a\n: b", "a:\tx", "a: 1\n  b", "title: Dev: full", "a: `x`", "\ta: 1", "", "# c"]) {
      const lines = doc.split("\n");
      expect(readSimpleYaml(lines, 2), doc).toBeNull();
      const viaReadYaml = readYaml(lines, 2);
      const viaLibrary = readYamlWithLibrary(lines, 2);
      expect(viaReadYaml.diagnostics).toEqual(viaLibrary.diagnostics);
      expect(viaReadYaml.data).toEqual(viaLibrary.data);
      expect(viaReadYaml.positions).toEqual(viaLibrary.positions);
    }
  });

  it("plain scalars: the shortcut to text holds for the library's own core tags", () => {
    const doc = new Document(undefined, { version: "1.2", schema: "core", uniqueKeys: false, intAsBigInt: false });
    const tests = doc.schema.tags.filter((t) => t.default === true && "test" in t && t.test).map((t) => String((t as { test: RegExp }).test));
    expect(tests).toEqual([
      "/^(?:~|[Nn]ull|NULL)?$/",
      "/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/",
      "/^0o[0-7]+$/",
      "/^[-+]?[0-9]+$/",
      "/^0x[0-9a-fA-F]+$/",
      "/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/",
      "/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/",
      "/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/",
    ]);
    for (const v of VALUES) {
      if (!mayBeNonText(v)) expect(resolvePlain(v), v).toBe(v);
    }
    expect(Object.is(resolvePlain("-0"), -0)).toBe(true);
    expect(resolvePlain(".NaN")).toBeNaN();
  });
});
