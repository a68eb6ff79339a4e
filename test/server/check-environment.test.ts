import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { checkEnvironment } from "../../src/server/check-environment.js";

describe("start-up environment check", () => {
  it("refuses production without a webhook secret, or with Probot's development fallback", () => {
    expect(checkEnvironment({ NODE_ENV: "production" }).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "development" }).map((p) => p.variable)).toEqual(["WEBHOOK_SECRET"]);
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "short" })[0]?.message).toMatch(/trop court/);
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "a-long-enough-secret", WEBHOOK_PROXY_URL: "https://smee.io/x" }).map((p) => p.variable)).toEqual(["WEBHOOK_PROXY_URL"]);
  });
  it("accepts production with a real secret, and development without one (setup mode)", () => {
    expect(checkEnvironment({ NODE_ENV: "production", WEBHOOK_SECRET: "a-long-enough-secret" })).toEqual([]);
    expect(checkEnvironment({})).toEqual([]);
  });
  it("npm start's entry point exits 1 with the French message before listening", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "x" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("WEBHOOK_SECRET est obligatoire en production");
  });
});
