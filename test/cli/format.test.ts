/**
 * The three output formats on hand-made reports. Diagnostics here use a CLI message id
 * (`cli-unexpected-argument`: "Argument inattendu\u202F: …") so that these exact outputs depend
 * only on the formatters, not on the rules' wording.
 */
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub, workflowCommand } from "../../src/cli/format/github.js";
import { formatJson } from "../../src/cli/format/json.js";
import { formatText, sanitize } from "../../src/cli/format/text.js";
import type { FileResult } from "../../src/cli/format/types.js";
import type { Diagnostic, PostingReport } from "../../src/core/types.js";

function report(diagnostics: Diagnostic[], extra: Partial<PostingReport> = {}): PostingReport {
  return {
    path: "x",
    diagnostics,
    contracts: [],
    open: null,
    closingDate: null,
    closingDateField: null,
    filled: false,
    roles: null,
    openLine: null,
    recruiter: null,
    contact: null,
    ...extra,
  };
}
function diag(
  line: number,
  column: number,
  severity: Diagnostic["severity"],
  rule: Diagnostic["rule"],
  argument: string,
  fix?: Diagnostic["fix"],
): Diagnostic {
  return { line, column, severity, rule, messageId: "cli-unexpected-argument", params: { argument }, ...(fix ? { fix } : {}) };
}

const results: FileResult[] = [
  {
    displayPath: "content/_jobs/a.md",
    report: report(
      [
        diag(2, 1, "error", "roles-missing", "un"),
        diag(13, 7, "warning", "open-not-boolean", "deux, plus long", { line: 13, text: "open: true" }),
      ],
      { contracts: ["CDI", "stage"], open: true, closingDate: "2021-07-07" },
    ),
  },
  { displayPath: "content/_jobs/b.md", report: report([]) },
  { displayPath: "content/_jobs/c", report: report([diag(1, 1, "warning", "file-extension", "trois")], { open: false }) },
];

describe("--format text", () => {
  it("prints stylish-like aligned rows, the fix under its row, and a French summary", () => {
    expect(formatText(results, { lang: "fr", colour: false })).toBe(
      [
        "content/_jobs/a.md",
        "   2:1  erreur         roles-missing     Argument inattendu\u202F: un",
        "  13:7  avertissement  open-not-boolean  Argument inattendu\u202F: deux, plus long",
        "                                         correction\u202F: ligne 13 → open: true",
        "",
        "content/_jobs/c",
        "  1:1  avertissement  file-extension  Argument inattendu\u202F: trois",
        "",
        "✖ 3 problèmes (1 erreur, 2 avertissements) dans 3 fichiers vérifiés",
        "",
      ].join("\n"),
    );
  });

  it("speaks English with lang en", () => {
    expect(formatText(results.slice(2), { lang: "en", colour: false })).toBe(
      [
        "content/_jobs/c",
        "  1:1  warning  file-extension  Unexpected argument: trois",
        "",
        "✖ 1 problem (0 errors, 1 warning) in 1 file checked",
        "",
      ].join("\n"),
    );
  });

  it("prints only the summary when nothing is wrong (French and English plurals)", () => {
    expect(formatText([results[1]!], { lang: "fr", colour: false })).toBe("✔ 1 fichier vérifié\u202F: aucun problème\n");
    expect(formatText([results[1]!, results[1]!], { lang: "en", colour: false })).toBe("✔ 2 files checked: no problem\n");
    expect(formatText([], { lang: "fr", colour: false })).toBe("✔ 0 fichier vérifié\u202F: aucun problème\n");
  });

  it("colours with ANSI codes only when asked", () => {
    const out = formatText(results.slice(2), { lang: "fr", colour: true });
    expect(out).toBe(
      [
        "\u001b[4mcontent/_jobs/c\u001b[24m",
        "  \u001b[2m1:1\u001b[22m  \u001b[33mavertissement\u001b[39m  \u001b[2mfile-extension\u001b[22m  Argument inattendu\u202F: trois",
        "",
        "\u001b[1m\u001b[33m✖ 1 problème (0 erreur, 1 avertissement) dans 1 fichier vérifié\u001b[39m\u001b[22m",
        "",
      ].join("\n"),
    );
    expect(formatText([results[1]!], { lang: "fr", colour: true })).toBe("\u001b[32m✔ 1 fichier vérifié\u202F: aucun problème\u001b[39m\n");
  });

  it("never sends control characters from file names or contents to the terminal", () => {
    expect(sanitize("a\u001b[31mb\nc\td")).toBe("a\\u001b[31mb c\td");
    const out = formatText(
      [{ displayPath: "x\u001b]0;pwned\u0007.md", report: report([diag(1, 1, "error", "unknown-key", "k\r\n\u009b")]) }],
      {
        lang: "fr",
        colour: false,
      },
    );
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain("x\\u001b]0;pwned\\u0007.md");
  });
});

