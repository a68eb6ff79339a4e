import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticMessages } from "../../src/messages/diagnostics.js";
import { hasMessage, tDynamic } from "../../src/messages/index.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "closing"
        ? []
        : sources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [readFileSync(join(dir, e.name), "utf8")]
        : [],
  );
}

describe("diagnostic messages", () => {
  it("every message id the engine writes is in the catalogue", () => {
    const code = sources("src/core").join("\n");
    const ids = new Set<string>(["front-matter-empty", "front-matter-not-mapping", "yaml-aliases", "yaml-syntax"]);
    // diagnostic("rule", severityOf("rule", …), place, "message-id"…): the severity comes from the one table.
    const call =
      /diagnostic\(\s*"[a-z-]+",\s*(?:"(?:error|warning)"|severityOf\((?:[^()]|\([^()]*\))*\)),\s*(?:[^,()]|\((?:[^()]|\([^()]*\))*\))+,\s*"([a-z0-9-]+)"/g;
    for (const m of code.matchAll(call)) ids.add(m[1] ?? "");
    // Message ids chosen by case: `variant ? "a" : "b"` and `\`date-format${why}\``.
    for (const m of code.matchAll(/(?:variant|asMeant|partner|invisible|lies) \? "([a-z0-9-]+)" : "([a-z0-9-]+)"/g))
      ids.add(m[1] ?? "").add(m[2] ?? "");
    for (const base of ["date-format", "date-invalid", "date-unreadable"])
      for (const why of ["-date", "-closing"]) ids.add(`${base}${why}`);
    for (const m of code.matchAll(/syntax\((?:[^,()]|\((?:[^()]|\([^()]*\))*\))+,\s*"([a-z0-9-]+)"/g)) ids.add(m[1] ?? "");
    expect(ids.size).toBeGreaterThan(40);
    for (const id of ids) expect(hasMessage(id), id).toBe(true);
  });

  it("every entry renders in French and English, French first", () => {
    const params = {
      key: "open",
      value: "oui",
      suggestion: "open",
      size: 2097152,
      max: 65536,
      byte: "E9",
      language: "js",
      kind: "list",
      code: "X",
      detail: "d",
      firstLine: 2,
      name: "a",
      allowed: "CDI",
      fix: "2021-07-07",
      day: "2021-07-07",
      zone: "Europe/Paris",
      closingKey: "poste_ferme",
      closing: "2021-06-01",
      openingKey: "post_ouvert",
      opening: "2021-06-09",
      field: "poste_ferme",
      tag: "!x",
      expected: "boolean",
      line: 2,
    };
    for (const [id, entry] of Object.entries(diagnosticMessages)) {
      expect(Object.keys(entry), id).toEqual(["fr", "en"]);
      for (const lang of ["fr", "en"] as const) {
        const text = tDynamic(lang, id, params);
        expect(text, `${id} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
        expect(text.length, `${id} ${lang}`).toBeGreaterThan(10);
      }
    }
  });
});
