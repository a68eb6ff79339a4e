import { describe, expect, it } from "vitest";
import { assertRequestMatchesOpenApi } from "../support/github/index.js";

describe("the OpenAPI request check used by every GitHub test", () => {
  it("accepts real operations with fitting bodies", () => {
    expect(
      assertRequestMatchesOpenApi("POST", "/repos/o/r/check-runs", {
        name: "x",
        head_sha: "a".repeat(40),
        status: "completed",
        conclusion: "success",
      }).operationId,
    ).toBe("checks/create");
    expect(assertRequestMatchesOpenApi("GET", "/repos/o/r/pulls/1/files?per_page=100", undefined).operationId).toBe("pulls/list-files");
    expect(
      assertRequestMatchesOpenApi("POST", "/api/v3/repos/o/r/git/refs", { ref: "refs/heads/x", sha: "b".repeat(40) }).operationId,
    ).toBe("git/create-ref");
  });
  it("rejects an unknown path, a wrong method and a body that does not fit", () => {
    expect(() => assertRequestMatchesOpenApi("GET", "/repos/o/r/nope", undefined)).toThrow(/not an operation/);
    expect(() => assertRequestMatchesOpenApi("PUT", "/repos/o/r/check-runs", {})).toThrow(/not an operation/);
    expect(() => assertRequestMatchesOpenApi("POST", "/repos/o/r/check-runs", { head_sha: "x" })).toThrow(/name/);
    expect(() => assertRequestMatchesOpenApi("POST", "/repos/o/r/check-runs", { name: "x", head_sha: "a", conclusion: "great" })).toThrow(
      /conclusion|enum/,
    );
    expect(() => assertRequestMatchesOpenApi("POST", "/repos/o/r/issues/1/labels", { labels: "x" })).toThrow();
  });
});
