/**
 * Measures the review's verdicts on the real corpus (issue 10, "Done when"): how often the
 * check would be red on a posting that a beta.gouv.fr reviewer would let through, and whether
 * every real defect class is still flagged.
 *
 * Run, from the repository root (no npm needed, tsx is a dependency):
 *
 *     node_modules/.bin/tsx scripts/measure-review-verdicts.ts
 *
 * (or `npx tsx scripts/measure-review-verdicts.ts`). Reads the corpus at run time:
 * ../shared/corpus beside this checkout, /work/shared/corpus, or $RECRUTEMENT_BOT_CORPUS. It is
 * a measurement, not a test: it asserts nothing and exits 0; 2 when the corpus is absent.
 *
 * What it does:
 * - replays each of the 346 `submissions/` as a NEW posting through `checkPosting`
 *   (defaultCheckOptions, isNew: true), under the path it had in its pull request
 *   (`submissions/index.json`: the file-name rules depend on it), with the startups that existed
 *   on the submission's day (`startups-history.tsv`: added ≤ day < removed) and their titles;
 * - judges each submission INDEPENDENTLY of the engine's severities: `reviewerBlocks` below
 *   reads the file the way the site does (Jekyll: front matter only from the very first line,
 *   YAML 1.1 as Psych reads it, a repeated key keeps its last value) and blocks on what breaks
 *   the page, the listing, the API or the closing job (templates in ../shared/site, defect
 *   classes of the corpus README): a name without `.md`; no front matter, YAML that does not
 *   parse or is not a mapping; `roles` missing or blank; `open` missing or not a boolean; a
 *   `startup` that is neither an id nor a title of that day (letter case aside, after stripping
 *   `https://` and `.beta.gouv.fr`); `type: friend` without `externalURL`; a misspelling of a
 *   key whose absence breaks something (`role`, `externalUrl`, `post_ferme`…, within 2 edits);
 *   a `date` / `poste_ferme` / `depublication_date` that is not a real YYYY-MM-DD day (a time
 *   may follow); no real `YYYY-MM-DD-` file-name prefix and no `date:`. It also lists, as
 *   advice that must still be flagged, contract types not written canonically (inclusive
 *   endings and trailing detail such as « CDD 3 ans » accepted), repeated keys, other unknown
 *   keys. A missing team, `contrat` or closing date is not a block (the page still works);
 * - prints the share of red checks (any diagnostic of severity error) among the submissions the
 *   judge finds fine, and the share of red checks that have nothing to block on (the issue's
 *   "197 of 299"); then for each defect class how many submissions the judge puts in it, how
 *   many of them the engine flags (any severity, by rule, key or line) and blocks (error); then
 *   the judged-fine-but-red files with their error rule ids, to read them;
 * - the same over `jobs/` (legacy postings, not new; startups.txt with the titles of the tsv).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { checkPosting } from "../src/core/check-posting.js";
import { defaultCheckOptions } from "../src/core/defaults.js";
import type { CheckOptions, Diagnostic } from "../src/core/types.js";
import { CORPUS_DIR } from "../test/helpers/shared-data.js";

// ---------------------------------------------------------------------------------------------
// The corpus

interface StartupRow {
  id: string;
  added: string;
  removed: string;
  title: string;
}

interface Startups {
  ids: Set<string>;
  /** title → id (the judge's lookup) */
  titles: Map<string, string>;
  /** id → title (what the engine takes) */
  titleOf: Map<string, string>;
}

function readHistory(file: string): StartupRow[] {
  const [header, ...lines] = readFileSync(file, "utf8").split("\n");
  if (header?.trim() !== "id\tadded\tremoved\ttitle") throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  return lines
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [id = "", added = "", removed = "", title = ""] = l.split("\t");
      return { id, added, removed, title };
    });
}

function startupsOn(rows: readonly StartupRow[], day: string): Startups {
  const ids = new Set<string>();
  const titles = new Map<string, string>();
  const titleOf = new Map<string, string>();
  for (const r of rows) {
    if (r.added <= day && (r.removed === "" || day < r.removed)) {
      ids.add(r.id);
      if (r.title !== "") {
        titles.set(r.title, r.id);
        titleOf.set(r.id, r.title);
      }
    }
  }
  return { ids, titles, titleOf };
}

