/**
 * The Action's bundled entry, dist/action.js, run as a runner runs a `node24` action: `node
 * dist/action.js` with the runner's variables (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
 * GITHUB_API_URL, GITHUB_GRAPHQL_URL, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and every input of
 * action.yml as INPUT_<NAME>, hyphens kept, defaults filled in as the runner fills them.
 * GitHub is the tests' fake (test/support/github) on a loopback server, every request checked:
 * - `pull_request_target`: the review: a check run, the comment, the contract label.
 * - `schedule`: the closing: one pull request opened, `open: false` written.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";
import { closingRepo, defaultState, FakeGitHub, startGitHubServer } from "../support/github/index.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { posting } from "../github/closing/fixtures.js";
import { parseOutputs } from "../../src/action/outputs.js";

const ACTION = parse(readFileSync(path.join(PROJECT_ROOT, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
};
const WITH_ERRORS = readFileSync(path.join(PROJECT_ROOT, "test/fixtures/review/posting-with-errors.md"), "utf8");
const ws = tempTree({}, "recrutement-bot-action-");
afterAll(() => ws.cleanup());

/** The inputs as the runner passes them: `INPUT_` + the name upper-cased, hyphens kept; defaults evaluated. */
function inputs(given: Record<string, string>, token: string, repository: string): Record<string, string> {
  const github: Record<string, string> = { "${{ github.token }}": token, "${{ github.repository }}": repository };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs))
    env[`INPUT_${name.toUpperCase()}`] = given[name] ?? github[spec.default ?? ""] ?? spec.default ?? "";
  return env;
}

function runBundledAction(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; outputs: Record<string, string>; summary: string }> {
  const outputFile = path.join(ws.dir, `output-${Math.random().toString(36).slice(2)}`);
  const summaryFile = `${outputFile}-summary`;
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, ACTION.runs.main)], {
      cwd: ws.dir,
      env: {
        PATH: process.env.PATH,
        HOME: ws.dir,
        GITHUB_ACTIONS: "true",
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) =>
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputFile, "utf8")),
        summary: readFileSync(summaryFile, "utf8"),
      }),
    );
  });
}

