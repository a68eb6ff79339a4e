/**
 * `npm start`: runs the app with Probot's server. With no APP_ID/PRIVATE_KEY (outside
 * production) Probot opens its setup page, which registers the app from `app.yml`.
 * GitHub is called with timeouts, bounded answers and a retry policy (src/github/create-app-octokit.ts).
 */
import { run } from "probot";
import app from "./create-app.js";
import { checkEnvironment } from "./check-environment.js";
import { effectiveEnv } from "./effective-env.js";
import { createAppOctokit } from "../github/create-app-octokit.js";

const problems = checkEnvironment(effectiveEnv(process.env, process.cwd()));
if (problems.length > 0) {
  for (const p of problems) console.error(`recrutement-bot: ${p.message}`);
  process.exit(1);
}

await run(app, { Octokit: createAppOctokit() });
