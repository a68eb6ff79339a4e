/**
 * Line edits on the text of a posting, byte for byte: only the targeted characters change; line
 * endings (LF, CRLF, mixed), the BOM, comments and spacing stay as they were.
 */
import { findFences } from "./front-matter-fences.js";
import { parsePosting } from "./parse-posting.js";

interface RawLine {
  /** Offset of the line's first character in the content. */
  start: number;
  /** The line without its line ending. */
  text: string;
}

function rawLines(content: string): RawLine[] {
  const lines: RawLine[] = [];
  for (let start = 0; ;) {
    const nl = content.indexOf("\n", start);
    if (nl === -1) return [...lines, { start, text: content.slice(start) }];
    lines.push({ start, text: content.slice(start, nl > start && content[nl - 1] === "\r" ? nl - 1 : nl) });
    start = nl + 1;
  }
}

/** [start, end) of the YAML scalar written after the colon (quotes included, comment excluded). */
function valueRange(rest: string): [number, number] | null {
  let i = 0;
  while (rest[i] === " " || rest[i] === "\t") i++;
  const first = rest[i];
  if (first === undefined || first === "#") return null;
  if (first === '"' || first === "'") {
    for (let j = i + 1; j < rest.length; j++) {
      if (first === '"' && rest[j] === "\\") j++;
      else if (rest[j] === first) {
        if (first === "'" && rest[j + 1] === "'") j++;
        else return [i, j + 1];
      }
    }
    return null;
  }
  const comment = /[ \t]#/.exec(rest.slice(i));
  const region = comment ? rest.slice(i, i + comment.index) : rest.slice(i);
  return [i, i + region.trimEnd().length];
}

/**
 * The value written on the one top-level `key:` line of the front matter (the key possibly
 * quoted): its source (quotes included, comment excluded), its offset in the content and its
 * line (1-based). Null when there is no front matter, no such line or several, or no value on it.
 */
export function frontMatterValue(content: string, key: string): { value: string; start: number; line: number } | null {
  const bom = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = rawLines(content);
  const fences = findFences(lines.map((l, i) => (i === 0 ? l.text.slice(bom) : l.text)));
  if (!fences.found) return null;
  const k = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const keyLine = new RegExp(`^(?:${k}|"${k}"|'${k}')[ \\t]*:`);
  const found = lines.slice(1, fences.closeLine - 1).filter((l) => keyLine.test(l.text));
  const [target] = found;
  if (!target || found.length !== 1) return null;
  const colon = target.text.indexOf(":") + 1;
  const range = valueRange(target.text.slice(colon));
  if (!range) return null;
  return {
    value: target.text.slice(colon + range[0], colon + range[1]),
    start: target.start + colon + range[0],
    line: lines.indexOf(target) + 1,
  };
}

/**
 * The content with `open: false` instead of the value of the top-level `open:` line of the front
 * matter. Null when there is no front matter, no `open:` line or several, its value is not on the
 * line, it is already `false`, or the result would not read as `open: false`.
 */
export function setOpenFalse(content: string): string | null {
  const open = frontMatterValue(content, "open");
  if (!open || /^(?:false|False|FALSE)$/.test(open.value)) return null;
  const edited = content.slice(0, open.start) + "false" + content.slice(open.start + open.value.length);
  return parsePosting(edited).data?.open === false ? edited : null;
}

/**
 * The content with line `line` (1-based) replaced by `text`, keeping that line's own line ending
 * (and the BOM when editing line 1). `text` may be several lines joined by "\n" (a fix that adds a
 * line): they are joined with the replaced line's ending. Throws a RangeError for a line that does
 * not exist or a `text` holding a carriage return.
 */
export function replaceLine(content: string, line: number, text: string): string {
  if (text.includes("\r")) throw new RangeError("replacement text must not hold a carriage return");
  const lines = rawLines(content);
  const target = Number.isInteger(line) ? lines[line - 1] : undefined;
  if (!target) throw new RangeError(`no line ${line}`);
  const end = target.start + target.text.length;
  const ending = /^\r?\n/.exec(content.slice(end, end + 2))?.[0] ?? "\n";
  const keepBom = line === 1 && content.charCodeAt(0) === 0xfeff && text.charCodeAt(0) !== 0xfeff ? "\uFEFF" : "";
  return content.slice(0, target.start) + keepBom + text.split("\n").join(ending) + content.slice(end);
}
