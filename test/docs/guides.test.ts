/**
 * What docs/contribuer.md and docs/editeurs.md say about postings, checked against the engine:
 * the fields table lists every key of the posting schema, the model posting passes with no
 * remark, the two examples are the seed postings as published and get what the guide says, the
 * rules said to block are those the severity table makes errors, and the VS Code settings point
 * at the schema.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/schema.js";
import { checkPosting } from "../../src/core/check-posting.js";
import { defaultCheckOptions } from "../../src/core/defaults.js";
import { RULE_SEVERITIES } from "../../src/core/rule-severities.js";
import { RULE_IDS, type RuleId } from "../../src/core/types.js";
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

  it("gives a model posting that a new pull request gets through with no remark at all", () => {
    const model = section(GUIDE, "### Une offre modèle");
    const name = /nommé par exemple `(content\/_jobs\/[^`]+\.md)`/.exec(model)?.[1];
    expect(name).toBe("content/_jobs/2026-11-24-mon-offre.md");
    const text = /```yaml\n([\s\S]*?)```/.exec(model)![1]!;
    const startup = /^startup: (.+)$/m.exec(text)![1]!;
    // The startup exists in the repository (the guide says `startup` names a file of content/_startups).
    const report = checkPosting({ path: name!, content: text }, defaultCheckOptions({ isNew: true, startupIds: new Set([startup]) }));
    expect(report.diagnostics).toEqual([]);
    expect(report.contracts).toEqual(["CDD"]);
    expect(model).toContain("sans aucune remarque\u202F: vérification verte, étiquette\n`contrat: CDD`");
  });

  const seeds = [
    {
      file: "000_98b50e31014be289.txt",
      path: "content/_jobs/2021-06-09-stage_atnumculture.md",
      contracts: ["stage"],
      open: true,
      openLine: 13,
      closing: "2021-07-07",
    },
    {
      file: "003_f3dddee9d80a1e5f.txt",
      path: "content/_jobs/2021-04-09-offre-po-bus-dev.md",
      contracts: ["indépendant"],
      open: false,
      openLine: 6,
      closing: null,
    },
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

  it("says true things about them: the partner posting blocked at line 7, the other accepted, their labels, the line the closing changes", () => {
    const reports = seeds.map((seed, i) => {
      expect(section(GUIDE, "### Deux offres réelles")).toContain(`\`${seed.path}\``);
      const report = checkPosting({ path: seed.path, content: examples[i]! }, defaultCheckOptions({ isNew: true }));
      expect(report.contracts).toEqual(seed.contracts);
      expect(report.open).toBe(seed.open);
      expect(report.openLine).toBe(seed.openLine);
      expect(report.closingDate).toBe(seed.closing);
      return report;
    });
    // `type: 'friend'` without `externalURL`: the page's partner link would be empty.
    expect(reports[0]!.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([["partner-url-missing", "error", 7]]);
    expect(GUIDE).toContain("l'application **bloque** cette offre, sur la ligne 7\u202F: `type: 'friend'` annonce");
    expect(reports[1]!.diagnostics).toEqual([]);
    expect(GUIDE).toContain("Acceptée sans remarque. Étiquette `contrat: indépendant`");
    expect(GUIDE).toContain("change la ligne 13,\n`open: true`, en `open: false`");
    expect(GUIDE).toContain("Elle pose l'étiquette `contrat: stage`");
  });

  it("says which rules block and which are advice, as the severity table has them", () => {
    const ids = (text: string) =>
      new Set([...text.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!).filter((id) => (RULE_IDS as readonly string[]).includes(id)));
    const cases = (rule: RuleId) => Object.values(RULE_SEVERITIES[rule]).map((c) => c.severity);
    const blocking = section(GUIDE, "### Ce qui bloque, et pourquoi");
    const tableRules = new Set([...blocking.matchAll(/^\|.*\| ([^|]+) \|$/gm)].flatMap((m) => [...ids(m[1]!)]));
    expect([...tableRules].sort()).toEqual(RULE_IDS.filter((r) => cases(r).includes("error")).sort());
    expect([...ids(section(GUIDE, "### Les conseils"))].sort()).toEqual(RULE_IDS.filter((r) => !cases(r).includes("error")).sort());
  });

  it("writes French with a narrow no-break space before ; : ! ? and inside « » (code aside)", () => {
    const prose = GUIDE.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "``");
    const wrong = prose.split("\n").filter((l) => /[ \u00A0][;:!?»]|«[ \u00A0]|«(?!\u202F)|[^\u202F]»/.test(l));
    expect(wrong).toEqual([]);
  });
});

describe(".vscode/settings.json and docs/editeurs.md", () => {
  it("map the posting schema to the postings of the default folder", () => {
    const settings = JSON.parse(read(".vscode/settings.json")) as { "yaml.schemas": Record<string, string> };
    expect(settings["yaml.schemas"]).toEqual({ "./schema/posting.schema.json": `${DEFAULT_CONFIG.postings}/*.md` });
    const snippet = JSON.parse(EDITORS.match(/```json\n([\s\S]*?)```/)![1]!) as { "yaml.schemas": Record<string, string> };
    expect(snippet["yaml.schemas"]).toEqual({
      "./node_modules/recrutement-bot/schema/posting.schema.json": `${DEFAULT_CONFIG.postings}/*.md`,
    });
    // The installed package carries the schema (package.json "files").
    expect((JSON.parse(read("package.json")) as { files: string[] }).files).toContain("schema");
  });

  it("say plainly that the YAML extension does not read Markdown front matter", () => {
    expect(EDITORS).toContain("redhat-developer/vscode-yaml#207");
    expect(EDITORS).toContain("une offre `.md` n'est donc **ni validée ni complétée** aujourd'hui");
  });
});
