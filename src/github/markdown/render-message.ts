/**
 * Renders a catalogue message whose parameters come from a posting, as markdown that cannot be
 * hijacked. The catalogue's templates are markdown and may put a value inside backticks
 * (`` `${value}` ``) or in plain text: each value is escaped for the place it lands in.
 *
 * How: the message is first rendered with a placeholder for every string parameter, the
 * rendered text is scanned for code spans (CommonMark: a run of n backticks up to the next run
 * of exactly n), then each placeholder is replaced by its value escaped for that context.
 * A parameter the template does not print but looks up (an enum) is passed as is.
 */
import { hasMessage, tDynamic, type Lang } from "../../messages/index.js";
import { escapeInCodeSpan, escapeText, MAX_VALUE_LENGTH, plainText } from "./escape.js";

type Params = Record<string, string | number>;

const OPEN = "\uE000";
const CLOSE = "\uE001";

/** Markdown of message `id`; `fallback` when the catalogue does not know it. */
export function renderMessageMarkdown(lang: Lang, id: string, params: Params, fallback: string, max = MAX_VALUE_LENGTH): string {
  if (!hasMessage(id)) return escapeText(fallback, 200);
  const values: string[] = [];
  const placeholders: Params = {};
  for (const [k, v] of Object.entries(params)) {
    // An empty text stays empty: a template may test it (`p.fix ? … : …`).
    if (typeof v === "string" && v !== "") {
      placeholders[k] = `${OPEN}${values.length}${CLOSE}`;
      values.push(v);
    } else placeholders[k] = v;
  }
  let rendered = tDynamic(lang, id, placeholders);
  // A template may use a value as a key (`expected: "text"` → "un texte") rather than print it:
  // such a value is not in the output as a placeholder, so it is rendered as itself.
  let missing = false;
  for (const [k, v] of Object.entries(placeholders)) {
    if (typeof v === "string" && !rendered.includes(v)) {
      placeholders[k] = params[k]!;
      missing = true;
    }
  }
  if (missing) rendered = tDynamic(lang, id, placeholders);
  const inCode = codeSpanMask(rendered);
  let out = "";
  let i = 0;
  while (i < rendered.length) {
    const ch = rendered[i]!;
    if (ch === OPEN) {
      const end = rendered.indexOf(CLOSE, i);
      const index = Number(rendered.slice(i + 1, end));
      const value = values[index] ?? "";
      out += inCode[i] ? escapeInCodeSpan(value, max) : escapeText(value, max);
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Plain text of message `id` (annotations): values shortened to one line, nothing escaped. */
export function renderMessagePlain(lang: Lang, id: string, params: Params, fallback: string, max = MAX_VALUE_LENGTH): string {
  if (!hasMessage(id)) return fallback;
  const safe: Params = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === "string" ? plainText(v, max) : v;
  return tDynamic(lang, id, safe);
}

/** For each UTF-16 index of `text`: is it inside a code span's content? */
function codeSpanMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  let i = 0;
  while (i < text.length) {
    if (text[i] === "\\" && text[i + 1] === "`") {
      i += 2;
      continue;
    }
    if (text[i] !== "`") {
      i++;
      continue;
    }
    let n = 0;
    while (text[i + n] === "`") n++;
    const contentStart = i + n;
    // Find the closing run of exactly n backticks.
    let j = contentStart;
    let close = -1;
    while (j < text.length) {
      if (text[j] !== "`") {
        j++;
        continue;
      }
      let m = 0;
      while (text[j + m] === "`") m++;
      if (m === n) {
        close = j;
        break;
      }
      j += m;
    }
    if (close === -1) {
      i = contentStart;
      continue;
    }
    for (let k = contentStart; k < close; k++) mask[k] = true;
    i = close + n;
  }
  return mask;
}
