import { describe, expect, it } from "vitest";
import { configProblemText, MAX_CONFIG_BYTES, parseConfig, tooLargeConfig, type ConfigProblem } from "../../src/config/parse-config.js";
import type { Lang } from "../../src/messages/index.js";

/** The problems as a reader sees them, in `lang`. */
const shown = (problems: readonly ConfigProblem[], lang: Lang = "fr") =>
  problems.map(({ key, line, ...p }) => ({
    key,
    message: configProblemText(lang, { key, ...p }),
    ...(line !== undefined ? { line } : {}),
  }));
import { DEFAULT_CONFIG } from "../../src/config/schema.js";

describe("parseConfig (hostile .github/recrutement-bot.yml)", () => {
  it("gives the defaults for a missing or empty file", () => {
    expect(parseConfig(null)).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(parseConfig("  \n")).toEqual({ config: DEFAULT_CONFIG, problems: [] });
    expect(DEFAULT_CONFIG.postings).toBe("content/_jobs");
    expect(DEFAULT_CONFIG.closing["time-zone"]).toBe("Europe/Paris");
    expect(DEFAULT_CONFIG.closing["max-pull-requests"]).toBe(10);
  });

  it("keeps the valid keys and reports each invalid one with its line, its default applying", () => {
    const text = ["closing:", "  hour: 25", "  grouped: true", "foo: 1", "labels:", "  colours:", "    stage: red", "  prefix: 'x: '"].join(
      "\n",
    );
    const { config, problems } = parseConfig(text);
    expect(config.closing.grouped).toBe(true);
    expect(config.closing.hour).toBe(7);
    expect(config.labels.prefix).toBe("x: ");
    expect(config.labels.colours).toEqual({});
    expect(shown(problems)).toEqual([
      { key: "labels.colours.stage", message: "couleur hexadécimale à 6 chiffres, sans #", line: 7 },
      { key: "closing.hour", message: "trop grand\u202F: 23 au plus", line: 2 },
      { key: "foo", message: "clé inconnue, ignorée", line: 4 },
    ]);
  });

  it("rejects paths that leave the repository and unknown contract types", () => {
    const { config, problems } = parseConfig("postings: ../etc\ncontracts:\n  aliases:\n    free: indépendant\n    bad: martien\n");
    expect(config.postings).toBe("content/_jobs");
    expect(config.contracts.aliases).toEqual({ free: "indépendant" });
    expect(problems.map((p) => [p.key, p.line])).toEqual([
      ["postings", 1],
      ["contracts.aliases.bad", 5],
    ]);
  });

  it("never throws: invalid YAML, a list, alias bombs, huge files, prototype keys", () => {
    expect(parseConfig("a: : :\n").problems[0]).toMatchObject({ key: "", line: 1 });
    expect(shown(parseConfig("[1, 2]").problems)[0]?.message).toMatch(/table de clés/);
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    const started = performance.now();
    const bombResult = parseConfig(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(bombResult.config).toEqual(DEFAULT_CONFIG);
    expect(bombResult.problems.length).toBeGreaterThan(0);
    expect(shown(parseConfig("x".repeat(70 * 1024)).problems)[0]?.message).toMatch(/trop volumineux/);
    const proto = parseConfig("__proto__:\n  polluted: true\nconstructor: 1\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(proto.config).toEqual(DEFAULT_CONFIG);
    expect(parseConfig("closing:\n  reviewers: ['@everyone', 'ok-user']\n").problems.map((p) => p.key)).toEqual(["closing.reviewers.0"]);
  });

  it("reads the file once: problems are codes, worded in the reader's language where shown", () => {
    const { problems } = parseConfig("nope: 1\nlabels:\n  colours:\n    stage: red\ncomment: oui\nlanguage: de\n");
    expect(problems).toEqual([
      { key: "language", code: "config-one-of", params: { values: "fr, en" }, line: 6 },
      { key: "comment", code: "config-expected-type", params: { expected: "boolean" }, line: 5 },
      { key: "labels.colours.stage", code: "config-colour", params: {}, line: 4 },
      { key: "nope", code: "config-unknown-key", params: {}, line: 1 },
    ]);
    expect(shown(problems, "en").map((p) => p.message)).toEqual([
      "unknown value; one of: fr, en",
      "true or false expected",
      "hexadecimal colour of 6 digits, without #",
      "unknown key, ignored",
    ]);
    expect(shown(problems, "fr").map((p) => p.message)).toEqual([
      "valeur inconnue\u202F; valeurs possibles\u202F: fr, en",
      "true ou false attendu",
      "couleur hexadécimale à 6 chiffres, sans #",
      "clé inconnue, ignorée",
    ]);
  });

  it("a file too large is a problem of its own, counted in bytes, the file unread", () => {
    expect(tooLargeConfig()).toEqual({ config: DEFAULT_CONFIG, problems: [{ key: "", code: "config-too-large", params: { max: 64 } }] });
    // 30,000 characters of two bytes each: 60,000 characters would fit, 120,000 bytes do not.
    expect(parseConfig(`# ${"é".repeat(MAX_CONFIG_BYTES / 2)}\n`)).toEqual(tooLargeConfig());
    expect(shown(tooLargeConfig().problems, "en")).toEqual([{ key: "", message: "file too large (64 KiB at most): defaults apply" }]);
  });
});
