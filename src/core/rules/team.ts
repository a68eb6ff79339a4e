/**
 * Who is hiring: a known startup id, or a partner team (`friend`, `equipe`). The posting's page
 * finds the startup by id only (`_includes/job-content.html`); the listing and the API try its
 * title first. A value that is a startup's title, or an id with a domain, gets the id as a fix.
 */
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import { nearMatch } from "../compare-text.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { FRONT_MATTER_START, isBlank, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

/** Titles of the known startups, and the ids of each title. */
function titlesOf(titles: ReadonlyMap<string, string>, ids: ReadonlySet<string>): Map<string, string[]> {
  const byTitle = new Map<string, string[]>();
  for (const [id, title] of titles) {
    if (!ids.has(id) || title.trim() === "") continue;
    byTitle.set(title.trim(), [...(byTitle.get(title.trim()) ?? []), id]);
  }
  return byTitle;
}

/** The value without what people add around an id: `https://beta.gouv.fr/startups/x.html`, `x.beta.gouv.fr`, `x.md`. */
function stripped(value: string): string {
  return value
    .replace(/^(?:https?:\/\/)?(?:www\.)?beta\.gouv\.fr\/startups\/([^/?#]+?)(?:\.html)?\/?(?:[?#].*)?$/i, "$1")
    .replace(/^(?:https?:\/\/)/i, "")
    .replace(/\/+$/, "")
    .replace(/\.beta\.gouv\.fr$/i, "")
    .replace(/\.md$/i, "");
}

export type StartupMatch =
  | { kind: "known" }
  /** One startup certainly meant: by its title, its id in another case or punctuation, or with a domain. */
  | { kind: "certain"; id: string }
  /** Near misses (typos) or several candidates: ids to suggest. */
  | { kind: "near"; ids: string[] }
  | { kind: "none" };

/** Which startup `value` names, given the known ids and titles. */
export function matchStartup(
  value: string,
  ids: ReadonlySet<string>,
  titles: ReadonlyMap<string, string> | null | undefined,
): StartupMatch {
  if (ids.has(value)) return { kind: "known" };
  const variants = [...new Set([value, stripped(value)])].filter((v) => v !== "");
  for (const v of variants) if (ids.has(v)) return { kind: "certain", id: v };
  const byTitle = titles ? titlesOf(titles, ids) : new Map<string, string[]>();
  const sure = new Set<string>();
  const near = new Set<string>();
  for (const v of variants) {
    const id = nearMatch(v, ids);
    for (const match of id?.matches ?? []) (id?.kind === "edit" ? near : sure).add(match);
    const title = nearMatch(v, byTitle.keys());
    for (const match of title?.matches ?? [])
      for (const titleId of byTitle.get(match) ?? []) (title?.kind === "edit" ? near : sure).add(titleId);
  }
  const [only] = sure;
  if (sure.size === 1 && only !== undefined) return { kind: "certain", id: only };
  if (sure.size > 1) return { kind: "near", ids: [...sure] };
  return near.size > 0 ? { kind: "near", ids: [...near] } : { kind: "none" };
}

function checkStartup(posting: PostingView, value: string, options: CheckOptions, ids: ReadonlySet<string>): Diagnostic[] {
  const match = matchStartup(value, ids, options.startupTitles);
  const at = valuePlace(posting, "startup");
  const params = { value: shown(value) };
  // With `friend`, the page shows the partner's name: only the startup card is missing.
  const variant = isBlank(valueOf(posting, "friend")) ? undefined : "with-friend";
  switch (match.kind) {
    case "known":
      return [];
    case "certain": {
      const title = options.startupTitles?.get(match.id)?.trim() ?? "";
      return [
        diagnostic(
          "startup-unknown",
          severityOf("startup-unknown", "by-name"),
          at,
          "startup-by-name",
          { ...params, id: match.id, title: shown(title) },
          {
            key: "startup",
            fix: valueFix(posting, "startup", match.id),
          },
        ),
      ];
    }
    case "near":
      return [
        diagnostic(
          "startup-unknown",
          severityOf("startup-unknown", variant),
          at,
          variant ? "startup-unknown-suggestion-friend" : "startup-unknown-suggestion",
          { ...params, suggestion: match.ids.slice(0, 3).join(", ") },
          { key: "startup" },
        ),
      ];
    default:
      return [
        diagnostic(
          "startup-unknown",
          severityOf("startup-unknown", variant),
          at,
          variant ? "startup-unknown-friend" : "startup-unknown",
          params,
          { key: "startup" },
        ),
      ];
  }
}

export function checkTeam(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const startup = valueOf(posting, "startup");
  if (typeof startup === "string" && startup.trim() !== "") {
    return options.startupIds ? checkStartup(posting, startup.trim(), options, options.startupIds) : [];
  }
  if (!isBlank(startup)) return []; // not text: the schema reports it
  if (!isBlank(valueOf(posting, "friend")) || !isBlank(valueOf(posting, "equipe"))) return [];
  return [diagnostic("team-missing", severityOf("team-missing"), FRONT_MATTER_START, "team-missing", {}, { key: "startup" })];
}
