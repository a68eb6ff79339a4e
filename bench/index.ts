/**
 * `npm run bench`: what people wait for and what GitHub is asked, measured (CONTRIBUTING.md,
 * « Mesurer »). Runs the benchmarks below in this order, or those named:
 *   npm run bench -- [NAME…] [--runs N] [--json]
 * Text report (Markdown) on stdout by default; `--json`: one JSON document instead. Progress goes
 * to stderr when it is a terminal.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as cli from "./cli.js";
import * as closingScan from "./closing-scan.js";
import * as load from "./load.js";
import { machine, type Benchmark, type Section } from "./lib/report.js";
import * as reviewLatency from "./review-latency.js";
import * as reviewRequests from "./review-requests.js";

export const BENCHMARKS: Benchmark[] = [
  {
    name: "cli",
    summary:
      "`recrutement-bot check` d'une offre et du corpus (543 offres) : processus entiers, temps écoulé et CPU, à côté de `node -e 0`",
    run: cli.run,
  },
  { name: "review-requests", summary: "requêtes GitHub par relecture, push après push (GitHub imité par nock)", run: reviewRequests.run },
  {
    name: "review-latency",
    summary: "du webhook à la dernière écriture, à travers l'application réelle (bundle déployé, et sans régulation)",
    run: reviewLatency.run,
  },
  { name: "closing-scan", summary: "requêtes GitHub pour lire les 543 offres du dépôt (fermeture)", run: closingScan.run },
  { name: "load", summary: "rafale de 500 webhooks : réponses sous 10 s, rien de perdu ni d'écrit deux fois, mémoire", run: load.run },
];

export const USAGE = [
  "Utilisation : npm run bench -- [NOM…] [--runs N] [--json]",
  "",
  "Mesures (toutes, dans cet ordre, sans NOM) :",
  ...BENCHMARKS.map((b) => `  ${b.name.padEnd(16)} ${b.summary}`),
  "",
  "Options :",
  "  --runs N   répétitions de chaque mesure (défaut : 10 par commande pour cli, 3 par les sources ;",
  "             3 livraisons par scénario pour l'app déployée, 5 sans régulation)",
  "  --json     un document JSON au lieu du rapport texte",
  "  -h, --help affiche cette aide",
].join("\n");

export interface BenchArgs {
  names: string[];
  runs: number | undefined;
  json: boolean;
  help: boolean;
}

/** The command line, or an error message. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { runs: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const unknown = positionals.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) return `mesure inconnue : ${unknown.join(", ")} (connues : ${BENCHMARKS.map((b) => b.name).join(", ")})`;
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) return `--runs attend un entier ≥ 1, pas « ${values.runs} »`;
  return { names: positionals, runs, json: values.json ?? false, help: values.help ?? false };
}

function header(m: ReturnType<typeof machine>, date: string): string[] {
  return [
    `# npm run bench, ${date}`,
    "",
    `Machine : Node ${m.node}, ${m.platform}, ${m.cpus} processeur(s) (${m.cpuModel}) ; charge moyenne au départ ${m.loadAverage.join(" / ")} (1, 5, 15 min).`,
    "D'autres processus sur la machine allongent les temps écoulés ; les temps CPU et les nombres de requêtes n'en dépendent pas.",
  ];
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (typeof args === "string") {
    console.error(`${args}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const selected = BENCHMARKS.filter((b) => args.names.length === 0 || args.names.includes(b.name));
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`… ${line}\n`) : undefined;
  const date = new Date().toISOString();
  const m = machine();
  if (!args.json) console.log(header(m, date).join("\n"));
  const sections: Section[] = [];
  for (const b of selected) {
    progress?.(b.name);
    const section = await b.run({ runs: args.runs, progress });
    sections.push(section);
    if (!args.json) console.log(["", `## ${section.title} (${section.name})`, "", ...section.text].join("\n"));
  }
  const loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  if (args.json)
    console.log(
      JSON.stringify(
        {
          date,
          machine: m,
          loadAverageAtEnd: loadAtEnd,
          runs: args.runs ?? null,
          sections: Object.fromEntries(sections.map((s) => [s.name, { title: s.title, ...(s.data as object) }])),
        },
        null,
        2,
      ),
    );
  else console.log(`\nCharge moyenne à la fin : ${loadAtEnd.join(" / ")}.`);
  return 0;
}

// Run when started (`tsx bench/index.ts`), not when a test imports it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await main(process.argv.slice(2));
