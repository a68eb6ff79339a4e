/**
 * Readings of postings kept by their git blob id, so that the app's next review or closing run
 * does not read an unchanged posting again: GitHub gives each file's blob id with its text, and
 * a blob id names its bytes. Only the reading is kept (parsePosting depends on the bytes alone);
 * the rules still run, with the options of the moment. Bounded: past `maxEntries` readings or
 * `maxBytes` of posting text, the least recently used go first. Pure: no I/O, no clock.
 */
import { Buffer } from "node:buffer";
import { parsePosting, type ParsedPosting } from "./parse-posting.js";

type Content = string | Uint8Array;

function sameContent(a: Content, b: Content): boolean {
  return typeof a === "string" || typeof b === "string" ? a === b : Buffer.compare(a, b) === 0;
}

export class PostingCache {
  private readonly entries = new Map<string, { content: Content; parsed: ParsedPosting }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 8 * 1024 * 1024,
    private readonly parse: (content: Content) => ParsedPosting = parsePosting,
  ) {}

  /** Readings kept now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The reading of `content`, whose git blob id is `blob`: kept from an earlier call when it was
   * the same content (checked, so a wrong id only costs a reading), read and kept otherwise.
   * Without a blob id (a file on disk), read and not kept.
   */
  read(blob: string | undefined, content: Content): ParsedPosting {
    if (!blob) return this.parse(content);
    const kept = this.entries.get(blob);
    if (kept) this.forget(blob);
    const entry = kept && sameContent(kept.content, content) ? kept : { content, parsed: this.parse(content) };
    const bytes = Buffer.byteLength(content);
    if (bytes > this.maxBytes) return entry.parsed; // kept, it would push every other reading out
    this.entries.set(blob, entry); // last in the Map's order: the most recently used
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.forget(oldest);
    }
    return entry.parsed;
  }

  private forget(blob: string): void {
    const entry = this.entries.get(blob);
    if (!entry) return;
    this.entries.delete(blob);
    this.bytes -= Buffer.byteLength(entry.content);
  }
}
