/**
 * The one table of severities: for each rule, its default severity and the consequence that
 * justifies it, read from what the posting's consumers do with the field (beta.gouv.fr's Jekyll
 * build and permalink, the posting's page `_includes/job-content.html`, the listing
 * `card-job.html`, the JSON API `api/v2.6/jobs.json`, the closing job, the app's labels).
 *
 * An **error** only when the page, the listing, the API, the build or the closing job breaks or
 * says something false; otherwise a **warning**. Some rules have variants: the same rule is an
 * error in one case and a warning in another (`url-invalid` only breaks a visible link for a
 * partner posting). The repository's `rules:` configuration overrides the result per rule.
 */
import type { RuleId, Severity } from "./types.js";

/** Why a problem matters, as a short id (the catalogue has `consequence-<id>` in each language). */
export const CONSEQUENCES = [
  "not-published", // Jekyll does not build the page
  "not-read", // the file cannot be read as text: nobody can check or build it
  "page-broken", // the front matter does not read: the page has no title and says the post is filled
  "page-no-title", // empty heading and empty link in the listing
  "page-says-filled", // "Ce poste a été pourvu", and the API leaves the posting out
  "page-api-disagree", // the page says open, the API leaves it out (or the reverse)
  "read-as-meant", // Jekyll reads the value as the author meant it: only the spelling is odd
  "page-shows-beta", // the page says « beta.gouv.fr recrute », without a startup card
  "startup-not-found", // the startup named does not exist: « beta.gouv.fr recrute », no startup card
  "startup-by-name", // the listing and the API find the startup by title, the page only by id
  "no-startup-card", // the page shows the partner's name (`friend`) but no startup card
  "labels-only", // only the app's contract labels read `contrat`
  "build-fails", // Jekyll stops on an invalid `date`
  "closing-unreadable", // the closing job cannot read the closing date: the posting stays open
  "date-not-shown", // a date no template shows
  "time-guessed", // a time without a zone, read in the configured zone
  "closes-at-once", // closing before opening: the closing job closes it as soon as it is published
  "stays-open", // no closing date: nothing closes the posting
  "not-shown", // a value no template shows
  "link-broken", // the partner link of the page goes nowhere
  "link-empty", // the partner link of the page is empty
  "value-lost", // a key misspelled: its value is ignored and what needs the key breaks
  "detail-lost", // a key misspelled: its value is ignored, the page only loses a detail (title, techno…)
  "value-ignored", // a key nobody reads, or a value of an odd type
  "last-wins", // a key written twice with the same value, or on a key nobody reads
  "value-conflict", // a key written twice with two values: the page shows the last one
  "truthy-text", // a text meaning false is true for Liquid and Jekyll: the page says the opposite
  "date-is-build-day", // the address and « Poste ouvert le » take the day the site is built
] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export interface SeverityCase {
  severity: Severity;
  consequence: Consequence;
}

type Cases = { default: SeverityCase } & Record<string, SeverityCase>;

const error = (consequence: Consequence): SeverityCase => ({ severity: "error", consequence });
const warning = (consequence: Consequence): SeverityCase => ({ severity: "warning", consequence });

