/**
 * The hostile postings, built in code: the engine's suite (hostile.test.ts) and the app's
 * (test/hardening/hostile-app.test.ts) run the same cases.
 */
import { existsSync } from "node:fs";
import { expect } from "vitest";
import type { PostingReport } from "../../src/core/types.js";

export const PATH = "content/_jobs/2026-01-01-hostile.md";
const OK_FIELDS = "roles: Dev\nopen: true\nfriend: Etalab\n";
const fm = (yaml: string, body = "\nTexte.\n") => `---\n${yaml}---\n${body}`;
const utf8 = (s: string) => new TextEncoder().encode(s);

function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function billionLaughs(): string {
  let yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  const names = "bcdefghi";
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? "a" : names[i - 1];
    yaml += `${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(", ")}]\n`;
  }
  return fm(`${OK_FIELDS}${yaml}`);
}

function indentedMaps(depth: number): string {
  let yaml = OK_FIELDS + "deep:\n";
  for (let i = 1; i <= depth; i++) yaml += `${"  ".repeat(i)}k${i}:\n`;
  return fm(`${yaml}${"  ".repeat(depth + 1)}v: 1\n`);
}

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

export interface Case {
  name: string;
  content: () => string | Uint8Array;
  /** Message ids expected among the diagnostics (at least one diagnostic unless `check` says otherwise). */
  expect?: string[];
  /** Further expectations on the report. */
  check?: (report: PostingReport) => void;
  path?: string;
}

const g = globalThis as Record<string, unknown>;

