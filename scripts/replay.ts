/**
 * `npm run replay -- <fixture.json>... [--json]`: sends recorded webhooks to the app, one after
 * the other in this process, with GitHub replaced by a fake (no network, no credentials), and
 * prints for each what the app would do: its requests to GitHub, then the check run, comment,
 * suggestions, labels, branches and pull requests it would write, then its log.
 * Fixtures: test/fixtures/replay/ (`npm run replay -- test/fixtures/replay/*.json`: all of them).
 *
 * Exit code: 0 replayed; 1 a request outside GitHub's REST description, or an error logged, in
 * any of them; 2 usage (no fixture, an unreadable fixture: then nothing is replayed).
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appActions, formatReplay, loadFixture, replay, replayFailed, type ReplayFixture } from "./lib/replay.js";

export const USAGE = `Utilisation : npm run replay -- <fixture.json>... [--json]

Rejoue des webhooks enregistrés contre l'application, l'un après l'autre, sans réseau ni
identifiants, et affiche ce qu'elle ferait sur GitHub. Fixtures : test/fixtures/replay/*.json.
  --json   les requêtes, les actions et le journal en JSON (un tableau pour plusieurs fixtures)`;

export interface ReplayIo {
  /** Where relative paths are taken from (npm runs scripts from the package folder: INIT_CWD is where npm was called). */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function main(argv: string[], io: ReplayIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  // Every fixture is read before any is replayed: a typo in the last one costs nothing.
  const fixtures: { file: string; shown: string; fixture: ReplayFixture }[] = [];
  for (const positional of parsed.positionals) {
    const file = path.resolve(io.cwd, positional);
    try {
      fixtures.push({ file, shown: path.relative(io.cwd, file) || file, fixture: loadFixture(file) });
    } catch (error) {
      io.stderr(`Fixture illisible : ${(error as Error).message}\n`);
      return 2;
    }
  }
  let failed = false;
  const json: unknown[] = [];
  for (const [i, { shown, fixture }] of fixtures.entries()) {
    const result = await replay(fixture);
    failed ||= replayFailed(result);
    const data = { requests: result.requests, invalid: result.invalid, actions: appActions(result), logs: result.logs };
    if (!parsed.values.json) io.stdout(`${i > 0 ? "\n" : ""}${formatReplay(result, shown)}`);
    else if (fixtures.length === 1) io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    else json.push({ fixture: shown, ...data });
  }
  if (parsed.values.json && fixtures.length > 1) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return failed ? 1 : 0;
}

// Run as a script (not when a test imports main).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
