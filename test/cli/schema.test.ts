import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { schemaText } from "../../src/cli/commands/schema.js";
import { PROJECT_ROOT, runCli, SEEDS_DIR, tempTree } from "./helpers.js";

const COMMITTED = path.join(PROJECT_ROOT, "schema/posting.schema.json");
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe("recrutement-bot schema", () => {
  it("prints the JSON Schema, pretty-printed, $schema and title first", async () => {
    const r = await runCli(["schema"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(schemaText());
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(schema).slice(0, 2)).toEqual(["$schema", "title"]);
    expect(schema.$schema).toMatch(/^https?:\/\/json-schema\.org\//);
    expect(typeof schema.title).toBe("string");
    expect(r.stdout).toContain('\n  "properties": {\n');
  });

  it("is committed as schema/posting.schema.json, identical to the current output (regenerate: npm run cli -- schema --out schema/posting.schema.json)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(schemaText());
  });

  it("writes the schema with --out, creating the folder, and says so on stderr", async () => {
    const t = tempTree({});
    cleanups.push(t.cleanup);
    const r = await runCli(["schema", "--out", "sous/dossier/offre.schema.json"], { cwd: t.dir });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "Schéma écrit dans sous/dossier/offre.schema.json\n" });
    expect(readFileSync(path.join(t.dir, "sous/dossier/offre.schema.json"), "utf8")).toBe(schemaText());
    expect((await runCli(["schema", "--out", "x.json", "--lang", "en"], { cwd: t.dir })).stderr).toBe("Schema written to x.json\n");
  });

  it("exits 2 when the file cannot be written", async () => {
    const t = tempTree({ fichier: "" });
    cleanups.push(t.cleanup);
    const r = await runCli(["schema", "--out", "fichier/dedans.json"], { cwd: t.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Écriture impossible\u202F: fichier\/dedans\.json \((ENOTDIR|EEXIST)\)\n$/);
  });

  it("is a valid schema that accepts the seeds' front matter (read as YAML 1.2)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(schemaText()) as object);
    for (const seed of ["000_98b50e31014be289.txt", "003_f3dddee9d80a1e5f.txt"]) {
      const text = readFileSync(path.join(SEEDS_DIR, seed), "utf8");
      const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!;
      const data = parse(frontMatter, { version: "1.2", schema: "core" }) as unknown;
      expect(validate(data), `${seed}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ roles: "Dev", open: "oui" })).toBe(false);
    expect(validate({ open: true })).toBe(false);
  });
});
