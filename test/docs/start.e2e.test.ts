/**
 * `npm start` as README and docs/deploy.md say, in a throwaway folder laid out like a checkout
 * (app.yml and package.json copied, src and node_modules linked), so that nothing Probot writes
 * (`.env`) can land in this repository:
 * - without credentials: Probot's setup page, whose « Register GitHub App » form posts the
 *   manifest of app.yml to GitHub (NO_SMEE_SETUP=true: smee.io is never contacted);
 * - with credentials, as the Docker image runs it (its CMD and ENV, in a folder laid out as the
 *   image: dist/, no node_modules): the server answers the health check of the Dockerfile and
 *   accepts a signed webhook, refuses an unsigned one;
 * - in development with WEBHOOK_PROXY_URL: `npm start` connects to the smee channel (smee-client,
 *   a dependency, which Probot imports by name), here a local stand-in for smee.io.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { testPrivateKey } from "../helpers/probot.js";
import { checkout, cleanEnv, cleanup, freePort, imageFolder, start } from "./server.js";

afterAll(cleanup);

/** The value of the `manifest` button as a browser reads it (the attribute is single-quoted). */
function manifestOfPage(html: string): { action: string; manifest: Record<string, unknown> } {
  const form = html.match(/<form action="([^"]+)" method="post"[^>]*>/);
  const button = html.match(/<button [^>]*name="manifest" id="manifest" value='([^']*)'/);
  if (!form || !button) throw new Error("no manifest form in the setup page");
  const value = button[1]!
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return { action: form[1]!, manifest: JSON.parse(value) as Record<string, unknown> };
}

const appYml = parse(readFileSync(path.join(PROJECT_ROOT, "app.yml"), "utf8")) as Record<string, unknown>;

describe.concurrent("npm start without credentials: setup mode", () => {
  it("serves Probot's setup page, whose form registers the app from app.yml; writes no .env", async () => {
    const [dir, orgDir] = [checkout(), checkout()];
    const [port, orgPort] = [await freePort(), await freePort()];
    await Promise.all([
      start(["npm", "start"], dir, cleanEnv({ PORT: String(port), NO_SMEE_SETUP: "true" }), port),
      start(["npm", "start"], orgDir, cleanEnv({ PORT: String(orgPort), NO_SMEE_SETUP: "true", GH_ORG: "mon-organisation" }), orgPort),
    ]);

    const root = await fetch(`http://localhost:${port}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/probot");

    const page = await fetch(`http://localhost:${port}/probot`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Register GitHub App");
    const { action, manifest } = manifestOfPage(html);
    expect(action).toBe("https://github.com/settings/apps/new");
    expect(manifest).toMatchObject({
      name: "recrutement-bot",
      description: appYml.description,
      url: appYml.url,
      public: false,
      default_events: appYml.default_events,
      default_permissions: appYml.default_permissions,
      hook_attributes: { url: `http://localhost:${port}/` },
      redirect_url: `http://localhost:${port}/probot/setup`,
    });

    // GH_ORG=mon-organisation npm start: the app is created in the organisation.
    const orgPage = await (await fetch(`http://localhost:${orgPort}/probot`)).text();
    expect(manifestOfPage(orgPage).action).toBe("https://github.com/organizations/mon-organisation/settings/apps/new");

    for (const d of [dir, orgDir]) expect(existsSync(path.join(d, ".env"))).toBe(false);
    expect(existsSync(path.join(PROJECT_ROOT, ".env"))).toBe(false);
  }, 90_000);
});

describe.concurrent("with credentials, as the Docker image runs it", () => {
  const dockerfile = readFileSync(path.join(PROJECT_ROOT, "Dockerfile"), "utf8");

  it("answers the Dockerfile's health check and takes signed webhooks only", async () => {
    const cmd = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)![1]!) as string[];
    expect(cmd).toEqual(["node", "dist/server.js"]);
    const imageEnv = Object.fromEntries([...dockerfile.matchAll(/^\s*(?:ENV\s+)?([A-Z_]+)=(\S+?)\s*\\?$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(imageEnv).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0", PORT: "3000" });

    const dir = imageFolder();
    const port = await freePort();
    const secret = "un-secret-de-webhook-assez-long";
    const env = cleanEnv({ ...imageEnv, PORT: String(port), APP_ID: "1", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: secret });
    await start(cmd, dir, env, port);

    const healthcheck = dockerfile.match(/^\s*CMD node -e "(.*)"$/m)![1]!;
    const health = spawnSync("node", ["-e", healthcheck], { env: { ...env }, encoding: "utf8", timeout: 20_000 });
    expect(health.status, health.stderr).toBe(0);
    const down = spawnSync("node", ["-e", healthcheck], {
      env: { ...env, PORT: String(await freePort()) },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(down.status).toBe(1);

    // A push to another branch than the default one: the app answers without calling GitHub.
    const body = JSON.stringify({
      ref: "refs/heads/autre",
      deleted: false,
      commits: [],
      repository: { default_branch: "main", name: "offres", owner: { login: "betagouv" } },
      installation: { id: 1 },
    });
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const headers = { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": "start-test-1" };
    const signed = await fetch(`http://localhost:${port}/api/github/webhooks`, {
      method: "POST",
      headers: { ...headers, "x-hub-signature-256": signature },
      body,
    });
    expect(signed.status).toBe(200);
    const forged = await fetch(`http://localhost:${port}/api/github/webhooks`, {
      method: "POST",
      headers: { ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      body,
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
  }, 90_000);
});

describe.concurrent("npm start in development: the smee channel", () => {
  it("connects to WEBHOOK_PROXY_URL with smee-client (an event stream), as the README promises", async () => {
    const { createServer } = await import("node:http");
    const seen: { path: string; accept: string }[] = [];
    const smee = createServer((req, res) => {
      seen.push({ path: req.url ?? "", accept: String(req.headers.accept ?? "") });
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write("event: ready\ndata: {}\n\n");
    });
    await new Promise<void>((resolve) => smee.listen(0, "127.0.0.1", resolve));
    const channel = `http://127.0.0.1:${(smee.address() as { port: number }).port}/canal-de-test`;
    try {
      const dir = checkout();
      const port = await freePort();
      await start(
        ["npm", "start"],
        dir,
        cleanEnv({
          PORT: String(port),
          APP_ID: "1",
          PRIVATE_KEY: testPrivateKey(),
          WEBHOOK_SECRET: "development",
          WEBHOOK_PROXY_URL: channel,
        }),
        port,
      );
      for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(seen[0]).toEqual({ path: "/canal-de-test", accept: "text/event-stream" });
    } finally {
      smee.closeAllConnections();
      smee.close();
    }
  }, 90_000);
});
