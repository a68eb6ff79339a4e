/**
 * Benchmark: the real corpus (jobs + submissions: 889 files) repeated ten times (8,890 files),
 * through
 *   (a) the engine as the CLI calls it: checkPosting on the bytes, every message rendered (fr);
 *   (b) a naive baseline: gray-matter + a zod parse of the data, no positions, no messages;
 *   (c) for information, the floor of the engine's approach: UTF-8 decoding + the `yaml`
 *       library's Document (what the engine parses with), no rule at all.
 * Files are read into memory once, OUTSIDE the timing (the reading time is printed apart).
 * Time: same process, one warm-up pass each, then 5 rounds (a, b, c alternated), median.
 * Memory: each workload alone in a child process (bench/lib/measure.ts), one cold pass.
 */
import { execFileSync } from "node:child_process";
import { CORPUS_DIR, loadCorpus, REPO_ROOT } from "./lib/corpus.js";
import { runEngine, runNaive, runYamlOnly, type RunResult, type Workload } from "./lib/workloads.js";

const RUNS = 5;
const REPEAT = 10;
export const TARGET_RATIO = 1.5;

interface Measure {
  which: Workload;
  files: number;
  ms: number;
  maxRssMiB: number;
  rssBeforeMiB: number;
  peakRssDeltaMiB: number;
  peakHeapDeltaMiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function child(which: Workload): Measure {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/lib/measure.ts", which, String(REPEAT)], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, RECRUTEMENT_BOT_CORPUS: CORPUS_DIR },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Measure;
}

export async function run(): Promise<void> {
  console.log("\n## check-corpus: engine (checkPosting) vs naive loop (gray-matter + zod)\n");
  const corpus = loadCorpus(REPEAT);
  const n = corpus.files.length;
  console.log(`corpus: ${corpus.distinct} files (jobs + submissions) × ${REPEAT} = ${n} files, read into memory once in ${corpus.readMs.toFixed(0)} ms, outside the timing`);

  const workloads: Record<Workload, () => RunResult> = {
    engine: () => runEngine(corpus.files, corpus.options),
    naive: () => runNaive(corpus.files),
    yaml: () => runYamlOnly(corpus.files),
  };
  const names = Object.keys(workloads) as Workload[];
  const checksums = new Map<Workload, number>();
  for (const w of names) checksums.set(w, workloads[w]().checksum); // warm-up
  const times = new Map<Workload, number[]>(names.map((w) => [w, []]));
  for (let i = 0; i < RUNS; i++)
    for (const w of names) {
      const t0 = performance.now();
      const r = workloads[w]();
      times.get(w)!.push(performance.now() - t0);
      if (r.checksum !== checksums.get(w)) throw new Error(`${w}: results differ from run to run`);
    }
  const ms = (w: Workload) => median(times.get(w)!);
  const mem = Object.fromEntries(names.map((w) => [w, child(w)])) as Record<Workload, Measure>;

  const labels: Record<Workload, string> = {
    engine: "(a) engine: checkPosting",
    naive: "(b) naive: gray-matter + zod",
    yaml: "(c) floor: decode + yaml Document",
  };
  console.log(`\ntime: median of ${RUNS} rounds after one warm-up pass; memory: one cold pass, each workload alone in a child process\n`);
  console.log("| workload                          |  wall ms |  files/s | child ms | peak RSS MiB | ΔRSS MiB | Δheap MiB |");
  console.log("|-----------------------------------|---------:|---------:|---------:|-------------:|---------:|----------:|");
  for (const w of names) {
    const m = mem[w];
    console.log(
      `| ${labels[w].padEnd(33)} | ${ms(w).toFixed(0).padStart(8)} | ${((n / ms(w)) * 1000).toFixed(0).padStart(8)} | ${m.ms.toFixed(0).padStart(8)} | ${m.maxRssMiB.toFixed(1).padStart(12)} | ${m.peakRssDeltaMiB.toFixed(1).padStart(8)} | ${m.peakHeapDeltaMiB.toFixed(1).padStart(9)} |`,
    );
  }
  console.log(`\nchild ms: the child's single cold pass (JIT not warm). peak RSS: process.resourceUsage().maxRSS of the child (tsx, both libraries and the ${n} files loaded);`);
  console.log("ΔRSS: its growth during the pass; Δheap: highest heapUsed sampled every 100 files minus before the pass.");
  for (const w of names) console.log(`rounds ${w} (ms): ${times.get(w)!.map((x) => x.toFixed(0)).join(", ")}`);
  const ratio = ms("engine") / ms("naive");
  console.log(`\nratio engine/naive: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? "OK" : "ABOVE TARGET"}`);
  console.log(`ratio floor (yaml alone)/naive: ${(ms("yaml") / ms("naive")).toFixed(2)}×; engine/floor: ${(ms("engine") / ms("yaml")).toFixed(2)}×`);
}