export const RULE_SEVERITIES = {
  "file-extension": { default: error("not-published") },
  "file-too-large": { default: error("not-read") },
  "encoding": { default: error("not-read") },
  "front-matter-missing": { default: error("not-published") },
  "front-matter-language": { default: error("not-published") },
  "front-matter-syntax": { default: error("page-broken") },
  "front-matter-not-mapping": { default: error("page-broken") },
  /** Jekyll (Psych) keeps the last value: harmless when both are equal or nobody reads the key. */
  "duplicate-key": { default: warning("last-wins"), conflict: error("value-conflict") },
  "unknown-key": { default: warning("value-ignored") },
  /** A detail (page title, techno, junior badge…) is lost: advice; a key the page or the closing job needs: an error. */
  "key-misspelled": { default: error("value-lost"), detail: warning("detail-lost") },
  /** A boolean written as text: `"false"`/`non` is true for Liquid (`junior`, `published`). */
  "invalid-value": { "default": warning("value-ignored"), "false-as-text": error("truthy-text") },
  "roles-missing": { default: error("page-no-title") },
  "open-missing": { default: error("page-says-filled") },
  /** `"true"` (quoted), `yes`, `on`, `no`, `off`: Jekyll reads them as the author meant. */
  "open-not-boolean": { "default": error("page-api-disagree"), "read-as-meant": warning("read-as-meant") },
  "team-missing": { default: warning("page-shows-beta") },
  /** A startup's title, or an id with a domain: the certain fix gives the id. */
  "startup-unknown": {
    "default": error("startup-not-found"),
    "by-name": warning("startup-by-name"),
    "with-friend": warning("no-startup-card"),
  },
  "contract-missing": { default: warning("labels-only") },
  "contract-alias": { default: warning("labels-only") },
  "contract-unknown": { default: warning("labels-only") },
  /** On `date`, Jekyll's build fails; on a closing field, the closing job cannot read it. */
  "date-invalid": { default: warning("date-not-shown"), date: error("build-fails"), closing: error("closing-unreadable") },
  "date-format": { default: warning("date-not-shown"), date: error("build-fails"), closing: error("closing-unreadable") },
  "date-timezone": { default: warning("time-guessed") },
  "date-order": { default: error("closes-at-once") },
  "closing-date-missing": { default: warning("stays-open") },
  "contact-invalid": { default: warning("not-shown") },
  /** Only a partner posting (`type: friend`) shows `externalURL`, as its link. */
  "url-invalid": { default: warning("not-shown"), partner: error("link-broken") },
  "partner-url-missing": { default: error("link-empty") },
  "file-date-missing": { default: error("date-is-build-day") },
} as const satisfies Record<RuleId, Cases>;

export type Variant<R extends RuleId> = keyof (typeof RULE_SEVERITIES)[R] & string;

/** Default severity of `rule` in the case `variant` (its default case unless `variant` names another). */
export function severityOf<R extends RuleId>(rule: R, variant?: Variant<R>): Severity {
  const cases = RULE_SEVERITIES[rule] as Cases;
  return ((variant !== undefined ? cases[variant] : undefined) ?? cases.default).severity;
}

/** Variant of a date rule for the field `key`: `date` (the build), a closing field (the closing job), or another. */
export function dateVariant(key: string, closingDateFields: readonly string[]): "date" | "closing" | "default" {
  if (key === "date") return "date";
  return closingDateFields.includes(key) ? "closing" : "default";
}

/**
 * Keys some consumer reads, and which one: a misspelling of one of them, or two different values
 * of one of them, changes what is published. (The configured closing fields are read by the
 * closing job too.) Keys read by nobody: `equipe`, `status`, `post_ouvert`, `poste_ouvert`,
 * `contact`, `airtable_formulaire`.
 */
export const CONSUMED_KEYS: Readonly<Record<string, string>> = {
  roles: "page, listing, API",
  title: "page title",
  startup: "page, listing, API",
  friend: "page, listing, API",
  type: "page (partner link)",
  externalURL: "page (partner link)",
  open: "page, API",
  date: "permalink, page, API",
  junior: "page, listing",
  techno: "page, listing, API",
  domaines: "API",
  contacts: "API",
  depublication_date: "API, closing job",
  poste_ferme: "closing job",
  poste_pourvu: "closing job",
  contrat: "labels",
  published: "Jekyll",
  permalink: "Jekyll",
  layout: "Jekyll",
  redirect_from: "Jekyll",
};

/**
 * Consumed keys whose absence only loses a detail: the page keeps working and says nothing false
 * (`title` falls back to « Recrutement », no techno tags, no junior badge, no labels…).
 */
export const DETAIL_KEYS: ReadonlySet<string> = new Set([
  "title",
  "junior",
  "techno",
  "domaines",
  "contacts",
  "contrat",
  "layout",
  "redirect_from",
]);

/** True when a consumer reads `key` (the configured closing fields included). */
export function isConsumed(key: string, closingDateFields: readonly string[]): boolean {
  return Object.hasOwn(CONSUMED_KEYS, key) || closingDateFields.includes(key);
}
