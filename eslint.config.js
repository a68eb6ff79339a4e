// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layers (CONTRIBUTING.md, « Organisation du code »): each folder of src/ imports only the
 * folders below it. `folders` are the project's folders a layer must not import (matched on the
 * relative import path), `packages` the packages it must not import.
 */
function layer(files, folders, packages = [], allowTypesFrom = []) {
  const why = `layers (CONTRIBUTING.md, « Organisation du code »): ${files[0].replace("/**/*.ts", "")} does not import`;
  const folderPattern = (names) => `^(\\.\\./)+(${names.join("|")})/`;
  return {
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: folderPattern(folders), message: `${why} ${folders.map((f) => `src/${f}`).join(", ")}.` },
            ...allowTypesFrom.map((f) => ({
              regex: folderPattern([f]),
              allowTypeImports: true,
              message: `${why} src/${f}, except its types.`,
            })),
            ...(packages.length > 0 ? [{ group: packages, message: `${why} ${packages.join(", ")}.` }] : []),
          ],
        },
      ],
    },
  };
}

const ENTRY_LAYERS = ["app", "cli", "action"];
const IO_PACKAGES = [
  "probot",
  "@octokit/*",
  "pino",
  "ioredis",
  "node:fs",
  "node:fs/*",
  "node:child_process",
  "node:http",
  "node:https",
  "node:net",
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: the TypeScript program of tsconfig.json, found per file by the project service.
    files: ["src/**/*.ts", "bin/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  // The code that runs for users (and what measures or builds it): every type-aware rule of the recommended set.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({
    ...config,
    files: ["src/**/*.ts", "bin/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
  })),
  {
    files: ["src/**/*.ts", "bin/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: {
      // An async function without await is how an implementation meets a Promise-returning
      // interface (the in-memory claim store beside Redis's, the CLI's command runners).
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // The replay reads the JSON bodies the app sent as they come (its `Json` type is `any` on purpose).
    files: ["scripts/lib/replay.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  // The engine is pure: postings in, data out; no GitHub, no files, no configuration file.
  layer(["src/core/**/*.ts"], ["config", "github", ...ENTRY_LAYERS], IO_PACKAGES, ["messages"]),
  layer(["src/messages/**/*.ts"], ["config", "github", ...ENTRY_LAYERS]),
  layer(["src/config/**/*.ts"], ["github", ...ENTRY_LAYERS]),
  // The adapters take an Octokit and a repository; who calls them (the app, the CLI, the Action) is above.
  layer(["src/github/**/*.ts"], ENTRY_LAYERS),
  // The three ways of running it stay apart: the server (src/app), the CLI, the Action (which runs the CLI's commands).
  layer(["src/app/**/*.ts"], ["cli", "action"]),
  layer(["src/cli/**/*.ts"], ["app", "action"]),
  layer(["src/action/**/*.ts"], ["app"]),
  {
    // Snapshots of French text hold narrow no-break spaces (U+202F) as vitest writes them.
    files: ["test/**/*.ts"],
    rules: { "no-irregular-whitespace": ["error", { skipTemplates: true }] },
  },
);
