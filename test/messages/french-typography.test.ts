/**
 * French typography of the whole catalogue (src/messages, every area): a narrow no-break space
 * (U+202F) before `; : ! ?` and inside « », never a plain space (U+0020) nor a no-break space
 * (U+00A0) there; and the English texts keep English spacing. Inline code spans (`open: true`,
 * `clé: valeur`) are YAML or commands, not prose: they are left out of the check.
 *
 * Each entry is rendered with sample parameters: every string parameter "x", every number 2, and a
 * second time with "y" and 1 (the other branch of plurals).
 */
import { describe, expect, it } from "vitest";
import type { Entry, Lang, Params } from "../../src/messages/define.js";
import { cliMessages } from "../../src/messages/cli.js";
import { closingMessages } from "../../src/messages/closing.js";
import { configMessages } from "../../src/messages/config.js";
import { diagnosticMessages } from "../../src/messages/diagnostics.js";
import { hasMessage } from "../../src/messages/index.js";
import { reviewMessages } from "../../src/messages/review.js";

const AREAS = {
  diagnostics: diagnosticMessages,
  review: reviewMessages,
  closing: closingMessages,
  cli: cliMessages,
  config: configMessages,
};
const ENTRIES: Array<[string, Entry<Params>]> = Object.values(AREAS).flatMap((area) =>
  Object.entries(area as unknown as Record<string, Entry<Params>>),
);

/** Parameters that are numbers somewhere in the catalogue (the others are strings). */
const NUMBERS = new Set([
  "count",
  "line",
  "pr",
  "max",
  "size",
  "errors",
  "warnings",
  "problems",
  "files",
  "due",
  "firstLine",
  "column",
  "total",
  "fixed",
  "resolved",
  "suggestions",
  "words",
]);

/** Sample parameters: "x" (or `text`) for strings, `n` for numbers; any key the entry reads. */
function sample(text: string, n: number): Params {
  return new Proxy({} as Params, {
    get: (_, key) => (typeof key === "string" ? (NUMBERS.has(key) ? n : text) : undefined),
    has: () => true,
  });
}

/** The text of `entry` in `lang` for each sample, or the error it threw. */
function renders(entry: Entry<Params>, lang: Lang): string[] {
  return [sample("x", 2), sample("y", 1)].map((p) => {
    try {
      return entry[lang](p);
    } catch (e) {
      return `‼ threw: ${String(e)}`;
    }
  });
}

/** `text` with its inline code spans replaced by ⟨code⟩ (CommonMark: a run of n backquotes up to the next run of exactly n). */
function withoutCode(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "`") {
      out += text[i];
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === "`") n++;
    let j = i + n;
    let close = -1;
    while (j < text.length) {
      if (text[j] !== "`") {
        j++;
        continue;
      }
      let m = 0;
      while (text[j + m] === "`") m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close === -1) {
      out += text.slice(i, i + n);
      i += n;
    } else {
      out += "⟨code⟩";
      i = close + n;
    }
  }
  return out;
}