describe("action.yml", () => {
  it("runs the committed bundle on Node 24, nothing installed", () => {
    expect(ACTION.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(ACTION.inputs.token!.default).toBe("${{ github.token }}");
  });
});

describe("dist/action.js run as a runner runs it", () => {
  it("pull_request_target: reviews the pull request (check run, comment, label), outputs and job summary", async () => {
    const file = "content/_jobs/2026-03-01-developpeur-mon-entreprise.md";
    const state = defaultState({
      owner: "betagouv",
      repo: "offres",
      defaultBranch: "main",
      files: [{ filename: file, status: "added", content: WITH_ERRORS }],
    });
    const fake = new FakeGitHub();
    fake.add(state.repository);
    const github = await startGitHubServer(fake, { latencyMs: 1 });
    try {
      const payload = pullRequestEvent(state, "opened", { fork: "contributrice" }) as Record<string, unknown>;
      const eventPath = path.join(ws.dir, "event-pr.json");
      writeFileSync(eventPath, JSON.stringify(payload));

      const r = await runBundledAction({
        GITHUB_EVENT_NAME: "pull_request_target",
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: "betagouv/offres",
        GITHUB_API_URL: github.baseUrl,
        GITHUB_GRAPHQL_URL: `${github.origin}/api/graphql`,
        ...inputs({}, "ghs_workflowToken", "betagouv/offres"),
      });
      expect(r.stderr).toBe("");
      expect(state.checkRuns).toHaveLength(1);
      const run = state.checkRuns[0]!;
      expect(run).toMatchObject({ head_sha: state.headSha, conclusion: "failure" });
      expect(r.stdout).toBe(`Pull request #2 relue\u202F: failure, ${run.title}\n`);
      expect(r.code).toBe(0);
      expect(state.comments).toHaveLength(1);
      expect(state.comments[0]!.body).toContain("<!-- recrutement-bot");
      expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
      expect(github.invalid).toEqual([]);
      expect(r.outputs).toEqual({ "reviewed": "true", "conclusion": "failure", "title": run.title, "failed-steps": "" });
      expect(r.summary).toMatch(
        new RegExp(
          `^## recrutement-bot — relecture de la pull request #2\\n\\n\\*\\*${run.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\*\\*\\n`,
        ),
      );
    } finally {
      await github.close();
    }
  }, 90_000);

  it("pull_request closed: nothing to review, nothing read", async () => {
    const state = defaultState({ owner: "betagouv", repo: "offres", defaultBranch: "main" });
    const fake = new FakeGitHub();
    fake.add(state.repository);
    const github = await startGitHubServer(fake, { latencyMs: 1 });
    try {
      const payload = { ...(pullRequestEvent(state, "opened") as Record<string, unknown>), action: "closed" };
      const eventPath = path.join(ws.dir, "event-closed.json");
      writeFileSync(eventPath, JSON.stringify(payload));
      const r = await runBundledAction({
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: github.baseUrl,
        ...inputs({}, "ghs_workflowToken", "betagouv/offres"),
      });
      expect(r).toMatchObject({ code: 0, stderr: "", stdout: "Pull request #2\u202F: rien à relire pour «\u202Fclosed\u202F».\n" });
      expect(r.outputs.reviewed).toBe("false");
      expect(github.requests).toEqual([]);
    } finally {
      await github.close();
    }
  }, 30_000);

  it("an event that triggers nothing, or dry-run: yes, stops before any request with an error annotation, exit code 2", async () => {
    const issues = await runBundledAction({
      GITHUB_EVENT_NAME: "issues",
      GITHUB_API_URL: "http://127.0.0.1:9",
      ...inputs({}, "t", "betagouv/offres"),
    });
    expect(issues.code).toBe(2);
    expect(issues.stderr).toBe(
      "::error title=recrutement-bot::L'évènement issues ne déclenche rien. L'Action relit les pull requests sur pull_request et pull_request_target, et ferme les offres expirées sur schedule, workflow_dispatch et push. Rien n'a été lu ni écrit.\n",
    );
    const typo = await runBundledAction({
      GITHUB_EVENT_NAME: "pull_request_target",
      GITHUB_API_URL: "http://127.0.0.1:9",
      ...inputs({ "dry-run": "yes" }, "t", "betagouv/offres"),
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Entrée dry-run de l'Action\u202F: «\u202Fyes\u202F» n'est pas un booléen.");
  }, 30_000);

  it("schedule: the closing opens one pull request for the expired posting, outputs and job summary", async () => {
    const name = "content/_jobs/2021-06-09-developpeur.md";
    const repo = closingRepo({ [name]: posting({ closing: "2021-07-07" }) });
    const fake = new FakeGitHub();
    fake.add(repo);
    const github = await startGitHubServer(fake);
    const base = github.origin;
    try {
      const r = await runBundledAction({
        GITHUB_EVENT_NAME: "schedule",
        GITHUB_EVENT_PATH: path.join(ws.dir, "absent.json"),
        GITHUB_REPOSITORY: "betagouv/offres",
        GITHUB_API_URL: base,
        GITHUB_GRAPHQL_URL: `${base}/graphql`,
        // `token: ""` in the workflow, the token in the step's env: GITHUB_TOKEN is used.
        GITHUB_TOKEN: "ghs_fromTheStepEnv",
        ...inputs({ today: "2021-07-08", token: "" }, "ghs_workflowToken", "betagouv/offres"),
      });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(repo.pulls).toHaveLength(1);
      const pr = repo.pulls[0]!;
      expect(pr).toMatchObject({ number: 100, head: "recrutement-bot/fermeture/2021-06-09-developpeur", state: "open" });
      expect(repo.branches.get(pr.head)![name]).toBe(posting({ closing: "2021-07-07", open: false }));
      expect(r.outputs).toEqual({
        "postings": "1",
        "planned": "1",
        "opened": "1",
        "updated": "0",
        "closed": "0",
        "failed": "0",
        "pull-requests": "[100]",
        "dry-run": "false",
      });
      expect(r.summary).toBe(
        `## recrutement-bot — fermeture des offres expirées\n\nPull requests ouvertes\u202F: 1 · mises à jour\u202F: 0 · fermées\u202F: 0 · en échec\u202F: 0\n\n\`\`\`text\n${r.stdout.trimEnd()}\n\`\`\`\n`,
      );
      expect(github.invalid).toEqual([]);
      expect([...new Set(github.requests.map((q) => String(q.authorization)))]).toEqual(["token ghs_fromTheStepEnv"]);
    } finally {
      await github.close();
    }
  }, 90_000);
});
