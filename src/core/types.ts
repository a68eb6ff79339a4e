/**
 * Data shapes shared by the pure core and everything built on it.
 * The core never does I/O: callers hand it text and facts (startup ids), it returns data.
 */

/** Every rule the engine can report. One id per kind of problem; severities can be overridden by config. */
export const RULE_IDS = [
  "file-extension", // in the postings folder, name not ending in .md
  "file-too-large", // posting over 1 MiB or front matter over 64 KiB
  "encoding", // not valid UTF-8, NUL bytes, binary
  "front-matter-missing", // no --- fences
  "front-matter-language", // ---js, ---coffee, ---toml…: never evaluated
  "front-matter-syntax", // YAML that does not parse (also alias/nesting limits)
  "front-matter-not-mapping", // YAML is a list, a scalar, empty…
  "duplicate-key",
  "unknown-key",
  "key-misspelled", // unknown key that is the misspelling of an absent key a consumer reads (`role`, `externalUrl`)
  "invalid-value", // a value of the wrong type (schema)
  "roles-missing",
  "open-missing",
  "open-not-boolean",
  "team-missing", // neither startup nor friend/equipe
  "startup-unknown",
  "contract-missing",
  "contract-alias", // non-canonical spelling of a known type
  "contract-unknown",
  "date-invalid", // not a real calendar day
  "date-format", // not ISO (07/07/2026)
  "date-timezone", // timestamp without a time zone
  "date-order", // closing before opening
  "closing-date-missing", // new posting, open: true, no closing date
  "contact-invalid",
  "url-invalid",
  "partner-url-missing", // `type: friend` without `externalURL`: the partner link is empty
  "file-date-missing", // no `YYYY-MM-DD-` file name and no `date:`: the page takes the build day
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning";
export type SeverityOverride = Severity | "off";

/** Canonical contract types (the table of aliases lives in contracts.ts). */
export const CONTRACT_TYPES = ["CDI", "CDD", "fonctionnaire", "indépendant", "stage", "alternance"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/**
 * A fix: the whole text of line `line` (1-based, without its line ending) becomes `text`. `text`
 * may hold two lines joined by "\n" (a line kept and a line added after it).
 */
export interface Fix {
  line: number;
  text: string;
  /** false for a proposal the author must check (a contract type read in the text); absent means certain. */
  certain?: boolean;
}

export interface Diagnostic {
  /** 1-based line in the file as stored (BOM, fences and CRLF counted as in the file). */
  line: number;
  /** 1-based column, in UTF-16 code units of the line (what editors and GitHub show). */
  column: number;
  severity: Severity;
  rule: RuleId;
  /** Id in the message catalogue (src/messages) and its parameters: rendered per language by the caller. */
  messageId: string;
  params: Record<string, string | number>;
  fix?: Fix;
  /** Top-level front-matter key the diagnostic is about, when there is one. */
  key?: string;
}

/** What the engine knows of the repository around a posting. */
export interface CheckOptions {
  /** Known startup ids; `null` means unknown (the startup rule is skipped). */
  startupIds: ReadonlySet<string> | null;
  /** Startup id → `title:` of its file, when known (a posting may name a startup by its title). */
  startupTitles?: ReadonlyMap<string, string> | null;
  /** Apply the rules for a posting being added (contract required, closing date advised). */
  isNew: boolean;
  /** Folder of postings, relative to the repository root, e.g. `content/_jobs`. */
  postingsDir: string;
  /** Extra spellings mapped to canonical contract types (lower-cased keys). */
  extraContractAliases: Readonly<Record<string, ContractType>>;
  /** Per-rule severity overrides. */
  severities: Readonly<Partial<Record<RuleId, SeverityOverride>>>;
  /** Date fields that give the closing date, first found wins. */
  closingDateFields: readonly string[];
  /** IANA time zone in which dates are calendar days. */
  timeZone: string;
}

/** Who recruits, as the posting's page shows it: `friend` first, then `startup`, then `equipe`. */
export type Recruiter =
  | { kind: "friend"; name: string }
  /** `title`: the startup's title when the id is known and has one. */
  | { kind: "startup"; id: string; title: string | null }
  | { kind: "equipe"; name: string };

export interface PostingReport {
  path: string;
  diagnostics: Diagnostic[];
  /** Canonical contract types named by `contrat` (empty when missing or unknown). */
  contracts: ContractType[];
  /** `open` when it is a real boolean, else null. */
  open: boolean | null;
  /** Closing day (YYYY-MM-DD, in `timeZone`) from the first closing field that holds a valid date. */
  closingDate: string | null;
  /** Which field gave `closingDate`. */
  closingDateField: string | null;
  /** `poste_pourvu: true`. */
  filled: boolean;
  /** `roles` as text, for titles (null when missing). */
  roles: string | null;
  /** Line (1-based) of the `open:` key, when present once. */
  openLine: number | null;
  /** Who recruits (null when the front matter names nobody). */
  recruiter: Recruiter | null;
  /** First contact written (`contact`, else `contacts`), trimmed; null when none. */
  contact: string | null;
}
