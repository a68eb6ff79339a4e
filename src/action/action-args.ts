/**
 * The GitHub Action's inputs (passed by action.yml as INPUT_* variables) turned into the
 * `recrutement-bot close --repo` command line.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function actionArgs(env: Env): string[] {
  const repo = env.INPUT_REPOSITORY || env.GITHUB_REPOSITORY || "";
  const args = ["close", "--repo", repo];
  if (/^true$/i.test(env.INPUT_DRY_RUN?.trim() ?? "")) args.push("--dry-run");
  if (env.INPUT_TODAY?.trim()) args.push("--today", env.INPUT_TODAY.trim());
  if (env.INPUT_LANG?.trim()) args.push("--lang", env.INPUT_LANG.trim());
  return args;
}
