/**
 * Secrets and privacy in the logs of `npm start`'s entry point, spawned as in production
 * (NODE_ENV=production, LOG_LEVEL=debug, against the fake GitHub on loopback): stdout is JSON
 * lines without secrets or posting text. The in-process and CLI cases: secrets.test.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultState, FakeGitHub, startGitHubServer, type GitHubServer } from "../support/github/index.js";
import { testPrivateKey } from "../helpers/probot.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { deliver, signBody } from "../../bench/lib/webhook-delivery.js";
import { freePort, INSTALLATION_TOKEN, WEBHOOK_SECRET } from "./harness.js";
import { expectNoPostingText, expectNoSecret, PATH, POSTING } from "./secrets-checks.js";

describe("`npm start`'s entry point, spawned as in production", () => {
  let github: GitHubServer | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await github?.close();
  });

  it("NODE_ENV=production, LOG_LEVEL=debug: signed and forged deliveries, a GitHub that fails; stdout is JSON lines without secrets or posting text", async () => {
    // Fewer errors, no suggestions: production's pacing (1 s between writes and GraphQL
    // queries, 3 s between comments) keeps the test short.
    const clean = POSTING.replace("mon-entreprize", "mon-entreprise")
      .replace("independent", "indépendant")
      .replace("open: oui", "open: true");
    const state = defaultState({ files: [{ filename: PATH, status: "added", content: clean }] });
    const fake = new FakeGitHub({ installationToken: INSTALLATION_TOKEN });
    fake.add(state.repository);
    const labels = `/repos/${state.owner}/${state.repo}/labels`;
    github = await startGitHubServer(fake, { latencyMs: 5, fault: (method, path) => (method === "POST" && path === labels ? 403 : null) });
    const port = await freePort();
    const out: string[] = [];
    const err: string[] = [];
    // As `npm start` runs it: the bundle (test/docs/dist.e2e.test.ts keeps it equal to the sources).
    child = spawn(process.execPath, ["dist/server.js"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        LOG_LEVEL: "debug",
        APP_ID: "123",
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
        GHE_HOST: github.origin.replace("http://", ""),
        GHE_PROTOCOL: "http",
        CLOSING_SCHEDULE: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => out.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => err.push(d.toString()));
    await vi.waitFor(() => expect(out.join("")).toContain("Listening on"), { timeout: 20_000, interval: 100 });

    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    const payload = pullRequestEvent(state, "opened");
    expect((await deliver(url, { name: "pull_request", id: "prod-1", payload }, WEBHOOK_SECRET)).status).toBe(200);
    expect((await deliver(url, { name: "pull_request", id: "prod-2", payload }, "development")).status).toBe(400);
    expect(
      (await deliver(url, { name: "pull_request", id: "prod-3", payload }, WEBHOOK_SECRET, { signature: signBody("{}", WEBHOOK_SECRET) }))
        .status,
    ).toBe(400);
    expect(state.checkRuns).toHaveLength(1);
    expect(github.requests.filter((r) => r.path.endsWith("/pulls/2/reviews"))).toEqual([]);
    expect(github.requests.filter((r) => r.method === "POST" && r.path === labels).map((r) => r.status)).toEqual([403]); // refused, not retried

    const stdout = out.join("");
    const lines = stdout.split("\n").filter((l) => l.trim());
    for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
    expect(lines.some((l) => l.includes("GitHub request: POST"))).toBe(true); // debug level really on
    expect(lines.some((l) => l.includes('"msg":"review step failed"'))).toBe(true);
    expectNoSecret(stdout + err.join(""));
    expectNoPostingText(stdout + err.join(""));
  });
});
