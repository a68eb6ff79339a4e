/** Webhook payloads for the hardening tests (from @octokit/webhooks-examples). */
import { createRequire } from "node:module";
import type { ClosingRepo } from "../support/github/index.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];
const pushExample = examples.find((e) => e.name === "push")!.examples[0] as Record<string, unknown> & {
  repository: Record<string, unknown>;
};

/** A push to the default branch of `repo` modifying `modified`. */
export function push(repo: Pick<ClosingRepo, "owner" | "repo" | "defaultBranch" | "headOid" | "treeOid">, modified: string[]) {
  return {
    ...structuredClone(pushExample),
    ref: `refs/heads/${repo.defaultBranch}`,
    deleted: false,
    installation: { id: 1, node_id: "x" },
    repository: {
      ...structuredClone(pushExample.repository),
      name: repo.repo,
      full_name: `${repo.owner}/${repo.repo}`,
      default_branch: repo.defaultBranch,
      owner: { ...(pushExample.repository.owner as object), login: repo.owner, name: repo.owner },
    },
    commits: [
      {
        id: repo.headOid,
        message: "m",
        timestamp: "2021-07-08T08:00:00Z",
        url: "",
        author: { name: "a", email: "a@b" },
        committer: { name: "a", email: "a@b" },
        distinct: true,
        tree_id: repo.treeOid,
        added: [],
        modified,
        removed: [],
      },
    ],
  };
}
