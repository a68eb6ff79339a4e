import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Three projects, all run by `npm test` (`vitest run`); `npm run test:fast` runs all but e2e.
 * - e2e: test/**\/*.e2e.test.ts, the tests that spawn what users type (npm, npx, tsx, git, the
 *   server, the Action's bundle, Chromium, esbuild) in throwaway folders;
 * - isolated: the test files that change what a later file in the same process would see
 *   (module mocks, fake timers, stubbed environment or globals: `SHARED_STATE` finds them), each
 *   in a fresh process, as vitest does by default;
 * - shared: the other test files, in shared worker processes (`isolate: false`): a file reuses
 *   the modules the worker already loaded (Probot, Octokit, nock, the sources) instead of
 *   starting a process and loading them again, which cost about 1.4 CPU-second per file, half
 *   of the fast part's CPU time (CONTRIBUTING.md « Installer et tester »).
 * vitest queues the files by project name, so the slow ones (e2e, isolated) start first.
 * The projects do not `extends: true` the root, so that what is set at the top level runs once
 * per run (a project that extends the root would run its globalSetup again).
 */
const E2E = "test/**/*.e2e.test.ts";
const SHARED_STATE =
  /\bvi\.(mock|doMock|useFakeTimers|stubEnv|stubGlobal)\(|\bglobalThis\.\w+\s*=[^=]|\bprocess\.env(\.\w+|\[[^\]]+\])\s*=[^=]|\bdelete process\.env\b/;
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const isolated = readdirSync(path.join(ROOT, "test"), { recursive: true, encoding: "utf8" })
  .map((f) => `test/${f.split(path.sep).join("/")}`)
  .filter((f) => f.endsWith(".test.ts") && !f.endsWith(".e2e.test.ts"))
  .filter((f) => SHARED_STATE.test(readFileSync(path.join(ROOT, f), "utf8")))
  .sort();

const project = {
  testTimeout: 20_000,
  pool: "forks",
} as const;

export default defineConfig({
  test: {
    // GitHub's REST and GraphQL descriptions reduced once per run (test/support/github/descriptions.ts).
    globalSetup: ["test/support/github/global-setup.ts"],
    // vitest's default is one worker fewer than the CPUs, one worker on two CPUs: the tests wait
    // on child processes, servers and files often enough that one worker per CPU is faster.
    maxWorkers: "100%",
    projects: [
      { test: { ...project, name: "e2e", include: [E2E], testTimeout: 120_000 } },
      { test: { ...project, name: "isolated", include: isolated } },
      {
        test: {
          ...project,
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [E2E, ...isolated],
          isolate: false,
          setupFiles: ["test/support/reset-between-files.ts"],
        },
      },
    ],
  },
});
