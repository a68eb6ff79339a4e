/** Shape of one catalogue entry: the French text first, English beside it. */
export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];
export type Params = Record<string, string | number>;
export interface Entry<P extends Params = Params> {
  fr: (p: P) => string;
  en: (p: P) => string;
}

/** Identity helper that keeps each entry's parameter types. */
export function defineMessages<T extends Record<string, Entry<never>>>(messages: T): T {
  return messages;
}
