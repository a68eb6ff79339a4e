import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { checkEnvironment } from "../../src/app/check-environment.js";

describe("start-up environment check", () => {
  it("refuses production without a webhook secret, or with Probot's development fallback", () => {
    expect(checkEnvironment({ NODE_ENV: "production" }).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "development" }).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "short" })[0]?.message).toMatch(/trop court/);
    expect(
      checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "a-long-enough-secret", WEBHOOK_PROXY_URL: "https://smee.io/x" }).map(
        (p) => p.variable,
      ),
    ).toEqual(["WEBHOOK_PROXY_URL"]);
  });
  it("accepts production with a real secret, and development without one (setup mode)", () => {
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "a-long-enough-secret" })).toEqual([]);
    expect(checkEnvironment({})).toEqual([]);
  });
  it("npm start's entry point exits 1 with the French message before listening", () => {
    // As `npm start` runs it: the bundle (test/docs/dist.e2e.test.ts keeps it equal to the sources).
    const r = spawnSync(process.execPath, ["dist/server.js"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "x" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("WEBHOOK_SECRET est obligatoire en production");
  });
});

describe("the environment judged at start-up is Probot's: process.env overlaid with .env", () => {
  it("sees NODE_ENV and WEBHOOK_SECRET wherever they are set", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { effectiveEnv } = await import("../../src/app/effective-env.js");
    const dir = mkdtempSync(path.join(tmpdir(), "rb-env-"));
    try {
      expect(checkEnvironment(effectiveEnv({ NODE_ENV: "production" }, dir)).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
      writeFileSync(path.join(dir, ".env"), 'WEBHOOK_SECRET="un-secret-de-webhook-assez-long"\n');
      expect(checkEnvironment(effectiveEnv({ NODE_ENV: "production" }, dir))).toEqual([]);
      writeFileSync(path.join(dir, ".env"), "NODE_ENV=production\n# no secret\n");
      expect(checkEnvironment(effectiveEnv({}, dir)).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
      // .env wins over the environment, as in Probot's applyEnv.
      writeFileSync(path.join(dir, ".env"), "WEBHOOK_SECRET=development\n");
      expect(
        checkEnvironment(effectiveEnv({ NODE_ENV: "production", WEBHOOK_SECRET: "un-secret-de-webhook-assez-long" }, dir)).map(
          (p) => p.variable,
        ),
      ).toEqual(["WEBHOOK_SECRET"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm start's entry point refuses a production set only in .env (run from that folder)", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "rb-env-"));
    try {
      writeFileSync(path.join(dir, ".env"), "NODE_ENV=production\nAPP_ID=1\nPRIVATE_KEY=x\n");
      const main = path.resolve(import.meta.dirname, "../../dist/server.js");
      const r = spawnSync(process.execPath, [main], {
        cwd: dir,
        env: { PATH: process.env.PATH },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(r.stderr).toContain("WEBHOOK_SECRET est obligatoire en production");
      expect(r.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
