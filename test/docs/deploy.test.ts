/**
 * docs/deploy.md: what can be checked of the container without a Docker engine (none runs on
 * the test machine: the image is not built), the `sed` that makes Probot's `.env` fit
 * `docker run --env-file`, and the plain Node host path run as typed in a copy of the project.
 * The image's CMD, ENV and HEALTHCHECK are run in test/docs/start.test.ts.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nock from "nock";
import { createProbot } from "probot";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { testPrivateKey } from "../helpers/probot.js";
import { cleanEnv, cleanup, freePort, start, tempFolder } from "./server.js";

afterAll(cleanup);

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const DOC = read("docs/deploy.md");
const shBlocks = [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().split("\n"));

/** `.env` as Probot's setup writes it (probot/lib/helpers/update-env.js): the key quoted, its newlines as \n. */
function probotDotEnv(secret: string): string {
  const lines = { APP_ID: "123456", PRIVATE_KEY: `"${testPrivateKey()}"`, WEBHOOK_SECRET: secret, GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "def" };
  return Object.entries(lines)
    .map(([k, v]) => `${k}=${v.replace(/\n/g, "\\n")}`)
    .join("\n");
}

/** How `docker run --env-file` reads a file: KEY=VALUE taken literally, # comments and blank lines skipped. */
function dockerEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const eq = line.indexOf("=");
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

/** Whether Probot, given this environment, signs its app token (the first thing any GitHub call needs). */
async function probotCanAuthenticate(env: Record<string, string>): Promise<boolean> {
  nock.disableNetConnect();
  const scope = nock("https://api.github.com")
    .get("/app")
    .reply(function () {
      const token = String(this.req.headers.authorization).replace(/^bearer /i, "");
      return [200, { id: 123456, slug: "recrutement-bot", token_parts: token.split(".").length }];
    });
  try {
    const probot = createProbot({ env });
    const octokit = await probot.auth();
    const res = await octokit.request("GET /app");
    return (res.data as { token_parts?: number }).token_parts === 3;
  } catch {
    return false;
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    void scope;
  }
}

