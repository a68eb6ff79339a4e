/**
 * Entry point of the GitHub Action (action.yml, `node --import tsx src/action/main.ts`): runs
 * `recrutement-bot close --repo <repository>` with the action's inputs (run-action.ts).
 * GITHUB_TOKEN, GITHUB_API_URL and GITHUB_GRAPHQL_URL come from the workflow's environment.
 */
import { processIo } from "../cli/io.js";
import { runAction } from "./run-action.js";

process.exitCode = await runAction(processIo());
