/**
 * What every benchmark gives back, and the small helpers their text reports share. A benchmark
 * measures, then returns its figures as data (printed by `--json`) with its text (the default).
 */
import { cpus, loadavg } from "node:os";

export interface BenchOptions {
  /** Repetitions of each measure (each benchmark has its own default when undefined). */
  runs?: number;
  /** Where progress goes (stderr; nothing in tests). */
  progress?: (line: string) => void;
}

export interface Section<Data = unknown> {
  name: string;
  title: string;
  data: Data;
  /** The readable report: lines of text (Markdown tables). */
  text: string[];
}

export interface Benchmark {
  name: string;
  /** One line for `--help`. */
  summary: string;
  run(options: BenchOptions): Promise<Section>;
}

/** Median, lowest and highest of a series (the median of an even count is the mean of the middle two). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("spread of nothing");
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s.at(-1)!, runs: s.length };
}

/** `123 ms (110–140)`; one run: `123 ms`. */
export function formatSpread(x: Spread | null, unit = "ms"): string {
  if (x === null) return "—";
  const r = (n: number) => String(Math.round(n));
  return x.runs === 1 || x.min === x.max ? `${r(x.median)} ${unit}` : `${r(x.median)} ${unit} (${r(x.min)}–${r(x.max)})`;
}

/** A Markdown table, columns aligned as given (`l` or `r`). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: string = "l".repeat(header.length),
): string[] {
  const sep = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [header, sep, ...rows].map((cells) => `| ${cells.join(" | ")} |`);
}

export interface Machine {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** Load average over 1, 5 and 15 minutes when the bench started (other work on the machine). */
  loadAverage: number[];
}

export function machine(): Machine {
  const list = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model ?? "?",
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
