/** `roles` (the job title) and `open` (the state of the posting) are required. */
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import type { Diagnostic } from "../types.js";
import {
  booleanLike,
  FRONT_MATTER_START,
  isBlank,
  jekyllBoolean,
  keyPlace,
  shown,
  valueFix,
  valueOf,
  valuePlace,
  valueSource,
  type PostingView,
} from "./posting-view.js";

/**
 * True when Jekyll reads the `open` text as the author meant: `"true"` (a truthy text that the
 * API's `where: "open", 'true'` keeps too) or a plain `yes`/`on`/`no`/`off` (booleans for Psych).
 */
function readAsMeant(posting: PostingView, open: string): boolean {
  const source = valueSource(posting, "open");
  if (source === null) return false;
  return /^["']/.test(source) ? open === "true" : jekyllBoolean(posting, "open");
}

export function checkRolesOpen(posting: PostingView): Diagnostic[] {
  const found: Diagnostic[] = [];
  const roles = valueOf(posting, "roles");
  if (isBlank(roles))
    found.push(diagnostic("roles-missing", severityOf("roles-missing"), keyPlace(posting, "roles"), "roles-missing", {}, { key: "roles" }));

  const open = valueOf(posting, "open");
  if (open === undefined) {
    found.push(diagnostic("open-missing", severityOf("open-missing"), FRONT_MATTER_START, "open-missing", {}, { key: "open" }));
  } else if (typeof open !== "boolean") {
    const meant = booleanLike(open);
    const asMeant = typeof open === "string" && readAsMeant(posting, open);
    found.push(
      diagnostic(
        "open-not-boolean",
        severityOf("open-not-boolean", asMeant ? "read-as-meant" : undefined),
        valuePlace(posting, "open"),
        asMeant ? "open-not-boolean-read" : "open-not-boolean",
        { value: open === null ? "" : shown(open), fix: meant?.text ?? "" },
        { key: "open", fix: meant ? valueFix(posting, "open", meant.text) : undefined },
      ),
    );
  }
  return found;
}

/** `roles` as text for titles, or null. */
export function rolesText(data: Readonly<Record<string, unknown>>): string | null {
  const roles = Object.hasOwn(data, "roles") ? data.roles : undefined;
  if (typeof roles === "string" && roles.trim() !== "") return roles.trim();
  if (typeof roles === "number") return String(roles);
  return null;
}
