/** `contrat`: one or more known contract types (read by the app's labels only: warnings). */
import { contractInText } from "../contract-in-text.js";
import { normalizeContract } from "../contracts.js";
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import { CONTRACT_TYPES, type CheckOptions, type ContractType, type Diagnostic, type Fix } from "../types.js";
import { FRONT_MATTER_START, isBlank, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

const ALLOWED = CONTRACT_TYPES.join(", ");

/** The values written in `contrat`, with the place of each (a text, or each text of a list). */
function contractValues(posting: PostingView): Array<{ raw: string; index: number | null }> {
  const value = valueOf(posting, "contrat");
  if (typeof value === "string") return value.trim() === "" ? [] : [{ raw: value, index: null }];
  if (Array.isArray(value)) {
    return value.flatMap((v, index) => (typeof v === "string" && v.trim() !== "" ? [{ raw: v, index }] : []));
  }
  return [];
}

/** Canonical types named by `contrat` (empty when missing or unknown). */
export function readContracts(posting: PostingView, options: CheckOptions): ContractType[] {
  const types: ContractType[] = [];
  for (const { raw } of contractValues(posting)) {
    for (const t of normalizeContract(raw, options.extraContractAliases).types) if (!types.includes(t)) types.push(t);
  }
  return types;
}

/** Texts of the keys that name the job, for the contract proposal. */
function titleTexts(posting: PostingView): string[] {
  return ["roles", "title"].map((k) => valueOf(posting, k)).filter((v): v is string => typeof v === "string");
}

/**
 * Where to add `contrat: <type>`: after the `roles:` line when it holds its whole value, else
 * before the closing `---`. The fix replaces that line by two.
 */
function addLineFix(posting: PostingView, type: ContractType): Fix | undefined {
  if (posting.parsed.positions.has("contrat")) {
    // `contrat:` written without a value: fill it in.
    const fill = valueFix(posting, "contrat", type);
    return fill ? { ...fill, certain: false } : undefined;
  }
  const added = `contrat: ${type}`;
  const roles = posting.parsed.positions.get("roles");
  if (roles && roles.occurrences === 1 && roles.column === 1 && roles.valueSpan) {
    const line = posting.parsed.lines[roles.line - 1];
    const next = posting.parsed.lines[roles.line];
    // The value goes on when the next line is indented (a plain scalar on several lines).
    if (line !== undefined && (next === undefined || !/^[ \t]+\S/.test(next)))
      return { line: roles.line, text: `${line}\n${added}`, certain: false };
  }
  const close = posting.parsed.frontMatter?.closeLine;
  const fence = close === undefined ? undefined : posting.parsed.lines[close - 1];
  return close !== undefined && fence !== undefined ? { line: close, text: `${added}\n${fence}`, certain: false } : undefined;
}

function checkMissing(posting: PostingView, options: CheckOptions): Diagnostic[] {
  // Asked of new postings only, and never of a closed one.
  if (!options.isNew || valueOf(posting, "open") === false) return [];
  const body = posting.parsed.frontMatter ? posting.parsed.lines.slice(posting.parsed.frontMatter.closeLine).join("\n") : "";
  const read = contractInText(titleTexts(posting), body);
  const fix = read ? addLineFix(posting, read.type) : undefined;
  if (!read || !fix) {
    return [
      diagnostic(
        "contract-missing",
        severityOf("contract-missing"),
        FRONT_MATTER_START,
        "contract-missing",
        { allowed: ALLOWED },
        { key: "contrat" },
      ),
    ];
  }
  const at = { line: fix.line, column: 1 };
  return [
    diagnostic(
      "contract-missing",
      severityOf("contract-missing"),
      at,
      "contract-missing-proposal",
      { type: read.type, said: read.said },
      { key: "contrat", fix },
    ),
  ];
}

export function checkContract(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const value = valueOf(posting, "contrat");
  if (isBlank(value) || (Array.isArray(value) && value.length === 0)) return checkMissing(posting, options);
  const found: Diagnostic[] = [];
  for (const { raw, index } of contractValues(posting)) {
    const at =
      index === null ? valuePlace(posting, "contrat") : (posting.parsed.locate(["contrat", index]) ?? valuePlace(posting, "contrat"));
    const reading = normalizeContract(raw, options.extraContractAliases);
    if (reading.types.length === 0) {
      found.push(
        diagnostic(
          "contract-unknown",
          severityOf("contract-unknown"),
          at,
          "contract-unknown",
          { value: shown(raw), allowed: ALLOWED },
          { key: "contrat" },
        ),
      );
    } else if (!reading.canonical) {
      const fix = reading.suggestion !== undefined && index === null ? valueFix(posting, "contrat", reading.suggestion) : undefined;
      found.push(
        diagnostic(
          "contract-alias",
          severityOf("contract-alias"),
          at,
          "contract-alias",
          { value: shown(raw), suggestion: shown(reading.suggestion ?? reading.types.join(", ")) },
          { key: "contrat", fix },
        ),
      );
    }
  }
  return found;
}
