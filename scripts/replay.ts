/**
 * `npm run replay -- <fixture.json> [--json]`: sends a recorded webhook to the app, in this
 * process, with GitHub replaced by a fake (no network, no credentials), and prints what the app
 * would do: its requests to GitHub, then the check run, comment, suggestions, labels, branches
 * and pull requests it would write, then its log. Fixtures: test/fixtures/replay/.
 *
 * Exit code: 0 replayed; 1 a request outside GitHub's REST description, or an error logged;
 * 2 usage (no fixture, unreadable fixture).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { appActions, formatReplay, loadFixture, replay, replayFailed, type ReplayFixture } from "./lib/replay.js";

const USAGE = `Utilisation : npm run replay -- <fixture.json> [--json]

Rejoue un webhook enregistré contre l'application, sans réseau ni identifiants, et affiche ce
qu'elle ferait sur GitHub. Fixtures : test/fixtures/replay/*.json.
  --json   les requêtes, les actions et le journal en JSON`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  // npm runs scripts from the package folder: a relative path is taken from where npm was called.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]!);
  let fixture: ReplayFixture;
  try {
    fixture = loadFixture(file);
  } catch (error) {
    console.error(`Fixture illisible : ${(error as Error).message}`);
    return 2;
  }
  const result = await replay(fixture);
  const shown = path.relative(process.cwd(), file) || file;
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify({ requests: result.requests, invalid: result.invalid, actions: appActions(result), logs: result.logs }, null, 2)}\n`);
  } else {
    process.stdout.write(formatReplay(result, shown));
  }
  return replayFailed(result) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
