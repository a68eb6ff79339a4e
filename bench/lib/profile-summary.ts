/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per file, and
 * total (inclusive) time per function, top N. To see where a command's time goes, e.g. the CLI
 * on the corpus from the sources (file names and lines are the sources'):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bin/recrutement-bot.ts check test/fixtures/corpus/jobs
 *   npx tsx bench/lib/profile-summary.ts /tmp/prof/*.cpuprofile [N]
 * One summary per file given (a process with tsx writes two: the main thread and the loader's).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Self time per node from samples and time deltas (µs).
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const short = (url: string) => {
    const file = url.replace(/^file:\/\//, "");
    return file.includes("node_modules/")
      ? file.replace(/^.*node_modules\//, "nm:")
      : file.startsWith(REPO_ROOT + "/")
        ? path.relative(REPO_ROOT, file)
        : file;
  };
  const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

  const selfByFn = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    selfByFn.set(label(n), (selfByFn.get(label(n)) ?? 0) + t);
    const f = short(n.callFrame.url) || `(${n.callFrame.functionName})`;
    selfByFile.set(f, (selfByFile.get(f) ?? 0) + t);
    // inclusive: add t to every distinct function on the stack
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + t);
    }
  }

  const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${pct(t)} ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  };
  console.log(`\n# ${file}: ${(total / 1000).toFixed(0)} ms sampled`);
  print("self time by file", selfByFile);
  print("self time by function", selfByFn);
  print("inclusive time by function", inclusive);
}

// FILE… [N]: the profiles, then how many lines per list (25).
const args = process.argv.slice(2);
const top = args.length > 1 && /^\d+$/.test(args.at(-1)!) ? Number(args.pop()) : 25;
if (args.length === 0) {
  console.error("usage: profile-summary.ts FILE.cpuprofile… [N]");
  process.exit(2);
}
for (const file of args) summarise(file, top);