function startupsOf(ids: Iterable<string>, rows: readonly StartupRow[]): Startups {
  const set = new Set(ids);
  const titles = new Map<string, string>();
  const titleOf = new Map<string, string>();
  // Title at that commit (or just before removal): the last row of an id wins.
  for (const r of rows) {
    if (set.has(r.id) && r.title !== "") {
      titles.set(r.title, r.id);
      titleOf.set(r.id, r.title);
    }
  }
  return { ids: set, titles, titleOf };
}

/** Engine options: the startups of the day, ids and titles. */
function engineOptions(isNew: boolean, startups: Startups): CheckOptions {
  return defaultCheckOptions({ isNew, startupIds: startups.ids, startupTitles: startups.titleOf });
}

// ---------------------------------------------------------------------------------------------
// The independent judge: what a beta.gouv.fr reviewer would block on

type ClassId =
  | "file-extension"
  | "front-matter"
  | "roles"
  | "open"
  | "startup-unknown"
  | "friend-without-url"
  | "misspelled-key"
  | "date-format"
  | "no-date"
  | "contract-spelling"
  | "duplicate-key"
  | "unknown-key";

interface DefectClass {
  id: ClassId;
  blocks: boolean;
  label: string;
  /** Engine rules that speak of this defect (ids that do not exist yet never match). */
  rules: RegExp;
}

const CLASSES: readonly DefectClass[] = [
  { id: "file-extension", blocks: true, label: "file name without .md (not rendered as Markdown)", rules: /^file-extension$/ },
  { id: "front-matter", blocks: true, label: "no front matter / unreadable YAML / not a mapping", rules: /^(front-matter-|encoding$)/ },
  { id: "roles", blocks: true, label: "roles missing or blank (empty title on page, listing, API)", rules: /^roles-/ },
  { id: "open", blocks: true, label: "open missing or not a boolean (page, API, closing job)", rules: /^open-/ },
  {
    id: "startup-unknown",
    blocks: true,
    label: "startup unknown on that day (no startup card, 'beta.gouv.fr recrute')",
    rules: /^startup-/,
  },
  {
    id: "friend-without-url",
    blocks: true,
    label: "type: friend without externalURL (empty link on the page)",
    rules: /^(partner-url-missing|url-invalid)$/,
  },
  {
    id: "misspelled-key",
    blocks: true,
    label: "misspelled key that breaks something (role, externalUrl, post_ferme…)",
    rules: /^(unknown-key|key-misspelled)$/,
  },
  { id: "date-format", blocks: true, label: "date / closing date not YYYY-MM-DD", rules: /^date-/ },
  {
    id: "no-date",
    blocks: true,
    label: "no YYYY-MM-DD- file-name prefix and no date: (permalink, 'Poste ouvert le')",
    rules: /^file-date-missing$/,
  },
  // README classes that break nothing on the site: a reviewer asks, does not block.
  { id: "contract-spelling", blocks: false, label: "(advice) contract type not written canonically", rules: /^contract-(alias|unknown)/ },
  { id: "duplicate-key", blocks: false, label: "(advice) repeated key (Jekyll keeps the last)", rules: /^duplicate-key$/ },
  {
    id: "unknown-key",
    blocks: false,
    label: "(advice) other unknown key (titles, contrats…): read by nothing",
    rules: /^(unknown-key|key-misspelled)$/,
  },
];

interface Defect {
  cls: ClassId;
  /** Front-matter keys concerned (a diagnostic on one of them counts as flagging it). */
  keys: string[];
  /** 1-based lines in the file concerned, when known. */
  lines: number[];
  detail: string;
}

