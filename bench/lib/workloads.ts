/**
 * The two loops compared by bench/check-corpus.ts:
 * - engine: what `recrutement-bot check` does per file once it has the bytes: checkPosting on a
 *   Uint8Array, then every diagnostic's message rendered (French);
 * - naive: gray-matter (default js-yaml engine, its cache disabled by passing options) and a
 *   zod parse of the data, no positions, no messages. Baseline only: corpus files are trusted.
 */
import matter from "gray-matter";
import { parseDocument } from "yaml";
import { z } from "zod";
import { checkPosting } from "../../src/core/check-posting.js";
import type { CheckOptions } from "../../src/core/types.js";
import { tDynamic } from "../../src/messages/index.js";
import type { CorpusFile } from "./corpus.js";

export type Workload = "engine" | "naive" | "yaml";

/** Called every `every` files, e.g. to sample memory. */
export type Probe = () => void;

export interface RunResult {
  files: number;
  /** Something derived from every result, so that nothing is optimised away. */
  checksum: number;
}

export function runEngine(files: readonly CorpusFile[], options: CheckOptions, probe?: Probe, every = 100): RunResult {
  let checksum = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const report = checkPosting({ path: f.path, content: f.content }, options);
    for (const d of report.diagnostics) checksum += tDynamic("fr", d.messageId, d.params).length + d.line;
    checksum += report.contracts.length;
    if (probe && i % every === 0) probe();
  }
  return { files: files.length, checksum };
}

const dateLike = z.union([z.date(), z.string()]);
const contract = z.string();
/** What a naive checker would validate: types of the known fields, no positions. */
export const naivePostingSchema = z.looseObject({
  roles: z.string(),
  title: z.string().optional(),
  open: z.boolean(),
  contrat: z.union([contract, z.array(contract)]).optional(),
  startup: z.string().optional(),
  friend: z.string().optional(),
  equipe: z.string().optional(),
  contact: z.string().optional(),
  poste_ferme: dateLike.optional(),
  post_ouvert: dateLike.optional(),
  depublication_date: dateLike.optional(),
  date: dateLike.optional(),
  poste_pourvu: z.boolean().optional(),
});

const MATTER_OPTIONS = {}; // any options object turns gray-matter's content cache off

export function runNaive(files: readonly CorpusFile[], probe?: Probe, every = 100): RunResult {
  let checksum = 0;
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    try {
      const parsed = matter(Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength), MATTER_OPTIONS);
      const result = naivePostingSchema.safeParse(parsed.data);
      checksum += result.success ? 1 : result.error.issues.length + 2;
    } catch {
      checksum += 1000; // YAML that js-yaml rejects
    }
    if (probe && i % every === 0) probe();
  }
  return { files: files.length, checksum };
}

const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Not a checker: the floor of the engine's approach. Decodes the bytes (UTF-8, fatal) and reads
 * the front matter with the `yaml` library the engine uses (Document with positions, YAML 1.2
 * core schema, toJS), nothing else. Shows how much of the engine's time the YAML library alone takes.
 */
export function runYamlOnly(files: readonly CorpusFile[], probe?: Probe, every = 100): RunResult {
  let checksum = 0;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    try {
      const text = decoder.decode(f.content);
      const m = FRONT_MATTER.exec(text);
      if (m) {
        const doc = parseDocument(m[1]!, { version: "1.2", schema: "core", uniqueKeys: false });
        const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
        checksum += doc.errors.length + (data && typeof data === "object" ? Object.keys(data).length : 0);
      }
    } catch {
      checksum += 1000;
    }
    if (probe && i % every === 0) probe();
  }
  return { files: files.length, checksum };
}
