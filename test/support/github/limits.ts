/**
 * GitHub's limits, as the fake answers them (GitHub's documented values; src/github/limits.ts
 * states the app's side with their sources): a 422 "Validation Failed" for a comment, a pull
 * request or issue body over 65,536 characters, a title over 256, a check run summary over
 * 65,535 bytes, more than 50 annotations in a request, an annotation title over 255 characters
 * or message over 64 KB, a label name over 50 characters or description over 100; the files of
 * a pull request listed up to 3,000; a blob's GraphQL `text` cut at 512,000 bytes (git.ts); a
 * 403 secondary rate limit with `retry-after` past 80 content-creating requests within a minute.
 */
export const FAKE_LIMITS = {
  body: 65_536,
  title: 256,
  summaryBytes: 65_535,
  annotationsPerRequest: 50,
  annotationTitle: 255,
  annotationMessageBytes: 64 * 1024,
  labelName: 50,
  labelDescription: 100,
  filesListed: 3_000,
  writesPerMinute: 80,
  retryAfterSeconds: 60,
} as const;

/** An answer: status, body, headers. */
export type Reply = [number, unknown] | [number, unknown, Record<string, string>];

/** What GitHub refuses, as GitHub says it. */
export function validationFailed(resource: string, field: string, message: string): Reply {
  return [
    422,
    {
      message: "Validation Failed",
      errors: [{ resource, code: "custom", field, message }],
      documentation_url: "https://docs.github.com/rest",
    },
  ];
}

export const tooLong = (resource: string, field: string, max: number): Reply =>
  validationFailed(resource, field, `${field} is too long (maximum is ${max} characters)`);

/** Characters of a label's name or description, as GitHub counts them (code points). */
export const characters = (text: string | undefined | null): number => [...(text ?? "")].length;

export const notFound: Reply = [404, { message: "Not Found" }];

export const SECONDARY_RATE_LIMIT = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
