/**
 * Resolves the app's suggestion threads whose problem is fixed: one GraphQL request with one
 * `resolveReviewThread` mutation per thread (ids travel as variables).
 */
import type { GitHub } from "../octokit.js";

export async function reconcileThreads(octokit: GitHub, threadIds: readonly string[]): Promise<void> {
  if (threadIds.length === 0) return;
  const declarations = threadIds.map((_, i) => `$t${i}: ID!`).join(", ");
  const selections = threadIds
    .map((_, i) => `t${i}: resolveReviewThread(input: { threadId: $t${i} }) { thread { id isResolved } }`)
    .join("\n  ");
  const variables = Object.fromEntries(threadIds.map((id, i) => [`t${i}`, id]));
  await octokit.graphql(`mutation ResolveThreads(${declarations}) {\n  ${selections}\n}`, variables);
}
