/**
 * Entry point of the GitHub Action (action.yml, `node --import tsx src/action/main.ts`): runs
 * `recrutement-bot close --repo <repository>` with the action's inputs. GITHUB_TOKEN,
 * GITHUB_API_URL and GITHUB_GRAPHQL_URL come from the workflow's environment.
 */
import { main } from "../cli/main.js";
import { processIo } from "../cli/io.js";
import { actionArgs } from "./action-args.js";

process.exitCode = await main(actionArgs(process.env), processIo());
