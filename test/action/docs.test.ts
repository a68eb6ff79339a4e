/**
 * docs/action.md: its three workflows (both jobs, the review, the closing) use this Action at
 * @v1 with the permissions each job needs, on events the Action handles, with no checkout; its
 * tables name every input and output of action.yml. No document pins @main.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { jobFor, reviewTargetOf, type PullRequestPayload } from "../../src/action/event.js";

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const DOC = read("docs/action.md");
const ACTION = parse(read("action.yml")) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

interface Workflow {
  on: Record<string, { types?: string[] } | { cron: string }[] | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; "steps": { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
}

function section(title: string): Workflow {
  const start = DOC.indexOf(`## ${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const block = DOC.slice(start).match(/```yaml\n([\s\S]*?)```/)![1]!;
  return parse(block) as Workflow;
}

const payload = (action: string, sender = "User"): PullRequestPayload => ({
  action,
  sender: { type: sender },
  repository: { name: "offres", owner: { login: "betagouv" }, default_branch: "main" },
  pull_request: { number: 1, head: { sha: "a" }, base: { sha: "b" } },
});

describe("docs/action.md", () => {
  const both = section("Relecture et fermeture dans un seul workflow");
  const review = section("La relecture seule");
  const closing = section("La fermeture seule");

  it("three workflows, one step each: this Action at @v1, no checkout of the pull request", () => {
    for (const wf of [both, review, closing]) {
      const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
      expect(steps).toHaveLength(1);
      expect(steps[0]!.uses).toBe("OWNER/recrutement-bot@v1");
      for (const key of Object.keys(steps[0]!.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(key);
      expect(JSON.stringify(wf)).not.toContain("actions/checkout");
    }
  });

  it("the permissions block of each job", () => {
    expect(both.permissions).toEqual({ "contents": "write", "pull-requests": "write", "checks": "write", "issues": "write" });
    expect(review.permissions).toEqual({ "contents": "read", "pull-requests": "write", "checks": "write", "issues": "write" });
    expect(closing.permissions).toEqual({ "contents": "write", "pull-requests": "write" });
  });

  it("each workflow's events run the job it is for; the review listens to every action the Action reviews", () => {
    expect(Object.keys(both.on).map(jobFor).sort()).toEqual(["close", "close", "review"]);
    expect(Object.keys(review.on).map(jobFor)).toEqual(["review"]);
    expect(Object.keys(closing.on).map(jobFor)).toEqual(["close", "close"]);
    for (const wf of [both, review]) {
      const types = (wf.on.pull_request_target as { types: string[] }).types;
      for (const action of ["opened", "synchronize", "reopened", "ready_for_review", "labeled", "unlabeled"]) {
        expect(reviewTargetOf(payload(action)), action).not.toBeNull();
        expect(types).toContain(action);
      }
      expect(types).toContain("edited");
      expect(reviewTargetOf(payload("edited"))).toBeNull();
      expect(reviewTargetOf({ ...payload("edited"), changes: { base: { ref: { from: "dev" } } } })).not.toBeNull();
      expect(reviewTargetOf(payload("labeled", "Bot"))).toBeNull();
      expect(reviewTargetOf(payload("closed"))).toBeNull();
    }
    expect(jobFor("issues")).toBe("unsupported");
  });

  it("names every input and output of action.yml", () => {
    for (const name of Object.keys(ACTION.inputs)) expect(DOC, name).toContain(`| \`${name}\` |`);
    for (const name of Object.keys(ACTION.outputs)) expect(DOC, name).toMatch(new RegExp(`\\| (\`[a-z-]+\`, )*\`${name}\`[ ,]`));
  });

  it("is linked from the README and docs/deploy.md; no document pins @main", () => {
    expect(read("README.md")).toContain("(docs/action.md)");
    expect(read("docs/deploy.md")).toContain("(action.md)");
    for (const file of ["README.md", "docs/action.md", "docs/deploy.md", "docs/fermeture.md"])
      expect(read(file), file).not.toContain("recrutement-bot@main");
  });
});