describe("--format github", () => {
  it("escapes exactly as @actions/core does", () => {
    expect(escapeData("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab: c, d");
    expect(escapeProperty("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab%3A c%2C d");
    expect(escapeData("%0A")).toBe("%250A");
    expect(workflowCommand("error", { file: "a,b:c.md", line: 3, col: 0, title: "" }, "x")).toBe("::error file=a%2Cb%3Ac.md,line=3::x");
    expect(workflowCommand("warning", {}, "m")).toBe("::warning::m");
  });

  it("prints one workflow command per diagnostic, then the summary", () => {
    expect(formatGithub(results, { lang: "fr", colour: true })).toBe(
      [
        "::error file=content/_jobs/a.md,line=2,col=1,title=roles-missing::Argument inattendu\u202F: un",
        "::warning file=content/_jobs/a.md,line=13,col=7,title=open-not-boolean::Argument inattendu\u202F: deux, plus long",
        "::warning file=content/_jobs/c,line=1,col=1,title=file-extension::Argument inattendu\u202F: trois",
        "✖ 3 problèmes (1 erreur, 2 avertissements) dans 3 fichiers vérifiés",
        "",
      ].join("\n"),
    );
  });

  it("escapes the message and the file property", () => {
    const out = formatGithub(
      [{ displayPath: "content/_jobs/100%, vrai: oui.md", report: report([diag(1, 2, "error", "unknown-key", "a\nb 100% c:d,e")]) }],
      {
        lang: "en",
        colour: false,
      },
    );
    expect(out.split("\n")[0]).toBe(
      "::error file=content/_jobs/100%25%2C vrai%3A oui.md,line=1,col=2,title=unknown-key::Unexpected argument: a%0Ab 100%25 c:d,e",
    );
  });
});

describe("--format json", () => {
  it("keeps the documented key order and omits fix when there is none", () => {
    const out = formatJson(results, { lang: "fr", colour: true });
    expect(out.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(out) as { files: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(Object.keys(parsed)).toEqual(["files", "summary"]);
    expect(Object.keys(parsed.files[0]!)).toEqual(["path", "contracts", "open", "closingDate", "diagnostics"]);
    expect(parsed).toEqual({
      files: [
        {
          path: "content/_jobs/a.md",
          contracts: ["CDI", "stage"],
          open: true,
          closingDate: "2021-07-07",
          diagnostics: [
            { line: 2, column: 1, severity: "error", rule: "roles-missing", message: "Argument inattendu\u202F: un" },
            {
              line: 13,
              column: 7,
              severity: "warning",
              rule: "open-not-boolean",
              message: "Argument inattendu\u202F: deux, plus long",
              fix: { line: 13, text: "open: true" },
            },
          ],
        },
        { path: "content/_jobs/b.md", contracts: [], open: null, closingDate: null, diagnostics: [] },
        {
          path: "content/_jobs/c",
          contracts: [],
          open: false,
          closingDate: null,
          diagnostics: [{ line: 1, column: 1, severity: "warning", rule: "file-extension", message: "Argument inattendu\u202F: trois" }],
        },
      ],
      summary: { files: 3, errors: 1, warnings: 2 },
    });
    const diagnostics = parsed.files[0]!.diagnostics as Record<string, unknown>[];
    expect(Object.keys(diagnostics[1]!)).toEqual(["line", "column", "severity", "rule", "message", "fix"]);
    expect(Object.keys(parsed.summary)).toEqual(["files", "errors", "warnings"]);
  });
});
