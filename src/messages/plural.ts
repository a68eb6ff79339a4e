/** "1 offre", "2 offres": the language's plural rule (French: 0 and 1 take the singular). */
import type { Lang } from "./define.js";

const RULES: Record<Lang, Intl.PluralRules> = { fr: new Intl.PluralRules("fr-FR"), en: new Intl.PluralRules("en-GB") };

export function plural(lang: Lang, n: number, one: string, many: string): string {
  return `${n} ${RULES[lang].select(n) === "one" ? one : many}`;
}
