/**
 * Finds the front matter between `---` fences (Jekyll's rule: the very first line is `---`, the
 * front matter ends at the next line that is `---` or `...`). A language after the opening fence
 * (`---js`, `---coffee`) is refused: such front matter would be code, and it is never evaluated.
 */
import { Buffer } from "node:buffer";
import { MAX_FRONT_MATTER_BYTES } from "./defaults.js";
import { diagnostic, FILE_START, type Place } from "./diagnostic.js";
import { severityOf } from "./rule-severities.js";
import type { Diagnostic } from "./types.js";

export type Fences =
  | { found: true; /** 1-based line of the closing fence (the opening one is line 1). */ closeLine: number; diagnostics: Diagnostic[] }
  | { found: false; diagnostics: Diagnostic[] };

const OPEN = /^---[ \t]*$/;
const OPEN_YAML = /^---[ \t]*(?:yaml|yml)[ \t]*$/i;
const OPEN_LANGUAGE = /^---[ \t]*([A-Za-z][\w+.-]*)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const INDENTED_FENCE = /^[ \t]+(?:---|\.\.\.)[ \t]*$/;
const LOOKS_LIKE_KEY = /^[\p{L}_][\p{L}\p{N}_-]*[ \t]*:(?:[ \t]|$)/u;

function missingAt(at: Place, messageId: string, params: Record<string, number> = {}, fixText?: string): Diagnostic {
  return diagnostic("front-matter-missing", severityOf("front-matter-missing"), at, messageId, params, {
    fix: fixText === undefined ? undefined : { line: at.line, text: fixText },
  });
}

function missing(lines: readonly string[]): Diagnostic {
  if (lines.every((l) => l.trim() === "")) return missingAt(FILE_START, "file-empty");
  const first = lines.findIndex((l) => l.trim() !== "");
  const firstLine = lines[first] ?? "";
  if (first > 0 && OPEN.test(firstLine)) return missingAt({ line: first + 1, column: 1 }, "front-matter-not-first", { line: first + 1 });
  if (first === 0 && /^-{4,}[ \t]*$/.test(firstLine) && lines.some((l, i) => i > 0 && CLOSE.test(l)))
    return missingAt(FILE_START, "front-matter-fence-dashes", {}, "---");
  if (INDENTED_FENCE.test(firstLine) && first === 0) return missingAt(FILE_START, "front-matter-fence-indented", {}, "---");
  if (LOOKS_LIKE_KEY.test(firstLine) && lines.some((l) => CLOSE.test(l))) return missingAt(FILE_START, "front-matter-opening-missing");
  return missingAt(FILE_START, "front-matter-missing");
}

/** Locates the fences in the lines of the file (line endings removed, BOM removed from line 1). */
export function findFences(lines: readonly string[]): Fences {
  const first = lines[0] ?? "";
  const diagnostics: Diagnostic[] = [];
  if (OPEN_YAML.test(first)) {
    diagnostics.push(
      diagnostic(
        "front-matter-language",
        severityOf("front-matter-language"),
        FILE_START,
        "front-matter-language-yaml",
        {},
        { fix: { line: 1, text: "---" } },
      ),
    );
  } else if (!OPEN.test(first)) {
    const language = OPEN_LANGUAGE.exec(first);
    if (language) {
      return {
        found: false,
        diagnostics: [
          diagnostic("front-matter-language", severityOf("front-matter-language"), FILE_START, "front-matter-language", {
            language: language[1] ?? "",
          }),
        ],
      };
    }
    return { found: false, diagnostics: [missing(lines)] };
  }
  const close = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (close === -1) {
    const indented = lines.findIndex((l, i) => i > 0 && INDENTED_FENCE.test(l));
    const d =
      indented > 0
        ? missingAt({ line: indented + 1, column: 1 }, "front-matter-fence-indented", {}, (lines[indented] ?? "").trim())
        : missingAt(FILE_START, "front-matter-unclosed");
    return { found: false, diagnostics: [...diagnostics, d] };
  }
  const size = lines.slice(1, close).reduce((n, l) => n + Buffer.byteLength(l, "utf8") + 1, 0);
  if (size > MAX_FRONT_MATTER_BYTES) {
    return {
      found: false,
      diagnostics: [
        ...diagnostics,
        diagnostic("file-too-large", severityOf("file-too-large"), FILE_START, "front-matter-too-large", { max: MAX_FRONT_MATTER_BYTES }),
      ],
    };
  }
  return { found: true, closeLine: close + 1, diagnostics };
}
