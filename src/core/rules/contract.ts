/** `contrat`: one or more known contract types, spelled canonically. */
import { normalizeContract } from "../contracts.js";
import { diagnostic } from "../diagnostic.js";
import { CONTRACT_TYPES, type CheckOptions, type ContractType, type Diagnostic } from "../types.js";
import { isBlank, keyPlace, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

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

export function checkContract(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const value = valueOf(posting, "contrat");
  if (isBlank(value) || (Array.isArray(value) && value.length === 0)) {
    return options.isNew ? [diagnostic("contract-missing", "error", keyPlace(posting, "contrat"), "contract-missing", { allowed: ALLOWED }, { key: "contrat" })] : [];
  }
  const found: Diagnostic[] = [];
  for (const { raw, index } of contractValues(posting)) {
    const at = index === null ? valuePlace(posting, "contrat") : (posting.parsed.locate(["contrat", index]) ?? valuePlace(posting, "contrat"));
    const reading = normalizeContract(raw, options.extraContractAliases);
    if (reading.types.length === 0) {
      found.push(diagnostic("contract-unknown", "error", at, "contract-unknown", { value: shown(raw), allowed: ALLOWED }, { key: "contrat" }));
    } else if (!reading.canonical) {
      const fix = reading.suggestion !== undefined && index === null ? valueFix(posting, "contrat", reading.suggestion) : undefined;
      found.push(
        diagnostic("contract-alias", "warning", at, "contract-alias", { value: shown(raw), suggestion: reading.suggestion ?? reading.types.join(", ") }, { key: "contrat", fix }),
      );
    }
  }
  return found;
}