/** Keys the site, its API, the closing job or the contributors' template read or document. */
const KNOWN_KEYS = new Set([
  "roles",
  "open",
  "startup",
  "friend",
  "type",
  "externalURL",
  "date",
  "techno",
  "junior",
  "domaines",
  "contacts",
  "contact",
  "contrat",
  "equipe",
  "title",
  "poste_ferme",
  "depublication_date",
  "post_ouvert",
  "poste_ouvert",
  "poste_pourvu",
  "status",
  "layout",
  "permalink",
  "published",
  "redirect_from",
  "airtable_formulaire",
  "last_modified_at",
]);
/** Keys whose absence breaks the page, the listing, the API or the closing job. */
const BREAKING_TARGETS = ["roles", "open", "startup", "friend", "type", "externalURL", "date", "poste_ferme", "depublication_date"];
const DATE_KEYS = ["date", "poste_ferme", "depublication_date"];
const CANONICAL_CONTRACTS = ["cdi", "cdd", "fonctionnaire", "independant", "stage", "alternance"];

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YYYY-MM-DD, a real day, optionally followed by a time (Jekyll takes both). */
function isIsoDay(v: unknown): boolean {
  if (v instanceof Date) return !Number.isNaN(v.getTime()); // YAML 1.1 timestamp: Psych reads it as a date
  if (typeof v !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim());
  return m !== null && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The startup a `startup:` value means: by id or title, after stripping a beta.gouv.fr address. */
function resolveStartup(value: string, startups: Startups): string | null {
  const v = value
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/+$/, "")
    .replace(/\.beta\.gouv\.fr$/i, "");
  if (startups.ids.has(v)) return v;
  const byTitle = startups.titles.get(v);
  if (byTitle) return byTitle;
  // Letter case: a reviewer reads "Archifiltre" as the startup archifiltre.
  const lower = v.toLowerCase();
  for (const id of startups.ids) if (id.toLowerCase() === lower) return id;
  for (const [title, id] of startups.titles) if (title.toLowerCase() === lower) return id;
  return null;
}

interface FrontMatter {
  /** Text between the fences, and the 1-based line of its first line in the file. */
  text: string;
  firstLine: number;
}

/** Jekyll's front matter: the file starts with `---` (after a BOM), up to the next `---` or `...` line. */
function frontMatterOf(content: string): FrontMatter | null {
  const lines = content
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""));
  if (!/^---\s*$/.test(lines[0] ?? "")) return null;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return { text: lines.slice(1, i).join("\n"), firstLine: 2 };
  }
  return null;
}

