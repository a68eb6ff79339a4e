/**
 * The committed bundles (dist/, `npm run build`) are what the sources build to: rebuilt into a
 * temporary folder with the locked esbuild, every file is byte for byte the committed one, and
 * no other file is there ("check-dist"; CI also runs `npm run build` then `git diff --exit-code dist`).
 * The bundles carry every package but smee-client, so the Action runs with nothing installed.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";
import { buildBundles, ENTRIES } from "../../scripts/build.js";

const ws = tempTree({}, "recrutement-bot-dist-");
afterAll(() => ws.cleanup());

describe("dist/: the committed bundles", () => {
  it("rebuilding them changes nothing", async () => {
    const outdir = path.join(ws.dir, "dist");
    const built = await buildBundles(outdir);
    expect(built.map((f) => path.basename(f))).toEqual(Object.keys(ENTRIES).map((e) => `${e}.js`).sort());
    expect(readdirSync(path.join(PROJECT_ROOT, "dist")).sort()).toEqual(readdirSync(outdir).sort());
    for (const file of readdirSync(outdir)) {
      const fresh = readFileSync(path.join(outdir, file), "utf8");
      const committed = readFileSync(path.join(PROJECT_ROOT, "dist", file), "utf8");
      // Not toBe: a failure would print megabytes. The command to run says it all.
      expect(fresh === committed, `dist/${file} differs from its sources: run npm run build and commit dist/`).toBe(true);
    }
  }, 60_000);

  it("package.json: the CLI's bin, npm start and the Action use them; build is esbuild, pinned", () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string>; devDependencies: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.bin).toEqual({ "recrutement-bot": "dist/recrutement-bot.js" });
    expect(pkg.scripts.start).toBe("node dist/server.js");
    expect(pkg.scripts.build).toBe("tsx scripts/build.ts");
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.devDependencies.esbuild).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies.tsx).toBeDefined();
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(readFileSync(path.join(PROJECT_ROOT, "dist/recrutement-bot.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("the bundles need no package: only Node's own modules are required or imported (smee-client aside)", () => {
    for (const file of readdirSync(path.join(PROJECT_ROOT, "dist"))) {
      const text = readFileSync(path.join(PROJECT_ROOT, "dist", file), "utf8");
      const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g), ...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!.replace(/^node:/, "").split("/")[0]!));
      const builtins = new Set(spawnSync(process.execPath, ["-p", "require('node:module').builtinModules.join(' ')"], { encoding: "utf8" }).stdout.trim().split(" "));
      for (const name of required) expect(builtins.has(name), `${file}: ${name}`).toBe(true);
    }
  });
});
