import { describe, expect, it } from "vitest";
import { codeSpan, escapeInCodeSpan, escapeText, fencedBlock, shorten } from "../../../src/github/markdown/escape.js";
import { renderMessageMarkdown, renderMessagePlain } from "../../../src/github/markdown/render-message.js";

const ZWSP = "\u200B";

describe("escaping values copied from postings", () => {
  it("no @mention, no #reference, no HTML, no markdown in plain text", () => {
    expect(escapeText("@everyone")).toBe(`@${ZWSP}everyone`);
    expect(escapeText("voir #12 et org/repo#3")).toBe(`voir #${ZWSP}12 et org/repo#${ZWSP}3`);
    expect(escapeText("<script>alert(1)</script>")).toBe("&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    expect(escapeText("&lt; déjà")).toBe("&amp;lt; déjà");
    expect(escapeText("**gras** _it_ [lien](https://x.example) ![img](y) `code` ~~barré~~ a|b \\")).toBe(
      "\\*\\*gras\\*\\* \\_it\\_ \\[lien\\]\\(https://x.example\\) \\!\\[img\\]\\(y\\) \\`code\\` \\~\\~barré\\~\\~ a\\|b \\\\",
    );
  });

  it("one line, no control characters, no bidi overrides", () => {
    expect(escapeText("a\nb\r\nc")).toBe("a ⏎ b ⏎ c");
    expect(escapeText("a\u0000b\u202Ec")).toBe("a\uFFFDbc");
  });

  it("long values are shortened, without cutting a character in two", () => {
    expect(shorten("x".repeat(100))).toBe("x".repeat(79) + "…");
    expect(Array.from(shorten("😀".repeat(100), 10))).toHaveLength(10);
    expect(escapeText("a".repeat(500)).length).toBe(80);
  });

  it("inside a code span only backticks matter", () => {
    expect(escapeInCodeSpan("@everyone <b>`x`</b>")).toBe("@everyone <b>ˋxˋ</b>");
  });

  it("code spans and fenced blocks are never closed by their content", () => {
    expect(codeSpan("a.md")).toBe("`a.md`");
    expect(codeSpan("a`b.md")).toBe("``a`b.md``");
    expect(codeSpan("`a`")).toBe("`` `a` ``");
    expect(fencedBlock("suggestion", "open: true")).toBe("```suggestion\nopen: true\n```");
    expect(fencedBlock("suggestion", "titre: ```x````")).toBe("`````suggestion\ntitre: ```x````\n`````");
  });
});

describe("catalogue messages with hostile parameters", () => {
  it("escapes a value for where the template puts it: in text or in a code span", () => {
    // "unknown-key" puts the key in backticks, "open-not-boolean" puts the value in « ».
    expect(renderMessageMarkdown("fr", "unknown-key", { key: "@x`<b>" }, "")).toBe("Champ inconnu `@xˋ<b>`\u202F: il est ignoré.");
    expect(renderMessageMarkdown("fr", "open-not-boolean", { value: "@here <b>", fix: "" }, "")).toBe(
      `\`open\` vaut «\u202F@${ZWSP}here &lt;b&gt;\u202F»\u202F: la page et l'API ne le lisent pas de la même façon. Écrivez \`open: true\` ou \`open: false\`, sans guillemets.`,
    );
  });

  it("numbers are not touched, unknown ids fall back to an escaped text", () => {
    expect(renderMessageMarkdown("fr", "check-config-line", { line: 3 }, "")).toBe("ligne 3");
    expect(renderMessageMarkdown("fr", "no-such-message", {}, "@rule")).toBe(`@${ZWSP}rule`);
  });

  it("plain text (annotations) is one line and short, not escaped", () => {
    expect(renderMessagePlain("en", "open-not-boolean", { value: "<b>\nx" }, "")).toBe(
      "`open` is “<b> ⏎ x”: the page and the API do not read it the same way. Write `open: true` or `open: false`, without quotes.",
    );
  });
});
