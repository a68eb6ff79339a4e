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

/** True when zod certainly accepts a value that is present; compiled from a schema node. */
type Accepts = (value: unknown) => boolean;

/**
 * Compiles the schema node kinds the posting schema uses (string, boolean, nullable, optional,
 * union, array, with no checks) into a plain predicate; null for anything else (no precheck then).
 */
function compile(schema: z.ZodType): Accepts | null {
  const def = schema._zod.def as { type: string; checks?: unknown[]; innerType?: z.ZodType; options?: z.ZodType[]; element?: z.ZodType };
  if (def.checks && def.checks.length > 0) return null;
  switch (def.type) {
    case "string":
      return (v) => typeof v === "string";
    case "boolean":
      return (v) => typeof v === "boolean";
    case "unknown":
      return () => true;
    case "nullable": {
      const inner = def.innerType ? compile(def.innerType) : null;
      return inner && ((v) => v === null || inner(v));
    }
    case "optional": {
      const inner = def.innerType ? compile(def.innerType) : null;
      return inner && ((v) => v === undefined || inner(v));
    }
    case "union": {
      const options = (def.options ?? []).map(compile);
      if (options.length === 0 || options.some((o) => o === null)) return null;
      const all = options as Accepts[];
      return (v) => all.some((o) => o(v));
    }
    case "array": {
      const element = def.element ? compile(def.element) : null;
      return (
        element &&
        ((v) => {
          if (!Array.isArray(v)) return false;
          for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
          return true;
        })
      );
    }
    default:
      return null;
  }
}

/** Per known key, what zod accepts; keys that must be present. Null when the schema has kinds the precheck does not know. */
const PRECHECK = ((): { fields: Map<string, Accepts>; required: string[] } | null => {
  const def = postingSchema._zod.def as { type: string; checks?: unknown[]; catchall?: z.ZodType };
  if (def.type !== "object" || (def.checks && def.checks.length > 0) || !def.catchall || def.catchall._zod.def.type !== "unknown") return null;
  const fields = new Map<string, Accepts>();
  const required: string[] = [];
  for (const [key, field] of Object.entries(postingSchema.shape) as Array<[string, z.ZodType]>) {
    const accepts = compile(field);
    if (!accepts) return null;
    fields.set(key, accepts);
    if (!accepts(undefined)) required.push(key);
  }
  return { fields, required };
})();

/**
 * True when the posting schema certainly accepts `data` (then safeParse has nothing to say):
 * the required keys are there and every known key holds a value of its type. False means
 * "ask zod" (it gives the issues).
 */
export function certainlyValid(data: Readonly<Record<string, unknown>>): boolean {
  if (!PRECHECK) return false;
  for (const key of PRECHECK.required) if (!Object.prototype.hasOwnProperty.call(data, key)) return false;
  for (const key of Object.keys(data)) {
    const accepts = PRECHECK.fields.get(key);
    if (accepts && !accepts(data[key])) return false;
  }
  return true;
}

export function checkValueTypes(posting: PostingView): Diagnostic[] {
  if (certainlyValid(posting.data)) return [];
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
        diagnostic("invalid-value", severityOf("invalid-value", lies ? "false-as-text" : undefined), at, lies ? "invalid-value-false-text" : "invalid-value-boolean", { key: label, value: shown(value), fix: meant.text }, {
          key,
          fix: valueFix(posting, key, meant.text),
        }),
      );
    } else {
      found.push(diagnostic("invalid-value", severityOf("invalid-value"), at, "invalid-value", { key: label, expected }, { key }));
    }
  }
  return found;
}
