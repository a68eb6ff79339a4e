/** Webhook payloads from @octokit/webhooks-examples, adjusted to the fake repository's state. */
import { createRequire } from "node:module";
import type { FakeState } from "../../support/github/index.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, unknown>[] }[];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function example(name: string, action: string): Json {
  const found = examples.find((e) => e.name === name)?.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no example ${name}.${action}`);
  return structuredClone(found) as Json;
}

/** A `pull_request` event for the state's pull request, at its head commit. */
export function pullRequestEvent(
  state: FakeState,
  action: "opened" | "synchronize" | "reopened" | "ready_for_review" | "labeled" | "unlabeled" | "edited",
  options: { fork?: string; label?: string; sender?: { login: string; type: "User" | "Bot" }; changes?: Json } = {},
): Json {
  const payload = example("pull_request", action === "edited" ? "opened" : action);
  if (action === "edited") {
    payload.action = "edited";
    payload.changes = options.changes ?? { title: { from: "Ancien titre" } };
  }
  if (options.label !== undefined)
    payload.label = {
      ...(payload.label ?? { id: 1, node_id: "LA_1", url: "", color: "ededed", default: false, description: null }),
      name: options.label,
    };
  if (options.sender) payload.sender = { ...payload.sender, login: options.sender.login, type: options.sender.type };
  payload.number = state.number;
  payload.installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  payload.repository.name = state.repo;
  payload.repository.full_name = `${state.owner}/${state.repo}`;
  payload.repository.owner.login = state.owner;
  payload.repository.default_branch = state.defaultBranch;
  const pr = payload.pull_request;
  pr.number = state.number;
  pr.head.sha = state.headSha;
  pr.base.sha = state.baseSha;
  // As GitHub counts them (it lists 3,000 at most).
  pr.changed_files = state.files.length;
  if ("after" in payload) payload.after = state.headSha;
  pr.base.repo = structuredClone(payload.repository);
  if (options.fork) {
    // A pull request from a fork: the head commit lives in another repository.
    const fork = structuredClone(payload.repository);
    fork.id = 999;
    fork.owner.login = options.fork;
    fork.full_name = `${options.fork}/${state.repo}`;
    fork.fork = true;
    pr.head.repo = fork;
    pr.head.label = `${options.fork}:patch-1`;
    pr.head.user.login = options.fork;
  } else {
    pr.head.repo = structuredClone(payload.repository);
  }
  return payload;
}

/** A `check_run.rerequested` event for a check run of the app on the state's head commit. */
export function checkRunRerequestedEvent(state: FakeState, externalId: string): Json {
  const payload = example("check_run", "rerequested");
  payload.installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  payload.repository.name = state.repo;
  payload.repository.full_name = `${state.owner}/${state.repo}`;
  payload.repository.owner.login = state.owner;
  payload.repository.default_branch = state.defaultBranch;
  payload.check_run.name = "recrutement-bot";
  payload.check_run.head_sha = state.headSha;
  payload.check_run.external_id = externalId;
  payload.check_run.pull_requests = [];
  return payload;
}
