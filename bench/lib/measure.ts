/**
 * Child process of bench/check-corpus.ts: runs ONE workload over the repeated corpus, once,
 * and prints JSON with its time and memory, so that each workload's memory is measured alone.
 *   node --import tsx bench/lib/measure.ts engine|naive|yaml [repeat]
 * Peak RSS: process.resourceUsage().maxRSS after minus before the run. Peak heap: heapUsed
 * sampled every 100 files, maximum minus the value before the run (no forced GC).
 */
import { loadCorpus } from "./corpus.js";
import { runEngine, runNaive, runYamlOnly, type Workload } from "./workloads.js";

const which = process.argv[2] as Workload;
if (which !== "engine" && which !== "naive" && which !== "yaml") {
  console.error("usage: measure.ts engine|naive|yaml [repeat]");
  process.exit(2);
}
const repeat = Number(process.argv[3] ?? 10);
const corpus = loadCorpus(repeat);

const maxRssBefore = process.resourceUsage().maxRSS; // KiB
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
const probe = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > heapPeak) heapPeak = h;
};
const started = performance.now();
const result =
  which === "engine" ? runEngine(corpus.files, corpus.options, probe) : which === "naive" ? runNaive(corpus.files, probe) : runYamlOnly(corpus.files, probe);
const ms = performance.now() - started;
probe();
const maxRssAfter = process.resourceUsage().maxRSS;

const MiB = 1024 * 1024;
process.stdout.write(
  `${JSON.stringify({
    which,
    files: result.files,
    ms,
    maxRssMiB: (maxRssAfter * 1024) / MiB,
    rssBeforeMiB: (maxRssBefore * 1024) / MiB,
    peakRssDeltaMiB: ((maxRssAfter - maxRssBefore) * 1024) / MiB,
    peakHeapDeltaMiB: (heapPeak - heapBefore) / MiB,
    checksum: result.checksum,
  })}\n`,
);