export const CASES: Case[] = [
  {
    name: "---js front matter calling process.exit",
    content: () => "---js\nmodule.exports = (() => { globalThis.__hostileRan = true; process.exit(1); })()\n---\nTexte\n",
    expect: ["front-matter-language"],
    check: (r) => {
      expect(r.diagnostics[0]?.params).toEqual({ language: "js" });
      expect(g.__hostileRan).toBeUndefined();
    },
  },
  {
    name: "---javascript requiring child_process",
    content: () => "---javascript\nrequire('child_process').execSync('touch /tmp/recrutement-bot-pwned')\n---\n",
    expect: ["front-matter-language"],
    check: () => expect(existsSync("/tmp/recrutement-bot-pwned")).toBe(false),
  },
  { name: "---coffee", content: () => "---coffee\nroles: 'x'\nopen: true\n---\n", expect: ["front-matter-language"] },
  { name: "---json", content: () => '---json\n{"roles": "Dev", "open": true}\n---\n', expect: ["front-matter-language"] },
  { name: "--- toml with a space", content: () => "--- toml\nroles = 'Dev'\n---\n", expect: ["front-matter-language"] },
  { name: "+++ TOML fences (Hugo)", content: () => "+++\nroles = 'Dev'\nopen = true\n+++\n", expect: ["front-matter-missing"] },
  { name: "billion laughs (9^9 aliases)", content: billionLaughs, expect: ["yaml-aliases"] },
  {
    name: "[[[[…]]]] 10 000 deep",
    content: () => fm(`${OK_FIELDS}x: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
    expect: ["yaml-too-deep"],
  },
  {
    name: "{a:{a:…}} 10 000 deep",
    content: () => fm(`${OK_FIELDS}x: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n`),
    expect: ["yaml-too-deep"],
  },
  { name: "unclosed [[[[ 30 000 deep", content: () => fm(`${OK_FIELDS}x: ${"[".repeat(30_000)}\n`), expect: ["yaml-too-deep"] },
  {
    name: "- - - - compact sequences 10 000 deep",
    content: () => fm(`${OK_FIELDS}x:\n  ${"- ".repeat(10_000)}v\n`),
    expect: ["yaml-too-deep"],
  },
  { name: "block mappings 30 deep", content: () => indentedMaps(30), expect: ["yaml-too-deep"] },
  {
    name: "block mappings 15 deep are fine",
    content: () => indentedMaps(15),
    expect: ["unknown-key"],
    check: (r) => expect(r.diagnostics.map((d) => d.rule)).toEqual(["unknown-key"]),
  },
  { name: "2 MiB file (bytes)", content: () => utf8(fm(OK_FIELDS, "x".repeat(2 * 1024 * 1024))), expect: ["file-too-large"] },
  { name: "2 MiB file (text)", content: () => fm(OK_FIELDS, "é".repeat(1024 * 1024)), expect: ["file-too-large"] },
  {
    name: "100 KiB front matter",
    content: () => fm(`${OK_FIELDS}${Array.from({ length: 5000 }, (_, i) => `k${i}: ${"v".repeat(12)}`).join("\n")}\n`),
    expect: ["front-matter-too-large"],
  },
  {
    name: "a 500 KiB single value",
    content: () => fm(`${OK_FIELDS}title: ${"a".repeat(500 * 1024)}\n`),
    expect: ["front-matter-too-large"],
  },
  {
    name: "random binary bytes",
    content: () => {
      const r = lcg(42);
      return Uint8Array.from({ length: 4096 }, () => Math.floor(r() * 256));
    },
    expect: ["encoding-not-utf8"],
  },
  {
    name: "Latin-1 é (0xE9) in the front matter",
    content: () => Uint8Array.from([...utf8("---\nroles: D"), 0xe9, ...utf8("veloppeur\nopen: true\n---\n")]),
    expect: ["encoding-not-utf8"],
    check: (r) => expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 9, params: { byte: "E9" } }),
  },
  {
    name: "overlong UTF-8 (C0 AF)",
    content: () => Uint8Array.from([...utf8("---\nroles: "), 0xc0, 0xaf, ...utf8("\n---\n")]),
    expect: ["encoding-not-utf8"],
  },
  { name: "UTF-8 cut at the end", content: () => Uint8Array.from([...utf8(fm(OK_FIELDS)), 0xe2, 0x82]), expect: ["encoding-not-utf8"] },
  {
    name: "encoded surrogate (ED A0 80)",
    content: () => Uint8Array.from([...utf8("---\nroles: "), 0xed, 0xa0, 0x80, ...utf8("\n---\n")]),
    expect: ["encoding-not-utf8"],
  },
  {
    name: "NUL bytes",
    content: () => utf8(fm(`${OK_FIELDS}title: a\u0000b\n`)),
    expect: ["encoding-nul"],
    check: (r) => expect(r.diagnostics[0]).toMatchObject({ line: 5, column: 9 }),
  },
  { name: "UTF-16 LE with BOM", content: () => utf16(fm(OK_FIELDS), false), expect: ["encoding-utf16"] },
  { name: "UTF-16 BE with BOM", content: () => utf16(fm(OK_FIELDS), true), expect: ["encoding-utf16"] },
  { name: "only a BOM", content: () => Uint8Array.from([0xef, 0xbb, 0xbf]), expect: ["file-empty"] },
  { name: "empty file", content: () => "", expect: ["file-empty"] },
  { name: "only ---", content: () => "---", expect: ["front-matter-unclosed"] },
  { name: "unclosed fence", content: () => `---\n${OK_FIELDS}\nTexte sans fin de front matter.\n`, expect: ["front-matter-unclosed"] },
  { name: "empty front matter", content: () => "---\n---\nTexte\n", expect: ["front-matter-empty"] },
  {
    name: "duplicate keys",
    content: () => fm(`${OK_FIELDS}roles: Autre\nroles: Encore\n`),
    expect: ["duplicate-key"],
    check: (r) => expect(r.diagnostics.filter((d) => d.rule === "duplicate-key").map((d) => d.line)).toEqual([5, 6]),
  },
  {
    name: "__proto__, constructor, prototype keys (no pollution)",
    content: () =>
      fm(
        `${OK_FIELDS}__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: {polluted: yes}\ntoString: 1\nhasOwnProperty: 2\n`,
      ),
    expect: ["unknown-key"],
    check: (r) => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
      expect(r.diagnostics.filter((d) => d.rule === "unknown-key").map((d) => d.params.key)).toEqual([
        "__proto__",
        "constructor",
        "prototype",
        "toString",
        "hasOwnProperty",
      ]);
      expect(r.open).toBe(true);
    },
  },
  {
    name: "!!js/function tag",
    content: () => fm(`${OK_FIELDS}title: !!js/function 'function () { process.exit(1) }'\n`),
    expect: ["yaml-tag"],
  },
  {
    name: "!!python/object tag",
    content: () => fm(`${OK_FIELDS}title: !!python/object/apply:os.system ['rm -rf /']\n`),
    expect: ["yaml-tag"],
  },
  { name: "custom local tag", content: () => fm(`${OK_FIELDS}title: !include /etc/passwd\n`), expect: ["yaml-tag"] },
  { name: "open: !!binary", content: () => fm("roles: Dev\nopen: !!binary dHJ1ZQ==\nfriend: Etalab\n"), expect: ["yaml-tag"] },
  {
    name: "!!str on open (a core tag): a text, not a boolean",
    content: () => fm("roles: Dev\nopen: !!str true\nfriend: Etalab\n"),
    expect: ["open-not-boolean"],
  },
  {
    name: "merge keys << (not merged in YAML 1.2)",
    content: () => fm(`base: &base\n  roles: Dev\n  open: true\n<<: *base\nfriend: Etalab\n`),
    expect: ["roles-missing", "open-missing", "unknown-key"],
  },
  {
    name: "%YAML 1.1 directive does not bring back yes/no booleans (Jekyll's reader does: a warning)",
    content: () => "---\n%YAML 1.1\n--- !!map\nroles: Dev\nopen: yes\nfriend: Etalab\n---\n",
    expect: ["open-not-boolean-read"],
  },
  { name: "a second YAML document", content: () => fm(`${OK_FIELDS}--- !!map\nroles: Autre\n`), expect: ["yaml-several-documents"] },
  {
    name: "huge numbers",
    content: () => fm(`roles: 1e999999\nopen: 123456789012345678901234567890\nfriend: Etalab\njunior: 0x${"f".repeat(200)}\n`),
    expect: ["open-not-boolean", "invalid-value"],
    check: (r) => expect(r.roles).toBe("Infinity"),
  },
  { name: "a key of 10 000 characters", content: () => fm(`${OK_FIELDS}${"k".repeat(10_000)}: 1\n`), expect: ["yaml-key-too-long"] },
  {
    name: "10 000 keys (over 64 KiB)",
    content: () => fm(`${OK_FIELDS}${Array.from({ length: 10_000 }, (_, i) => `k${i}: 1`).join("\n")}\n`),
    expect: ["front-matter-too-large"],
  },
  {
    name: "2 000 keys (under 64 KiB, over 1 000 lines)",
    content: () => fm(`${OK_FIELDS}${Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join("\n")}\n`),
    expect: ["front-matter-too-complex"],
  },
  {
    name: "990 unknown keys (under every limit)",
    content: () => fm(`${OK_FIELDS}${Array.from({ length: 990 }, (_, i) => `k${i}: 1`).join("\n")}\n`),
    expect: ["unknown-key"],
    check: (r) => expect(r.diagnostics).toHaveLength(990),
  },
  {
    name: "a flow list of 30 000 items on one line",
    content: () => fm(`${OK_FIELDS}x: [${"1,".repeat(30_000)}1]\n`),
    expect: ["front-matter-too-complex"],
  },
  {
    name: "a flow list of 900 aliases (over 100)",
    content: () => fm(`${OK_FIELDS}a: &a [1, 2]\nx: [${"*a,".repeat(900)}1]\n`),
    expect: ["yaml-aliases"],
  },
  { name: "990 duplicate keys", content: () => fm(`${OK_FIELDS}${"roles: a\n".repeat(990)}`), expect: ["duplicate-key"] },
  { name: "CR-only line endings", content: () => fm(OK_FIELDS).replace(/\n/g, "\r"), expect: ["line-endings-cr"] },
  {
    name: "a lone CR inside the front matter",
    content: () => fm("roles: Dev\ropen: true\nfriend: Etalab\n"),
    expect: ["line-endings-cr"],
    check: (r) => expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 11 }),
  },
  {
    name: "mixed CRLF and LF: read like LF",
    content: () => "---\r\nroles: Dev\nopen: true\r\nfriend: Etalab\n---\r\nTexte\n",
    check: (r) => {
      expect(r.diagnostics).toEqual([]);
      expect([r.open, r.openLine]).toEqual([true, 3]);
    },
  },
  { name: "tabs as indentation", content: () => fm(`${OK_FIELDS}domaines:\n\t- Design\n`), expect: ["yaml-tab-indent"] },
  { name: "a .md whose front matter is a list", content: () => fm("- roles: Dev\n- open: true\n"), expect: ["front-matter-not-mapping"] },
  { name: "a front matter that is one text", content: () => fm("Bonjour tout le monde\n"), expect: ["front-matter-not-mapping"] },
  { name: "a mapping as a key", content: () => fm(`${OK_FIELDS}? {a: 1}\n: x\n`), expect: ["yaml-complex-key"] },
  { name: "an undefined alias", content: () => fm(`${OK_FIELDS}title: *nowhere\n`), expect: ["yaml-bad-start"] },
  {
    name: "a 900 KiB line in the body",
    content: () => fm(OK_FIELDS, `${"word ".repeat(180_000)}\n`),
    check: (r) => expect(r.diagnostics).toEqual([]),
  },
  { name: "300 000 empty lines", content: () => fm(OK_FIELDS, "\n".repeat(300_000)), check: (r) => expect(r.open).toBe(true) },
  {
    name: "regex stress: long contact, date, contract and open values",
    content: () =>
      fm(
        `roles: Dev\nopen: ${"t".repeat(10_000)} #\nfriend: Etalab\ncontact: ${"a.".repeat(4000)}@${"b.".repeat(4000)}!\npost_ouvert: ${"1 ".repeat(5000)}juillet\ncontrat: ${"indépendent ou ".repeat(800)}x\n`,
      ),
    expect: ["open-not-boolean", "contact-invalid", "date-unreadable", "contract-alias"],
  },
  {
    name: "a key with zero-width characters and bidi marks: one message, the misspelled key",
    content: () => fm(`roles: Dev\n\u202Eopen\u200B: true\nfriend: Etalab\n`),
    expect: ["key-misspelled-invisible"],
    check: (r) => expect(r.diagnostics.map((d) => d.rule)).toEqual(["key-misspelled"]),
  },
  { name: "content that is not text nor bytes", content: () => null as unknown as string, expect: ["internal-error"] },
  {
    name: "a ---js first line longer than 1 MiB is refused by size first",
    content: () => `---${"a".repeat(1024 * 1024)}\n`,
    expect: ["file-too-large"],
  },
];
