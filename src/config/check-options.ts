/** The engine's options for a repository's configuration: the one mapping, for the CLI and the app. */
import type { Config } from "./schema.js";
import { defaultCheckOptions } from "../core/defaults.js";
import type { CheckOptions, ContractType } from "../core/types.js";

export function checkOptionsFor(config: Config, startupIds: ReadonlySet<string> | null, isNew: boolean): CheckOptions {
  const aliases: Record<string, ContractType> = {};
  for (const [spelling, type] of Object.entries(config.contracts.aliases)) if (type) aliases[spelling.toLowerCase()] = type;
  return defaultCheckOptions({
    startupIds,
    isNew,
    postingsDir: config.postings,
    extraContractAliases: aliases,
    severities: config.rules,
    closingDateFields: config.closing["date-fields"],
    timeZone: config.closing["time-zone"],
  });
}
