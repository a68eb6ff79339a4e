/** Types of values (text, boolean, list…), checked with the posting schema: one fact in one place. */
import type { z } from "zod";
import { diagnostic } from "../diagnostic.js";
import { severityOf } from "../rule-severities.js";
import { BOOLEAN_KEYS, postingSchema } from "../posting-schema.js";
import type { Diagnostic } from "../types.js";
import { booleanLike, jekyllBoolean, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

/** Boolean keys the site tests for truth (`{% if job.junior %}`, Jekyll's `published`): any text is true there. */
const TRUTHY_READ_KEYS: ReadonlySet<string> = new Set(["junior", "published"]);

const EXPECTED_NAMES: Record<string, string> = { string: "text", boolean: "boolean", array: "list", number: "number", object: "mapping" };

type Issue = z.core.$ZodIssue;

/** The issue to report for a union: the branch that went deepest, or all branches' kinds at the top. */
function flatten(issue: Issue): { path: PropertyKey[]; expected: string } {
  if (issue.code === "invalid_type") return { path: issue.path, expected: EXPECTED_NAMES[issue.expected] ?? issue.expected };
  if (issue.code === "invalid_union") {
    const branches = issue.errors.map((b) => b[0]).filter((b): b is Issue => b !== undefined);
    const deepest = branches.reduce<Issue | undefined>((best, b) => (!best || b.path.length > best.path.length ? b : best), undefined);
    if (deepest && deepest.path.length > 0) {
      const inner = flatten(deepest);
      return { path: [...issue.path, ...inner.path], expected: inner.expected };
    }
    const kinds = new Set(branches.map((b) => (b.code === "invalid_type" ? (EXPECTED_NAMES[b.expected] ?? b.expected) : "other")));
    kinds.delete("other");
    const expected = kinds.has("text") && kinds.has("list") ? "text-or-list" : ([...kinds][0] ?? "text");
    return { path: issue.path, expected };
  }
  return { path: issue.path, expected: "text" };
}

export function checkValueTypes(posting: PostingView): Diagnostic[] {
  const result = postingSchema.safeParse(posting.data);
  if (result.success) return [];
  const found: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const { path, expected } = flatten(issue);
    const key = String(path[0] ?? "");
    const value = valueOf(posting, key);
    if (value === undefined) continue; // a missing key is the business of the rule that needs it
    const at = posting.parsed.locate(path) ?? valuePlace(posting, key);
    const label = path.map(String).join(".");
    const meant = path.length === 1 && BOOLEAN_KEYS.has(key) ? booleanLike(value) : null;
    if (meant) {
      // A text is true for Liquid and Jekyll: a text meaning false says the opposite on the page.
      const lies = !meant.value && TRUTHY_READ_KEYS.has(key) && !jekyllBoolean(posting, key);
      found.push(
        diagnostic(
          "invalid-value",
          severityOf("invalid-value", lies ? "false-as-text" : undefined),
          at,
          lies ? "invalid-value-false-text" : "invalid-value-boolean",
          { key: label, value: shown(value), fix: meant.text },
          {
            key,
            fix: valueFix(posting, key, meant.text),
          },
        ),
      );
    } else {
      found.push(diagnostic("invalid-value", severityOf("invalid-value"), at, "invalid-value", { key: label, expected }, { key }));
    }
  }
  return found;
}
