/**
 * docs/deploy.md, the plain Node host, as typed in a copy of the project: `npm ci --omit=dev`
 * (the packages of a production install, no dev tools), then `npm start` (node dist/server.js)
 * with Probot's `.env`: the app answers and takes signed webhooks.
 * The start-up check judging .env as Probot reads it: test/app/check-environment.test.ts.
 */
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { cpSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";
import { probotDotEnv } from "./probot-dot-env.js";
import { cleanEnv, cleanup, freePort, start, tempFolder } from "./server.js";

afterAll(cleanup);

describe("docs/deploy.md, plain Node host", () => {
  const dir = tempFolder("recrutement-bot-host-");
  let install: { status: number; stderr: string };
  beforeAll(async () => {
    // A clone: the committed dist/ and what npm ci reads; no sources are needed to run.
    for (const f of ["package.json", "package-lock.json", "app.yml", "dist"])
      cpSync(path.join(PROJECT_ROOT, f), path.join(dir, f), { recursive: true });
    const npmEnv = {
      ...process.env,
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    // As typed: no --ignore-scripts needed (no prepare script), and engines does not stop it.
    install = await new Promise((resolve) => {
      execFile(
        "sh",
        ["-c", DOCUMENTED["host-install"].command],
        { cwd: dir, env: npmEnv, encoding: "utf8", timeout: 120_000 },
        (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? -1) : 0, stderr }),
      );
    });
  }, 150_000);

  it(asTyped("host-install"), () => {
    expect(install.status, install.stderr).toBe(0);
    for (const dev of ["tsx", "typescript", "esbuild", "vitest", "nock"])
      expect(existsSync(path.join(dir, "node_modules", dev)), dev).toBe(false);
    // Probot imports smee-client by name in development (`npm start` without credentials opens a channel).
    expect(existsSync(path.join(dir, "node_modules/smee-client/package.json"))).toBe(true);
  });

  it(
    asTyped(
      "host-start",
      "npm start, with Probot's .env and NODE_ENV=production from the environment: the app answers and takes signed webhooks",
    ),
    async () => {
      expect(install.status, install.stderr).toBe(0);
      const secret = "un-secret-de-webhook-assez-long";
      // The credentials in .env, NODE_ENV=production from the environment (systemd, a shell): it starts.
      writeFileSync(path.join(dir, ".env"), `${probotDotEnv(secret)}\n`);
      const port = await freePort();
      await start(DOCUMENTED["host-start"].command.split(" "), dir, cleanEnv({ PORT: String(port), NODE_ENV: "production" }), port);
      const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, hook: {} });
      const response = await fetch(`http://localhost:${port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "ping",
          "x-github-delivery": "deploy-test-1",
          "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
        },
        body,
      });
      expect(response.status).toBe(200);
    },
    60_000,
  );
});
