/**
 * `npm run bench`: runs every benchmark listed below, in order (`npm run bench -- NAME…` for some).
 * A benchmark is a module exporting `async function run(): Promise<void>` that prints its own section.
 */
import * as checkCorpus from "./check-corpus.js";
import * as closingScan from "./closing-scan.js";
import * as load from "./load.js";
import * as reviewRequests from "./review-requests.js";

const benchmarks: Record<string, { run(): Promise<void> }> = {
  "check-corpus": checkCorpus,
  "review-requests": reviewRequests,
  "closing-scan": closingScan,
  load,
};

const only = process.argv.slice(2);
for (const [name, benchmark] of Object.entries(benchmarks)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await benchmark.run();
}
