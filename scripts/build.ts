/**
 * `npm run build`: one ESM bundle per entry, built by esbuild into dist/ (committed: the Action
 * runs dist/action.js as is, with nothing installed). Every dependency is in the bundle, except
 * smee-client, which Probot imports by name in development only (`npm start` without
 * WEBHOOK_PROXY_URL … see docs/deploy.md) and which stays a package.
 *
 *   dist/server.js           ← src/app/main.ts          (`npm start`, the container)
 *   dist/recrutement-bot.js  ← bin/recrutement-bot.ts   (the CLI, package.json `bin`)
 *   dist/action.js           ← src/action/main.ts       (action.yml, `runs: using: node24`)
 *
 * The output depends only on the sources and the locked packages: test/docs/dist.e2e.test.ts builds
 * again into a temporary folder and fails when a committed bundle differs ("check-dist").
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundle name (in dist/, without .js) → entry source. */
export const ENTRIES: Readonly<Record<string, string>> = {
  "server": "src/app/main.ts",
  "recrutement-bot": "bin/recrutement-bot.ts",
  "action": "src/action/main.ts",
};

/** Node 22 is the oldest supported (package.json engines). */
export const TARGET = "node22";

// CommonJS packages inside an ESM bundle still call require() on Node's modules.
const BANNER =
  'import { createRequire as __bundleCreateRequire } from "node:module";\nconst require = __bundleCreateRequire(import.meta.url);';

export async function buildBundles(outdir: string): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ out, in: source })),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: TARGET,
    banner: { js: BANNER },
    external: ["smee-client"],
    legalComments: "eof",
    logLevel: "warning",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = path.resolve(PROJECT_ROOT, process.argv[2] ?? "dist");
  for (const file of await buildBundles(outdir)) console.log(file);
}