/** French typography problems of one text (outside code spans). */
function frenchProblems(text: string): string[] {
  const prose = withoutCode(text);
  const found: string[] = [];
  const around = (i: number) => JSON.stringify(prose.slice(Math.max(0, i - 15), i + 5));
  for (const m of prose.matchAll(/[ \u00A0]([;:!?»])/g))
    found.push(`${m[0] === `\u00A0${m[1]}` ? "no-break space" : "plain space"} before ${m[1]}: ${around(m.index + 1)}`);
  for (const m of prose.matchAll(/«[ \u00A0]/g))
    found.push(`${m[0].endsWith("\u00A0") ? "no-break space" : "plain space"} after «: ${around(m.index + 1)}`);
  for (const m of prose.matchAll(/«(?![\u202F \u00A0])/g)) found.push(`no space after «: ${around(m.index + 1)}`);
  for (const m of prose.matchAll(/(?<![\u202F \u00A0])»/g)) found.push(`no space before »: ${around(m.index)}`);
  // `;`, `!` or `?` glued to a word and then a space or the end: a missing space (URLs and paths are not followed by a space).
  for (const m of prose.matchAll(/[\p{L}\p{N})»"”]([;!?])(?=[\s]|$)/gu)) found.push(`no space before ${m[1]}: ${around(m.index + 1)}`);
  return found;
}

/** English typography problems: French spacing or guillemets in an English text. */
function englishProblems(text: string): string[] {
  const prose = withoutCode(text);
  const found: string[] = [];
  for (const m of prose.matchAll(/[\u202F\u00A0 ]([;:!?])/g))
    found.push(`space before ${m[1]}: ${JSON.stringify(prose.slice(Math.max(0, m.index - 15), m.index + 5))}`);
  for (const m of prose.matchAll(/[«»]/g))
    found.push(`French guillemet ${m[0]}: ${JSON.stringify(prose.slice(Math.max(0, m.index - 15), m.index + 5))}`);
  if (/\u202F/.test(prose)) found.push(`narrow no-break space: ${JSON.stringify(prose)}`);
  return found;
}

describe("the checker of this test", () => {
  /** The kinds of problems found, without the context. */
  const kinds = (found: string[]) => found.map((p) => p.slice(0, p.indexOf(": ")));
  it("finds each kind of mistake, and leaves code spans alone", () => {
    expect(frenchProblems("Champ inconnu : x")).toEqual(['plain space before :: "Champ inconnu : x"']);
    expect(kinds(frenchProblems("Champ inconnu\u00A0: x"))).toEqual(["no-break space before :"]);
    expect(kinds(frenchProblems("« x »"))).toEqual(["plain space before »", "plain space after «"]);
    expect(kinds(frenchProblems("«x»"))).toEqual(["no space after «", "no space before »"]);
    expect(kinds(frenchProblems("Vouliez-vous dire x?"))).toEqual(["no space before ?"]);
    expect(kinds(frenchProblems("Écrivez `open: true` ou `a ; b` ; voir « `x : y` »"))).toEqual([
      "plain space before ;",
      "plain space before »",
      "plain space after «",
    ]);
    expect(frenchProblems("Écrivez `open: true`\u202F; voir «\u202Fx\u202F» ou ``a ` b : c``\u202F!")).toEqual([]);
    expect(frenchProblems("https://x.fr/?a=1 et src/a.md:3")).toEqual([]);
    expect(kinds(englishProblems("Unknown field\u202F: x"))).toEqual(["space before :", "narrow no-break space"]);
    expect(kinds(englishProblems("See “x” : y"))).toEqual(["space before :"]);
    expect(kinds(englishProblems("See «\u00A0x\u00A0»"))).toEqual(["French guillemet «", "French guillemet »"]);
    expect(englishProblems("Unknown field `a : b`: x")).toEqual([]);
  });
});

describe("French typography of every catalogue entry", () => {
  it("the catalogue has all its areas", () => {
    expect(ENTRIES.length).toBeGreaterThan(150);
    for (const [id] of ENTRIES) expect(hasMessage(id), id).toBe(true);
  });

  it.each(ENTRIES.map(([id, entry]) => [id, entry] as const))("%s", (id, entry) => {
    const fr = renders(entry, "fr").flatMap((text) => frenchProblems(text).map((p) => `fr: ${p}`));
    const en = renders(entry, "en").flatMap((text) => englishProblems(text).map((p) => `en: ${p}`));
    const threw = [...renders(entry, "fr"), ...renders(entry, "en")].filter((t) => t.startsWith("‼"));
    // One line per kind of problem (the two samples often show the same one).
    const byKind = new Map<string, string>();
    for (const p of [...threw, ...fr, ...en]) if (!byKind.has(p.split(": ")[1] ?? p)) byKind.set(p.split(": ")[1] ?? p, p);
    expect([...byKind.values()], id).toEqual([]);
  });
});
