/**
 * The committed bundles (dist/, `npm run build`): what package.json and the Action run, and
 * they carry every package but smee-client, so the Action runs with nothing installed. That
 * they are what the sources build to: dist.e2e.test.ts (and CI's check-dist).
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../cli/helpers.js";

describe("dist/: the committed bundles", () => {
  it("package.json: the CLI's bin, npm start and the Action use them; build is esbuild, pinned", () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
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
      const required = new Set(
        [...text.matchAll(/\brequire\("([^"]+)"\)/g), ...text.matchAll(/^import .* from "([^"]+)";$/gm)].map(
          (m) => m[1]!.replace(/^node:/, "").split("/")[0]!,
        ),
      );
      const builtins = new Set(builtinModules);
      for (const name of required) expect(builtins.has(name), `${file}: ${name}`).toBe(true);
    }
  });
});
