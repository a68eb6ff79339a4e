/**
 * docs/deploy.md: what can be checked of the container without a Docker engine (none runs on
 * the test machine: the image is not built), and the `sed` that makes Probot's `.env` fit
 * `docker run --env-file`. The plain Node host path is run as typed in deploy.e2e.test.ts; the
 * image's CMD, ENV and HEALTHCHECK in start.e2e.test.ts.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nock from "nock";
import { createProbot } from "probot";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { asTyped } from "./documented-commands.js";
import { probotDotEnv } from "./probot-dot-env.js";
import { cleanup, tempFolder } from "./server.js";

afterAll(cleanup);

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const DOC = read("docs/deploy.md");
const shBlocks = [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().split("\n"));

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

  it("documents the build and run of the Dockerfile, then the Node host's install and start", () => {
    expect(shBlocks[0]![0]).toBe("docker build -t recrutement-bot .");
    expect(shBlocks[0]![1]).toMatch(/^docker run --env-file <\(sed -E '.*' \.env\) -p 3000:3000 recrutement-bot$/);
    expect(shBlocks[1]).toEqual(["npm ci --omit=dev", "npm start"]);
  });

  it(
    asTyped("docker-build", "Dockerfile: two stages on Node 24 slim (build, then the bundles only), non-root user, health check on /ping"),
    () => {
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
    },
  );

  it("every package the app imports at run time is a dependency (npm ci --omit=dev has it)", () => {
    const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
    const sources = spawnSync("git", ["grep", "-hE", '^import [^t].* from "[^.]', "--", "src", "bin"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    }).stdout;
    const packages = new Set(
      [...sources.matchAll(/from "((?:@[^/"]+\/)?[^/"]+)/g)].map((m) => m[1]!).filter((p) => !p.startsWith("node:")),
    );
    expect(packages.size).toBeGreaterThan(3);
    for (const p of packages) expect(Object.keys(pkg.dependencies), p).toContain(p);
  });

  it(asTyped("docker-run", "the sed of the docs makes Probot's quoted private key usable by docker run --env-file"), async () => {
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
