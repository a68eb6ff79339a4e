/**
 * What docs/contribuer.md and docs/editeurs.md say about postings, checked against the engine:
 * the fields table lists every key of the posting schema, the two examples are the seed postings
 * as published and get what the guide says, and the VS Code settings point at the schema.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { checkPosting } from "../../src/core/check-posting.js";
import { defaultCheckOptions } from "../../src/core/defaults.js";
import { PROJECT_ROOT, SEEDS_DIR } from "../cli/helpers.js";

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const GUIDE = read("docs/contribuer.md");
const EDITORS = read("docs/editeurs.md");
const schema = JSON.parse(read("schema/posting.schema.json")) as { properties: Record<string, unknown>; required: string[] };

/** From the heading `title` to the next heading of its level or above (headings inside code blocks do not count). */
function section(doc: string, title: string): string {
  const lines = doc.split("\n");
  const start = lines.indexOf(title);
  if (start < 0) throw new Error(`no section ${title}`);
  const level = title.indexOf(" ");
  let fenced = false;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i]!.startsWith("```")) fenced = !fenced;
    const heading = !fenced && lines[i]!.match(/^(#+) /);
    if (heading && heading[1]!.length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join("\n");
}

describe("docs/contribuer.md", () => {
  it("lists every field of the posting schema in its table, the required ones as such", () => {
    const table = section(GUIDE, "### Les champs");
    for (const key of Object.keys(schema.properties)) expect(table, key).toContain(`\`${key}\``);
    for (const key of schema.required) expect(table).toMatch(new RegExp(`^\\| \`${key}\` \\| oui \\|`, "m"));
  });

  const seeds = [
    { file: "000_98b50e31014be289.txt", contracts: ["stage"], open: true, openLine: 13, closing: "2021-07-07" },
    { file: "003_f3dddee9d80a1e5f.txt", contracts: ["indépendant"], open: false, openLine: 6, closing: null },
  ];
  const examples = [...section(GUIDE, "### Deux offres réelles").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it.skipIf(!existsSync(SEEDS_DIR))("shows the two seed postings' front matter as published", () => {
    expect(examples).toHaveLength(2);
    seeds.forEach((seed, i) => {
      const text = readFileSync(path.join(SEEDS_DIR, seed.file), "utf8");
      const frontMatter = text.slice(0, text.indexOf("\n---\n", 4) + 5);
      expect(examples[i]!.startsWith(frontMatter), seed.file).toBe(true);
    });
  });

  it("says true things about them: accepted as new postings, their labels, the line the closing changes", () => {
    seeds.forEach((seed, i) => {
      const report = checkPosting({ path: `content/_jobs/${seed.file}.md`, content: examples[i]! }, defaultCheckOptions({ isNew: true }));
      expect(report.diagnostics, seed.file).toEqual([]);
      expect(report.contracts).toEqual(seed.contracts);
      expect(report.open).toBe(seed.open);
      expect(report.openLine).toBe(seed.openLine);
      expect(report.closingDate).toBe(seed.closing);
    });
    expect(GUIDE).toContain("change la ligne 13,\n`open: true`, en `open: false`");
    expect(GUIDE).toContain("pose l'étiquette `contrat: stage`");
    expect(GUIDE).toContain("Étiquette `contrat: indépendant`");
  });
});

describe(".vscode/settings.json and docs/editeurs.md", () => {
  it("map the posting schema to the postings of the default folder", () => {
    const settings = JSON.parse(read(".vscode/settings.json")) as { "yaml.schemas": Record<string, string> };
    expect(settings["yaml.schemas"]).toEqual({ "./schema/posting.schema.json": `${DEFAULT_CONFIG.postings}/*.md` });
    const snippet = JSON.parse(EDITORS.match(/```json\n([\s\S]*?)```/)![1]!) as { "yaml.schemas": Record<string, string> };
    expect(snippet["yaml.schemas"]).toEqual({ "./node_modules/recrutement-bot/schema/posting.schema.json": `${DEFAULT_CONFIG.postings}/*.md` });
    // The installed package carries the schema (package.json "files").
    expect((JSON.parse(read("package.json")) as { files: string[] }).files).toContain("schema");
  });

  it("say plainly that the YAML extension does not read Markdown front matter", () => {
    expect(EDITORS).toContain("redhat-developer/vscode-yaml#207");
    expect(EDITORS).toContain("une offre `.md` n'est donc **ni validée ni complétée** aujourd'hui");
  });
});
