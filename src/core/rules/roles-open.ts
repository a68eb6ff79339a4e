/** `roles` (the job title) and `open` (the state of the posting) are required. */
import { diagnostic } from "../diagnostic.js";
import type { Diagnostic } from "../types.js";
import { booleanLike, FRONT_MATTER_START, isBlank, keyPlace, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

export function checkRolesOpen(posting: PostingView): Diagnostic[] {
  const found: Diagnostic[] = [];
  const roles = valueOf(posting, "roles");
  if (isBlank(roles)) found.push(diagnostic("roles-missing", "error", keyPlace(posting, "roles"), "roles-missing", {}, { key: "roles" }));

  const open = valueOf(posting, "open");
  if (open === undefined) {
    found.push(diagnostic("open-missing", "error", FRONT_MATTER_START, "open-missing", {}, { key: "open" }));
  } else if (typeof open !== "boolean") {
    const meant = booleanLike(open);
    found.push(
      diagnostic("open-not-boolean", "error", valuePlace(posting, "open"), "open-not-boolean", { value: open === null ? "" : shown(open) }, {
        key: "open",
        fix: meant ? valueFix(posting, "open", meant.text) : undefined,
      }),
    );
  }
  return found;
}

/** `roles` as text for titles, or null. */
export function rolesText(data: Readonly<Record<string, unknown>>): string | null {
  const roles = Object.prototype.hasOwnProperty.call(data, "roles") ? data.roles : undefined;
  if (typeof roles === "string" && roles.trim() !== "") return roles.trim();
  if (typeof roles === "number") return String(roles);
  return null;
}
