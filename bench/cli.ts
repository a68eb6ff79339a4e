/**
 * `recrutement-bot check` as a person runs it (`npm run bench -- cli`): whole processes, from the
 * fork to the exit, next to `node -e 0` (Node's own start, the floor no command goes under).
 *
 * - The built bundle (`node dist/recrutement-bot.js`, what `npx recrutement-bot` and the pre-commit
 *   hook run): `--version` (loading the bundle, no work), `check` of one posting (a hook on a
 *   commit), `check` of the 543 postings of test/fixtures/corpus/jobs (a whole repository).
 * - The sources through tsx (`tsx bin/recrutement-bot.ts`, what `npm run cli` runs after npm's own
 *   start), for one posting and the corpus: what a contributor waits for.
 *
 * Each command runs once untimed (disk cache, and its exit status and output kept to compare),
 * then `runs` times, the commands taking turns so that other work on the machine falls on all
 * of them alike. Wall and CPU time (user + system, threads and children included) come from the
 * kernel through bash's `time` (bench/lib/process-time.ts). Output goes to a pipe this process
 * reads, as a terminal or a git hook would take it. The startup ids come from a file
 * (`--startups`), as in a repository without content/_startups.
 *
 * The bundle is dist/ as committed: after changing src/, `npm run build` first, or the bundle rows
 * measure the previous sources.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { timeProcess } from "./lib/process-time.js";
import { formatSpread, spread, table, type BenchOptions, type Section, type Spread } from "./lib/report.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS = "test/fixtures/corpus/jobs";
/** The newest dated posting of the corpus: no problem, exit 0. */
export const ONE_POSTING = `${CORPUS}/2023-01-10-dev-fullstack-signalconso.md`;
const STARTUPS = ["--startups", "test/fixtures/corpus/startups.txt"];
const BUNDLE = "dist/recrutement-bot.js";
const TSX_CLI = path.relative(REPO_ROOT, createRequire(import.meta.url).resolve("tsx/cli"));
const SOURCES = "bin/recrutement-bot.ts";

export interface CliCommand {
  id: string;
  label: string;
  /** Arguments of `node` (process.execPath). */
  args: string[];
  /** Timed runs (after the untimed one). */
  runs: number;
}

export interface CliRow {
  id: string;
  label: string;
  command: string;
  exitStatus: number | null;
  outputBytes: number;
  wallMs: Spread;
  cpuMs: Spread | null;
  userMs: Spread | null;
  systemMs: Spread | null;
}

export function defaultCommands(runs?: number): CliCommand[] {
  const bundle = runs ?? 10;
  const tsx = runs ?? 3;
  return [
    { id: "node", label: "`node -e 0` (plancher : Node seul)", args: ["-e", "0"], runs: bundle },
    { id: "bundle-version", label: "bundle, `--version` (chargement seul)", args: [BUNDLE, "--version"], runs: bundle },
    { id: "bundle-one", label: "bundle, `check` d'une offre", args: [BUNDLE, "check", ONE_POSTING, ...STARTUPS], runs: bundle },
    { id: "bundle-corpus", label: "bundle, `check` du corpus (543 offres)", args: [BUNDLE, "check", CORPUS, ...STARTUPS], runs: bundle },
    { id: "tsx-one", label: "sources (tsx), `check` d'une offre", args: [TSX_CLI, SOURCES, "check", ONE_POSTING, ...STARTUPS], runs: tsx },
    { id: "tsx-corpus", label: "sources (tsx), `check` du corpus", args: [TSX_CLI, SOURCES, "check", CORPUS, ...STARTUPS], runs: tsx },
  ];
}

export async function measureCommands(commands: readonly CliCommand[], options: BenchOptions = {}): Promise<CliRow[]> {
  // No colours, no debugger, no preloaded loader from the bench's own process.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NO_COLOR: "1" };
  const reference = commands.map((c) => {
    options.progress?.(`cli: ${c.id} (untimed run)`);
    const first = timeProcess(process.execPath, c.args, { cwd: REPO_ROOT, env });
    if (first.status === null || first.status > 1) throw new Error(`${c.id}: exit ${first.status}\n${first.output.slice(0, 2000)}`);
    return first;
  });
  const samples = commands.map(() => [] as ReturnType<typeof timeProcess>[]);
  const rounds = Math.max(...commands.map((c) => c.runs));
  for (let round = 0; round < rounds; round++) {
    options.progress?.(`cli: round ${round + 1}/${rounds}`);
    commands.forEach((c, i) => {
      if (round >= c.runs) return;
      const t = timeProcess(process.execPath, c.args, { cwd: REPO_ROOT, env });
      // The same work every time, or the figures compare nothing.
      if (t.status !== reference[i]!.status || t.output !== reference[i]!.output)
        throw new Error(`${c.id}: a run differs from the first (exit ${t.status})`);
      samples[i]!.push(t);
    });
  }
  return commands.map((c, i) => {
    const s = samples[i]!;
    const cpu = s.every((t) => t.cpuMs !== null);
    return {
      id: c.id,
      label: c.label,
      command: (c.args[0] === TSX_CLI ? ["tsx", ...c.args.slice(1)] : ["node", ...c.args]).join(" "),
      exitStatus: reference[i]!.status,
      outputBytes: Buffer.byteLength(reference[i]!.output),
      wallMs: spread(s.map((t) => t.wallMs)),
      cpuMs: cpu ? spread(s.map((t) => t.cpuMs!)) : null,
      userMs: cpu ? spread(s.map((t) => t.userMs!)) : null,
      systemMs: cpu ? spread(s.map((t) => t.systemMs!)) : null,
    };
  });
}

export function renderCli(rows: readonly CliRow[]): string[] {
  const floor = rows.find((r) => r.id === "node")?.cpuMs ?? null;
  const overFloor = (r: CliRow) => (r.id === "node" || !r.cpuMs || !floor ? "" : `+${Math.round(r.cpuMs.median - floor.median)} ms`);
  return [
    ...table(
      [
        "commande",
        "exécutions",
        "temps écoulé : médiane (min–max)",
        "temps CPU : médiane (min–max)",
        "CPU au-delà de `node -e 0`",
        "sortie",
      ],
      rows.map((r) => [
        r.label,
        String(r.wallMs.runs),
        formatSpread(r.wallMs),
        formatSpread(r.cpuMs),
        overFloor(r),
        `code ${r.exitStatus}, ${r.outputBytes} o`,
      ]),
      "lrrrrr",
    ),
    "",
    "Processus entiers, du fork à la sortie, mesurés par le noyau (`time` de bash). Temps CPU : user + sys du processus, tous ses fils d'exécution et ses enfants compris (tsx en lance un) ;",
    "il dépasse le temps écoulé quand plusieurs cœurs travaillent, il est en dessous quand le processus attend (disque, ou d'autres processus sur la machine : le temps écoulé en dépend, le temps CPU guère).",
    "Le bundle mesuré est dist/ tel que commité (`npm run build` après un changement des sources) ; `npm run cli` ajoute le démarrage de npm aux lignes tsx.",
  ];
}

export async function run(options: BenchOptions = {}): Promise<Section<{ rows: CliRow[] }>> {
  const rows = await measureCommands(defaultCommands(options.runs), options);
  return { name: "cli", title: "Ligne de commande : `recrutement-bot check`, processus entier", data: { rows }, text: renderCli(rows) };
}