function reviewerBlocks(filePath: string, content: string, startups: Startups): Defect[] {
  const defects: Defect[] = [];
  const name = filePath.split("/").pop() ?? filePath;
  if (!name.endsWith(".md")) defects.push({ cls: "file-extension", keys: [], lines: [], detail: name });
  const fm = frontMatterOf(content);
  if (!fm) {
    defects.push({ cls: "front-matter", keys: [], lines: [], detail: "no front matter" });
    return defects;
  }
  const doc = parseDocument(fm.text, { version: "1.1", uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    defects.push({ cls: "front-matter", keys: [], lines: [], detail: `YAML: ${doc.errors[0]!.message.split("\n")[0]}` });
    return defects;
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    defects.push({ cls: "front-matter", keys: [], lines: [], detail: "not a mapping" });
    return defects;
  }
  const fields = data as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(fields, k);
  const get = (k: string) => (has(k) ? fields[k] : undefined);

  // Line of each key (last occurrence: the one Jekyll keeps) and repeated keys.
  const lineOf = new Map<string, number>();
  const seen = new Map<string, number>();
  const counter = { offsets: [] as number[] };
  for (let i = 0; i < fm.text.length; i++) if (fm.text[i] === "\n") counter.offsets.push(i);
  const lineAt = (offset: number) => fm.firstLine + counter.offsets.filter((o) => o < offset).length;
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key?.value;
    if (typeof key !== "string" || !item.key?.range) continue;
    lineOf.set(key, lineAt(item.key.range[0]));
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const at = (k: string) => (lineOf.has(k) ? [lineOf.get(k)!] : []);

  // Misspelled keys first: a defect on `roles` is also spoken of by a message on `role:`.
  const misspelt = new Map<string, string[]>(); // target → keys written instead
  for (const key of Object.keys(fields)) {
    if (KNOWN_KEYS.has(key)) continue;
    const f = fold(key);
    const target = BREAKING_TARGETS.find((t) => {
      const ft = fold(t);
      return f === ft || (Math.min(f.length, ft.length) >= 4 && editDistance(f, ft) <= 2);
    });
    if (target && !has(target)) {
      defects.push({ cls: "misspelled-key", keys: [key, target], lines: at(key), detail: `${key} (for ${target})` });
      misspelt.set(target, [...(misspelt.get(target) ?? []), key]);
    } else {
      defects.push({ cls: "unknown-key", keys: [key], lines: at(key), detail: key });
    }
  }
  const about = (...targets: string[]) => {
    const keys = [...targets, ...targets.flatMap((t) => misspelt.get(t) ?? [])];
    return { keys, lines: keys.flatMap(at) };
  };

  if (isBlank(get("roles")) || (Array.isArray(get("roles")) && (get("roles") as unknown[]).length === 0)) {
    defects.push({ cls: "roles", ...about("roles"), detail: has("roles") ? "roles blank" : "roles missing" });
  }
  if (typeof get("open") !== "boolean") {
    defects.push({ cls: "open", ...about("open"), detail: has("open") ? `open: ${JSON.stringify(get("open"))}` : "open missing" });
  }
  const startup = get("startup");
  if (!isBlank(startup)) {
    if (typeof startup !== "string" || resolveStartup(startup, startups) === null) {
      defects.push({ cls: "startup-unknown", ...about("startup"), detail: `startup: ${JSON.stringify(startup)}` });
    }
  }
  if (get("type") === "friend" && isBlank(get("externalURL"))) {
    defects.push({ cls: "friend-without-url", ...about("type", "externalURL"), detail: "type: friend, no externalURL" });
  }
  for (const key of DATE_KEYS) {
    const v = get(key);
    if (!isBlank(v) && !isIsoDay(v))
      defects.push({ cls: "date-format", keys: [key], lines: at(key), detail: `${key}: ${JSON.stringify(v)}` });
  }
  const prefix = /^(\d{4})-(\d{2})-(\d{2})-/.exec(name);
  const prefixOk = prefix !== null && realDay(Number(prefix[1]), Number(prefix[2]), Number(prefix[3]));
  if (!prefixOk && isBlank(get("date"))) defects.push({ cls: "no-date", keys: ["date"], lines: [], detail: name });

  // Advice only.
  const contract = get("contrat");
  if (typeof contract === "string" && contract.trim() !== "") {
    // Each type, separated by a comma, « ou », « et » or a slash; its first word is a canonical type
    // (capitals, accents and an inclusive ending aside: « Indépendant·e »), what follows is detail (« CDD 3 ans »).
    const parts = contract
      .split(/,|\bou\b|\/|\bet\b/i)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const canonical = (p: string) => {
      const word = fold(p.split(/\s+/)[0]!.replace(/[·.(-]e\)?s?$|\(e\)s?$/i, ""));
      return CANONICAL_CONTRACTS.includes(word);
    };
    if (parts.some((p) => !canonical(p))) {
      defects.push({ cls: "contract-spelling", keys: ["contrat"], lines: at("contrat"), detail: `contrat: ${contract}` });
    }
  }
  for (const [key, n] of seen) {
    if (n > 1) defects.push({ cls: "duplicate-key", keys: [key], lines: at(key), detail: `${key} ×${n}` });
  }
  return defects;
}

function speaksOf(d: Diagnostic, defect: Defect, cls: DefectClass): boolean {
  return cls.rules.test(d.rule) || (d.key !== undefined && defect.keys.includes(d.key)) || defect.lines.includes(d.line);
}

// ---------------------------------------------------------------------------------------------
// Measurement

function pct(n: number, total: number): string {
  return total === 0 ? "–" : `${((100 * n) / total).toFixed(1)} %`;
}

interface Row {
  file: string;
  defects: Defect[];
  diagnostics: Diagnostic[];
}

const isRed = (r: Row) => r.diagnostics.some((d) => d.severity === "error");
const blocking = (r: Row) => r.defects.filter((d) => CLASSES.find((c) => c.id === d.cls)!.blocks);

function countRules(rows: readonly Row[]): string {
  const byRule = new Map<string, number>();
  for (const r of rows)
    for (const rule of new Set(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule)))
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  return (
    [...byRule]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none"
  );
}

