/**
 * Entry point of the GitHub Action, bundled into dist/action.js (action.yml: `runs: using:
 * node24`, `main: dist/action.js`): on a pull request event it reviews the pull request, on
 * `schedule`, `workflow_dispatch` or `push` it runs the closing (run-action.ts).
 * GITHUB_API_URL and GITHUB_GRAPHQL_URL come from the workflow's environment.
 */
import { processIo } from "../cli/io.js";
import { runAction } from "./run-action.js";

process.exitCode = await runAction(processIo());
