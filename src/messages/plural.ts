/**
 * "1 offre", "2 offres": the language's plural rule, from Intl.PluralRules (French: 0 and 1 take
 * the singular; English: 1 only). The one place the catalogue chooses a form by number.
 */
import type { Lang } from "./define.js";

const RULES: Record<Lang, Intl.PluralRules> = { fr: new Intl.PluralRules("fr-FR"), en: new Intl.PluralRules("en-GB") };

/** The form `n` takes, alone ("détaillée", "détaillées"). */
export function pluralWord(lang: Lang, n: number, one: string, many: string): string {
  return RULES[lang].select(n) === "one" ? one : many;
}

/** `n` and the form it takes ("2 offres"). */
export function plural(lang: Lang, n: number, one: string, many: string): string {
  return `${n} ${pluralWord(lang, n, one, many)}`;
}
