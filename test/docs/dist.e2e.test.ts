/**
 * The committed bundles (dist/, `npm run build`) are what the sources build to: rebuilt into a
 * temporary folder with the locked esbuild, every file is byte for byte the committed one, and
 * no other file is there ("check-dist"; CI also runs `npm run build` then `git diff --exit-code dist`).
 * End to end (esbuild's own process, the whole source tree): after changing the sources, this
 * fails until `npm run build`.
 */
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
    expect(built.map((f) => path.basename(f))).toEqual(
      Object.keys(ENTRIES)
        .map((e) => `${e}.js`)
        .sort(),
    );
    expect(readdirSync(path.join(PROJECT_ROOT, "dist")).sort()).toEqual(readdirSync(outdir).sort());
    for (const file of readdirSync(outdir)) {
      const fresh = readFileSync(path.join(outdir, file), "utf8");
      const committed = readFileSync(path.join(PROJECT_ROOT, "dist", file), "utf8");
      // Not toBe: a failure would print megabytes. The command to run says it all.
      expect(fresh === committed, `dist/${file} differs from its sources: run npm run build and commit dist/`).toBe(true);
    }
  }, 60_000);
});
