import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parsePosting } from "../../src/core/parse-posting.js";
import { KNOWN_KEYS, postingJsonSchema, postingSchema } from "../../src/core/posting-schema.js";
import { bytes, JOBS, jobNames, SEEDS } from "./corpus.js";

describe("posting schema", () => {
  it("knows every key the corpus really uses, and none of its misspellings", () => {
    for (const key of [
      "roles",
      "title",
      "contrat",
      "startup",
      "friend",
      "equipe",
      "type",
      "open",
      "status",
      "date",
      "post_ouvert",
      "poste_ouvert",
      "poste_ferme",
      "depublication_date",
      "poste_pourvu",
      "contact",
      "contacts",
      "externalURL",
      "junior",
      "techno",
      "domaines",
      "redirect_from",
      "airtable_formulaire",
    ]) {
      expect(KNOWN_KEYS).toContain(key);
    }
    for (const key of ["role", "titles", "externalUrl", "domaine"]) expect(KNOWN_KEYS).not.toContain(key);
  });

  it("every description is in French", () => {
    const schema = postingJsonSchema();
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      expect((prop as { description?: string }).description, key).toMatch(/[a-zéè]/);
    }
  });

  it("the JSON Schema is draft-07, validates the seeds, and takes YAML days as text", () => {
    const schema = postingJsonSchema();
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const validate = new Ajv({ strict: false }).compile(schema);
    for (const name of ["000_98b50e31014be289.txt", "003_f3dddee9d80a1e5f.txt"]) {
      const data = { ...parsePosting(bytes(SEEDS, name)).data };
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ roles: "x", open: true, poste_ferme: "2021-07-07" })).toBe(true);
    expect(validate({ roles: "x", open: "yes" })).toBe(false);
  });

  it("the zod schema accepts the corpus postings whose types are right", () => {
    let failures = 0;
    for (const name of jobNames()) {
      const data = parsePosting(bytes(JOBS, name)).data;
      if (!data || !("roles" in data) || !("open" in data)) continue;
      if (!postingSchema.safeParse(data).success) failures++;
    }
    expect(failures).toBe(0);
  });
});
