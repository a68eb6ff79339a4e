import { afterEach, describe, expect, it } from "vitest";
import nock from "nock";
import { createRequire } from "node:module";
import type { Probot } from "probot";
import { mockGitHub } from "../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../helpers/probot.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: { action?: string }[] }[];

afterEach(() => nock.cleanAll());

describe("test harness: Probot + nock + OpenAPI check", () => {
  it("intercepts the app's requests, records them and checks them against the REST description", async () => {
    nock.disableNetConnect();
    const app = (probot: Probot) => {
      probot.on("pull_request.opened", async (context) => {
        await context.octokit.rest.issues.createComment(context.issue({ body: "hello" }));
      });
    };
    const { probot } = createTestProbot(app);
    const gh = mockGitHub();
    mockInstallationToken(gh.scope, 1);
    const payload = examples.find((e) => e.name === "pull_request")!.examples.find((e) => e.action === "opened") as Record<
      string,
      never
    > & {
      installation?: { id: number };
      repository: { full_name: string };
      number: number;
    };
    const withInstallation = { ...payload, installation: { id: 1, node_id: "x" } };
    gh.scope.post(`/repos/${payload.repository.full_name}/issues/${payload.number}/comments`, { body: "hello" }).reply(201, { id: 1 });
    await probot.receive({ id: "1", name: "pull_request", payload: withInstallation as never });
    expect(gh.calls()).toEqual([
      "POST /app/installations/1/access_tokens",
      `POST /repos/${payload.repository.full_name}/issues/${payload.number}/comments`,
    ]);
    gh.done();
  });
});
