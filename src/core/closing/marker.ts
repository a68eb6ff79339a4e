/**
 * The hidden markers the closing job writes in its pull requests' bodies: which posting each
 * pull request closes, at which version (the file's blob oid on the default branch). They let a
 * later run tell a pull request a person closed (same blob: do not propose again) from one made
 * stale by a new version of the posting (other blob: propose again).
 */

export interface ClosingMarker {
  path: string;
  blob: string;
}

const MARKER = /<!-- recrutement-bot:fermeture path=(\S+) blob=([0-9a-f]{40,64}) -->/g;
/** Added when the app itself closes its pull request: such a close is no person's refusal. */
export const CLOSED_BY_APP = "<!-- recrutement-bot:fermeture closed-by=app -->";

export function renderMarker(m: ClosingMarker): string {
  return `<!-- recrutement-bot:fermeture path=${encodeURIComponent(m.path)} blob=${m.blob} -->`;
}

export function parseMarkers(body: string | null | undefined): ClosingMarker[] {
  const out: ClosingMarker[] = [];
  for (const m of (body ?? "").matchAll(MARKER)) {
    try {
      out.push({ path: decodeURIComponent(m[1]!), blob: m[2]! });
    } catch {
      // a malformed escape: not one of ours
    }
  }
  return out;
}

export function isClosedByApp(body: string | null | undefined): boolean {
  return (body ?? "").includes(CLOSED_BY_APP);
}

/** In the body of a closing pull request asked from the dashboard: kept while the posting is open, though not due. */
export const ASKED = "<!-- recrutement-bot:fermeture demandee -->";

export function isAsked(body: string | null | undefined): boolean {
  return (body ?? "").includes(ASKED);
}
