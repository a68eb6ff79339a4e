/**
 * The GitHub Action's inputs turned into the `recrutement-bot close --repo` command line.
 * The runner passes each input `name` as the variable INPUT_<NAME>, upper case, hyphens kept
 * (`dry-run` → `INPUT_DRY-RUN`), which is how @actions/core's getInput reads them. Outside a
 * runner (a shell cannot export `INPUT_DRY-RUN`), `INPUT_DRY_RUN` is read when the first is
 * absent. The documentation of the inputs is action.yml.
 *
 * Boolean inputs are read as @actions/core's getBooleanInput reads them (YAML 1.2 core schema):
 * `true | True | TRUE | false | False | FALSE`, nothing else. Anything else (`yes`, `1`, a typo,
 * an empty value) is an error that stops the Action before it reads or writes anything: a
 * misspelled `dry-run` must never write pull requests.
 */
import { t, type Lang } from "../messages/index.js";

export type Env = Readonly<Record<string, string | undefined>>;

export const TRUE_VALUES = ["true", "True", "TRUE"] as const;
export const FALSE_VALUES = ["false", "False", "FALSE"] as const;

/** An input the Action cannot run with: its message says which and what is accepted. */
export class ActionInputError extends Error {
  override name = "ActionInputError";
}

export function input(env: Env, name: string): string {
  const upper = name.replace(/ /g, "_").toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, "_")}`] ?? "").trim();
}

export function booleanInput(env: Env, name: string, lang: Lang): boolean {
  const value = input(env, name);
  if ((TRUE_VALUES as readonly string[]).includes(value)) return true;
  if ((FALSE_VALUES as readonly string[]).includes(value)) return false;
  throw new ActionInputError(t(lang, "action-bad-boolean", { name, value }));
}

/** The language of the Action's own messages: the `lang` input, French by default. */
export function actionLang(env: Env): Lang {
  return input(env, "lang") === "en" ? "en" : "fr";
}

/** The command line; throws ActionInputError for an input that is not what action.yml says. */
export function actionArgs(env: Env): string[] {
  const lang = actionLang(env);
  const args = ["close", "--repo", input(env, "repository") || (env.GITHUB_REPOSITORY ?? "")];
  if (booleanInput(env, "dry-run", lang)) args.push("--dry-run");
  if (input(env, "today")) args.push("--today", input(env, "today"));
  if (input(env, "lang")) args.push("--lang", input(env, "lang"));
  return args;
}