function report(title: string, rows: readonly Row[], listFineRed: boolean): void {
  const red = rows.filter(isRed);
  const fine = rows.filter((r) => blocking(r).length === 0);
  const judgedBad = rows.filter((r) => blocking(r).length > 0);
  const fineRed = fine.filter(isRed);
  console.log(title);
  console.log(`  red checks: ${red.length} of ${rows.length} (${pct(red.length, rows.length)})`);
  console.log(`  judged fine by a reviewer: ${fine.length}; red among them: ${fineRed.length} (${pct(fineRed.length, fine.length)})`);
  console.log(`  red checks with nothing a reviewer blocks on: ${fineRed.length} of ${red.length} (${pct(fineRed.length, red.length)})`);
  console.log(
    `  judged blocking: ${judgedBad.length}; red among them: ${judgedBad.filter(isRed).length} (${pct(judgedBad.filter(isRed).length, judgedBad.length)})`,
  );
  console.log("  defect class: judged / flagged by the engine (any severity) / blocked (error)");
  for (const cls of CLASSES) {
    const inClass = rows.filter((r) => r.defects.some((d) => d.cls === cls.id));
    const every = (r: Row, errorOnly: boolean) =>
      r.defects
        .filter((d) => d.cls === cls.id)
        .every((d) => r.diagnostics.some((x) => (!errorOnly || x.severity === "error") && speaksOf(x, d, cls)));
    const flagged = inClass.filter((r) => every(r, false));
    const blocked = inClass.filter((r) => every(r, true));
    console.log(
      `  ${cls.id.padEnd(19)} ${String(inClass.length).padStart(3)} / ${String(flagged.length).padStart(3)} / ${String(blocked.length).padStart(3)}  ${cls.label}`,
    );
    for (const r of inClass.filter((x) => !flagged.includes(x))) {
      const errors = [...new Set(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule))];
      const anyway = errors.length > 0 ? ` — red anyway: ${errors.join(", ")}` : "";
      console.log(
        `      not flagged: ${r.file} (${r.defects
          .filter((d) => d.cls === cls.id)
          .map((d) => d.detail)
          .join("; ")})${anyway}`,
      );
    }
    if (cls.blocks) {
      for (const r of flagged.filter((x) => !blocked.includes(x))) {
        console.log(
          `      flagged, not blocked: ${r.file} (${r.defects
            .filter((d) => d.cls === cls.id)
            .map((d) => d.detail)
            .join("; ")})`,
        );
      }
    }
  }
  console.log(`  error rules, all red checks: ${countRules(red)}`);
  console.log(`  error rules, the ${fineRed.length} judged fine but red: ${countRules(fineRed)}`);
  if (listFineRed) {
    for (const r of fineRed)
      console.log(
        `    ${r.file}: ${r.diagnostics
          .filter((d) => d.severity === "error")
          .map((d) => `${d.rule}@${d.line}`)
          .join(", ")}`,
      );
  }
  console.log("");
}

function main(): number {
  const submissionsDir = path.join(CORPUS_DIR, "submissions");
  const jobsDir = path.join(CORPUS_DIR, "jobs");
  const historyFile = path.join(CORPUS_DIR, "startups-history.tsv");
  const startupsFile = path.join(CORPUS_DIR, "startups.txt");
  for (const needed of [path.join(submissionsDir, "index.json"), jobsDir, historyFile, startupsFile]) {
    if (!existsSync(needed)) {
      console.error(
        `Corpus absent: ${needed} not found.\nThis script reads the real postings corpus (../shared/corpus beside this checkout, ` +
          `/work/shared/corpus, or the folder named by RECRUTEMENT_BOT_CORPUS).`,
      );
      return 2;
    }
  }
  const history = readHistory(historyFile);
  const index = JSON.parse(readFileSync(path.join(submissionsDir, "index.json"), "utf8")) as Array<{
    file: string;
    path: string;
    date: string;
  }>;

  console.log(`Corpus: ${CORPUS_DIR}`);
  console.log("Startups passed to the engine: ids and titles of the day (CheckOptions.startupIds, startupTitles)");
  console.log("");

  const submissions: Row[] = [...index]
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map((entry) => {
      const content = readFileSync(path.join(submissionsDir, entry.file));
      const startups = startupsOn(history, entry.date.slice(0, 10));
      const checked = checkPosting({ path: entry.path, content: new Uint8Array(content) }, engineOptions(true, startups));
      return {
        file: entry.file,
        defects: reviewerBlocks(entry.path, content.toString("utf8"), startups),
        diagnostics: checked.diagnostics,
      };
    });
  report(`submissions/ (${submissions.length}, replayed as new postings, startups of their day)`, submissions, true);

  const ids = readFileSync(startupsFile, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const startups = startupsOf(ids, history);
  const options = engineOptions(false, startups);
  const jobs: Row[] = readdirSync(jobsDir)
    .sort()
    .map((name) => {
      const filePath = `content/_jobs/${name}`;
      const content = readFileSync(path.join(jobsDir, name));
      const checked = checkPosting({ path: filePath, content: new Uint8Array(content) }, options);
      return { file: name, defects: reviewerBlocks(filePath, content.toString("utf8"), startups), diagnostics: checked.diagnostics };
    });
  report(`jobs/ (${jobs.length} legacy postings, not new, startups.txt)`, jobs, false);
  return 0;
}

process.exitCode = main();