describe("docs/deploy.md, container", () => {
  const dockerfile = read("Dockerfile");

  it("documents the build and run of the Dockerfile", () => {
    expect(shBlocks[0]![0]).toBe("docker build -t recrutement-bot .");
    expect(shBlocks[0]![1]).toMatch(/^docker run --env-file <\(sed -E '.*' \.env\) -p 3000:3000 recrutement-bot$/);
  });

  it("Dockerfile: two stages on Node 24 slim (build, then the bundles only), non-root user, health check on /ping", () => {
    const stages = dockerfile.split(/^(?=FROM )/m).filter((s) => s.startsWith("FROM "));
    expect(stages.map((s) => s.split("\n")[0])).toEqual(["FROM node:24-bookworm-slim AS build", "FROM node:24-bookworm-slim"]);
    const [build, runtime] = stages as [string, string];
    expect(build).toMatch(/^RUN npm ci --ignore-scripts\b/m);
    expect(build).toMatch(/^RUN npm run build$/m);
    // The runtime stage installs nothing: the bundle carries its packages.
    expect(runtime).not.toMatch(/npm ci|npm install/);
    expect(runtime).toMatch(/^COPY package\.json app\.yml \.\/$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(JSON.parse(dockerfile.match(/^CMD (\[.*\])$/m)![1]!)).toEqual(["node", "dist/server.js"]);
    expect(read(".node-version").trim()).toBe("24");
    const user = dockerfile.search(/^USER node$/m);
    expect(user).toBeGreaterThan(0);
    expect(user).toBeLessThan(dockerfile.search(/^CMD /m));
    expect(dockerfile).not.toMatch(/^USER root$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n\s*CMD node -e ".*\/ping.*"$/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    // What the app reads at run time is copied; secrets are never sent to the build.
    for (const copied of ["package.json package-lock.json", "app.yml", "src", "bin", "scripts"]) expect(dockerfile).toContain(copied);
    const ignored = read(".dockerignore").split("\n");
    for (const secret of [".env", "*.pem", "node_modules"]) expect(ignored).toContain(secret);
  });

  it("every package the app imports at run time is a dependency (npm ci --omit=dev has it)", () => {
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    const sources = spawnSync("git", ["grep", "-hE", "^import [^t].* from \"[^.]", "--", "src", "bin"], { cwd: PROJECT_ROOT, encoding: "utf8" }).stdout;
    const packages = new Set([...sources.matchAll(/from "((?:@[^/"]+\/)?[^/"]+)/g)].map((m) => m[1]!).filter((p) => !p.startsWith("node:")));
    expect(packages.size).toBeGreaterThan(3);
    for (const p of packages) expect(Object.keys(pkg.dependencies), p).toContain(p);
  });

  it("the sed of the docs makes Probot's quoted private key usable by docker run --env-file", async () => {
    const dir = tempFolder("recrutement-bot-envfile-");
    writeFileSync(path.join(dir, ".env"), probotDotEnv("un-secret-de-webhook-assez-long"));
    const sed = shBlocks[0]![1]!.match(/<\((sed -E '.*' \.env)\)/)![1]!;
    const r = spawnSync("bash", ["-c", sed], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const fixed = dockerEnvFile(r.stdout);
    expect(fixed.PRIVATE_KEY).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\\n/);
    expect(fixed.WEBHOOK_SECRET).toBe("un-secret-de-webhook-assez-long");
    expect(await probotCanAuthenticate(fixed)).toBe(true);
    // Without it, the quotes stay in the key and Probot cannot sign anything.
    const raw = dockerEnvFile(readFileSync(path.join(dir, ".env"), "utf8"));
    expect(raw.PRIVATE_KEY!.startsWith('"')).toBe(true);
    expect(await probotCanAuthenticate(raw)).toBe(false);
  });
});

describe("docs/deploy.md, plain Node host", () => {
  it("npm ci --omit=dev then npm start (node dist/server.js), with Probot's .env: the app answers and takes signed webhooks", async () => {
    expect(shBlocks[1]).toEqual(["npm ci --omit=dev", "npm start"]);
    const dir = tempFolder("recrutement-bot-host-");
    // A clone: the committed dist/ and what npm ci reads; no sources are needed to run.
    for (const f of ["package.json", "package-lock.json", "app.yml", "dist"]) cpSync(path.join(PROJECT_ROOT, f), path.join(dir, f), { recursive: true });
    const npmEnv = { ...process.env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };

    // As typed: no --ignore-scripts needed (no prepare script), and engines does not stop it.
    const install = spawnSync("sh", ["-c", shBlocks[1]![0]!], { cwd: dir, env: npmEnv, encoding: "utf8", timeout: 120_000 });
    expect(install.status, install.stderr).toBe(0);
    for (const dev of ["tsx", "typescript", "esbuild", "vitest", "nock"]) expect(existsSync(path.join(dir, "node_modules", dev)), dev).toBe(false);
    // Probot imports smee-client by name in development (`npm start` without credentials opens a channel).
    expect(existsSync(path.join(dir, "node_modules/smee-client/package.json"))).toBe(true);

    const secret = "un-secret-de-webhook-assez-long";
    // The credentials in .env, NODE_ENV=production from the environment (systemd, a shell): it starts.
    writeFileSync(path.join(dir, ".env"), `${probotDotEnv(secret)}\n`);
    const port = await freePort();
    await start(["npm", "start"], dir, cleanEnv({ PORT: String(port), NODE_ENV: "production" }), port);
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1, hook: {} });
    const response = await fetch(`http://localhost:${port}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": "deploy-test-1", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` },
      body,
    });
    expect(response.status).toBe(200);
  }, 240_000);

  // The start-up check judging .env as Probot reads it: test/server/check-environment.test.ts.
});
