import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
    // GitHub's REST and GraphQL descriptions reduced once per run (test/support/github/descriptions.ts).
    globalSetup: ["test/support/github/global-setup.ts"],
  },
});
