/** The precheck of checkValueTypes (compiled from the posting schema) says yes exactly when zod does. */
import { describe, expect, it } from "vitest";
import { parsePosting } from "../../src/core/parse-posting.js";
import { KNOWN_KEYS, postingSchema } from "../../src/core/posting-schema.js";
import { certainlyValid } from "../../src/core/rules/value-types.js";
import { bytes, JOBS, jobNames, SUBMISSIONS, submissions } from "./corpus.js";

function nullProto(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) o[k] = v;
  return o;
}

const VALUES: unknown[] = ["", "x", null, undefined, true, false, 0, -0, 1.5, Number.NaN, Infinity, [], ["a"], ["a", "b"], ["a", 1], [null], [["a"]], [undefined], {}, { a: 1 }, new Date(0)];

describe("certainlyValid", () => {
  it("agrees with safeParse on every corpus posting", () => {
    let valid = 0;
    const all = [...jobNames().map((n) => bytes(JOBS, n)), ...submissions().map(({ file }) => bytes(SUBMISSIONS, file))];
    for (const content of all) {
      const data = parsePosting(content).data;
      if (!data) continue;
      const success = postingSchema.safeParse(data).success;
      expect(certainlyValid(data), JSON.stringify(data).slice(0, 200)).toBe(success);
      if (success) valid++;
    }
    expect(valid).toBeGreaterThan(800);
  });

  it("agrees with safeParse for every known key and value kind, required keys missing or not", () => {
    const base: Array<[string, unknown]> = [
      ["roles", "Dev"],
      ["open", true],
    ];
    for (const key of [...KNOWN_KEYS, "unknown", "__proto__", "constructor"]) {
      for (const value of VALUES) {
        for (const data of [nullProto([...base, [key, value]]), nullProto([[key, value]]), nullProto([["open", false], [key, value]])]) {
          expect(certainlyValid(data), `${key}: ${String(value)}`).toBe(postingSchema.safeParse(data).success);
        }
      }
    }
    const holes: unknown[] = ["a"];
    holes[2] = "b";
    const withHoles = nullProto([...base, ["domaines", holes]]);
    expect(certainlyValid(withHoles)).toBe(postingSchema.safeParse(withHoles).success);
  });
});
