/** `contact`/`contacts`: e-mail addresses or community ids; `externalURL`: a web address. */
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import type { Diagnostic } from "../types.js";
import { FRONT_MATTER_START, isBlank, keyPlace, shown, valueOf, valuePlace, type PostingView } from "./posting-view.js";

const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[A-Za-z]{2,}$/;
/** Community member id: `prenom.nom`, `elsa.le-duigou`. */
const MEMBER_ID = /^[a-z0-9]+(?:[-_'][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_'][a-z0-9]+)*)+$/i;
/** GitHub-like handle: `@handle`. */
const HANDLE = /^@[a-z0-9](?:[a-z0-9-]{0,38})$/i;
const JOINING_WORDS = new Set(["et", "ou", "and", "or"]);

export function isContact(text: string): boolean {
  const t = text.replace(/^mailto:/i, "");
  return EMAIL.test(t) || (t === text && (MEMBER_ID.test(t) || HANDLE.test(t)));
}

export function isWebUrl(text: string): boolean {
  if (/\s/.test(text.trim())) return false;
  try {
    const url = new URL(text.trim());
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function contactItems(value: unknown): Array<{ item: unknown; index: number | null }> {
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => ({ item, index }));
  return [{ item: value, index: null }];
}

export function checkContacts(posting: PostingView): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const key of ["contact", "contacts"]) {
    const value = valueOf(posting, key);
    if (value === undefined || value === null) continue;
    for (const { item, index } of contactItems(value)) {
      if (typeof item !== "string") continue; // the schema reports other types
      const words = item.split(/[\s,;]+/).filter((w) => w !== "" && !JOINING_WORDS.has(w.toLowerCase()));
      const bad = words.find((w) => !isContact(w));
      if (bad === undefined && words.length > 0) continue;
      if (words.length === 0 && index === null) continue; // empty: nothing to check
      const at = index === null ? valuePlace(posting, key) : (posting.parsed.locate([key, index]) ?? valuePlace(posting, key));
      found.push(
        diagnostic("contact-invalid", severityOf("contact-invalid"), at, "contact-invalid", { key, value: shown(bad ?? item) }, { key }),
      );
    }
  }
  // The page shows `externalURL` only for a partner posting, as the link to the partner's own page.
  const partner = valueOf(posting, "type") === "friend";
  const url = valueOf(posting, "externalURL");
  if (typeof url === "string" && url.trim() !== "" && !isWebUrl(url)) {
    found.push(
      diagnostic(
        "url-invalid",
        severityOf("url-invalid", partner ? "partner" : undefined),
        valuePlace(posting, "externalURL"),
        partner ? "url-invalid-partner" : "url-invalid",
        { key: "externalURL", value: shown(url) },
        { key: "externalURL" },
      ),
    );
  } else if (partner && isBlank(url)) {
    const friend = valueOf(posting, "friend");
    const at =
      valueOf(posting, "externalURL") === undefined
        ? posting.parsed.positions.has("type")
          ? keyPlace(posting, "type")
          : FRONT_MATTER_START
        : valuePlace(posting, "externalURL");
    found.push(
      diagnostic(
        "partner-url-missing",
        severityOf("partner-url-missing"),
        at,
        "partner-url-missing",
        { friend: typeof friend === "string" ? shown(friend.trim()) : "" },
        { key: "externalURL" },
      ),
    );
  }
  return found;
}
