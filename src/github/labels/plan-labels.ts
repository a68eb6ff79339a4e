/**
 * The contract-type labels a pull request should carry, compared with those it has. Only the
 * family `<prefix><type>` (e.g. `contrat: CDI`) is ever added or removed; every other label is
 * left as people set it. Pure.
 */
import { CONTRACT_TYPES, type ContractType } from "../../core/types.js";
import { t, type Lang } from "../../messages/index.js";
import { GITHUB_LIMITS, cutToFit, fits } from "../limits.js";

export interface LabelToCreate {
  name: string;
  color: string;
  description: string;
}

export interface LabelPlan {
  add: string[];
  remove: string[];
  create: LabelToCreate[];
}

export interface LabelInput {
  /** Contract types of the reviewed postings. */
  contracts: readonly ContractType[];
  /** False when some postings were not reviewed (max-files, unreadable): nothing is removed then. */
  complete: boolean;
  prefix: string;
  colours: Readonly<Partial<Record<ContractType, string>>>;
  defaultColours: Readonly<Record<ContractType, string>>;
  lang: Lang;
  pullRequestLabels: readonly string[];
  repositoryLabels: readonly string[];
}

export function labelName(prefix: string, type: ContractType): string {
  return `${prefix}${type}`;
}

/** The contract type a label stands for, when it belongs to the family. */
export function familyType(prefix: string, label: string): ContractType | null {
  const lower = label.toLowerCase();
  return CONTRACT_TYPES.find((type) => labelName(prefix, type).toLowerCase() === lower) ?? null;
}

export function planLabels(input: LabelInput): LabelPlan {
  const wanted = CONTRACT_TYPES.filter((type) => input.contracts.includes(type));
  const onPr = new Set(input.pullRequestLabels.map((l) => l.toLowerCase()));
  const inRepo = new Set([...input.repositoryLabels, ...input.pullRequestLabels].map((l) => l.toLowerCase()));
  const add: string[] = [];
  const create: LabelToCreate[] = [];
  for (const type of wanted) {
    const name = labelName(input.prefix, type);
    // A name over GitHub's limit cannot be cut (it is the label's identity): such a label is not used.
    if (onPr.has(name.toLowerCase()) || !fits(name, GITHUB_LIMITS.labelName)) continue;
    add.push(name);
    if (!inRepo.has(name.toLowerCase())) {
      create.push({
        name,
        color: (input.colours[type] ?? input.defaultColours[type]).toLowerCase(),
        description: cutToFit(t(input.lang, "label-description", { type }), GITHUB_LIMITS.labelDescription),
      });
    }
  }
  const remove = input.complete
    ? input.pullRequestLabels.filter((label) => {
        const type = familyType(input.prefix, label);
        return type !== null && !wanted.includes(type);
      })
    : [];
  return { add, remove, create };
}
