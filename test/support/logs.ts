/** A pino logger whose every line is kept: parsed, and as written (for the tests that read logs). */
import { Writable } from "node:stream";
import pino from "pino";

export interface CapturedLogs {
  /** Every line, parsed. */
  lines: Record<string, unknown>[];
  /** Everything written, as written. */
  text(): string;
}

/** JSON lines at `level` (debug unless told), each kept. */
export function captureLogs(level: pino.Level = "debug"): { log: pino.Logger; logs: CapturedLogs } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      raw.push(text);
      for (const line of text.split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level }, stream), logs: { lines, text: () => raw.join("") } };
}
