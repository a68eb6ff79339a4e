/**
 * GitHub's documented limits, in one place, each with its source, and the one way text is made
 * to fit them: cut where a reader can tell, never refused by GitHub.
 *
 * Where GitHub documents characters but enforces bytes (a check run summary of 65,535 accented
 * characters is refused), both are respected: a text fits when it is under both.
 */

export const GITHUB_LIMITS = {
  /** Issue and pull request comments, pull request bodies: "maximum is 65536 characters" (REST 422). */
  commentBody: { chars: 65_536, bytes: 65_536 },
  /** Review comments (suggestions) and the review's own body: same limit as comments. */
  reviewCommentBody: { chars: 65_536, bytes: 65_536 },
  /** Check run `output.summary` and `output.text`: "Maximum length: 65535 characters" (checks API), enforced in bytes. */
  checkRunSummary: { chars: 65_535, bytes: 65_535 },
  /** Check run `output.title` (no documented maximum: kept short, as GitHub shows one line). */
  checkRunTitle: { chars: 255, bytes: 1_024 },
  /** Annotation `message` and `raw_details`: "Maximum length: 64 KB" (checks API). */
  annotationMessage: { chars: 64 * 1024, bytes: 64 * 1024 },
  /** Annotation `title`: "Maximum length: 255 characters" (checks API). */
  annotationTitle: { chars: 255, bytes: 1_024 },
  /** Annotations per create or update request (checks API). */
  annotationsPerRequest: 50,
  /** Label `name`: 50 characters; `description`: 100 characters (labels API, 422 otherwise). */
  labelName: { chars: 50, bytes: 200 },
  labelDescription: { chars: 100, bytes: 400 },
  /** Pull request and issue titles: 256 characters. */
  title: { chars: 256, bytes: 1_024 },
  /** `GET /pulls/{n}/files`: at most 3,000 files listed, 100 per page (pulls API). */
  pullRequestFilesListed: 3_000,
  pullRequestFilesPerPage: 100,
  /** GraphQL connections: `first`/`last` from 1 to 100; at most 500,000 nodes per query (GraphQL resource limits). */
  graphqlPageSize: 100,
  graphqlNodes: 500_000,
  /** GraphQL `Blob.text` is cut at 512,000 bytes (`isTruncated: true`); the git blobs API gives up to 100 MB. */
  blobTextBytes: 512_000,
  /** Secondary rate limit: 80 content-creating requests a minute, 500 an hour (REST best practices). */
  contentCreatingPerMinute: 80,
} as const;

export interface TextLimit {
  chars: number;
  bytes: number;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export function fits(text: string, limit: TextLimit): boolean {
  return text.length <= limit.chars && utf8Length(text) <= limit.bytes;
}

/**
 * `text` if it fits `limit`; otherwise its beginning, cut at the last line break that leaves room
 * (or the last character when no line break is near), followed by `notice` on its own line (what
 * was left out and where to read it). Never cuts a character in two.
 */
export function fitText(text: string, limit: TextLimit, notice = "…"): string {
  if (fits(text, limit)) return text;
  const tail = `\n${notice}`;
  const roomChars = limit.chars - tail.length;
  const roomBytes = limit.bytes - utf8Length(tail);
  if (roomChars <= 0 || roomBytes <= 0) return cutToFit(notice, limit);
  let head = cutToFit(text, { chars: roomChars, bytes: roomBytes });
  const lineBreak = head.lastIndexOf("\n");
  // Keep whole lines when a line break is in the last quarter of what fits.
  if (lineBreak > head.length * 0.75) head = head.slice(0, lineBreak);
  return head + tail;
}

/** The longest beginning of `text` within `limit`, without splitting a surrogate pair. */
export function cutToFit(text: string, limit: TextLimit): string {
  let end = Math.min(text.length, limit.chars);
  let out = text.slice(0, end);
  // Bytes: each UTF-16 unit is at most 3 bytes; shrink until it fits (few iterations).
  while (utf8Length(out) > limit.bytes) {
    const over = utf8Length(out) - limit.bytes;
    end = Math.max(0, end - Math.max(1, Math.ceil(over / 3)));
    out = text.slice(0, end);
  }
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}
