/**
 * The GitHub Action's inputs turned into the `recrutement-bot close --repo` command line.
 * action.yml passes each input `name` as the variable INPUT_<NAME> (upper case, `-` as `_`),
 * as @actions/core's getInput reads them; the documentation of the inputs is action.yml.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.toUpperCase().replace(/-/g, "_")}`] ?? "").trim();
}

export function actionArgs(env: Env): string[] {
  const args = ["close", "--repo", input(env, "repository")];
  if (/^true$/i.test(input(env, "dry-run"))) args.push("--dry-run");
  if (input(env, "today")) args.push("--today", input(env, "today"));
  if (input(env, "lang")) args.push("--lang", input(env, "lang"));
  return args;
}
