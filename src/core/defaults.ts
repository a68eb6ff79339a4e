import type { CheckOptions } from "./types.js";

/** Defaults that match beta.gouv.fr's `content/_jobs`. */
export const DEFAULT_POSTINGS_DIR = "content/_jobs";
export const DEFAULT_STARTUPS_DIR = "content/_startups";
export const DEFAULT_TIME_ZONE = "Europe/Paris";
export const DEFAULT_CLOSING_DATE_FIELDS = ["poste_ferme", "depublication_date"] as const;

export const MAX_POSTING_BYTES = 1024 * 1024;
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

export function defaultCheckOptions(overrides: Partial<CheckOptions> = {}): CheckOptions {
  return {
    startupIds: null,
    isNew: false,
    postingsDir: DEFAULT_POSTINGS_DIR,
    extraContractAliases: {},
    severities: {},
    closingDateFields: DEFAULT_CLOSING_DATE_FIELDS,
    timeZone: DEFAULT_TIME_ZONE,
    ...overrides,
  };
}
