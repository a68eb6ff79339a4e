/**
 * bench/review-latency.ts through the real app: the requests it reports are the app's (as the
 * recording proxy saw them), the times are in the order GitHub received the writes and within the
 * webhook's answer, and as deployed the throttling plugin's pacing shows (the check run waits 1 s
 * behind the GraphQL query that precedes it).
 */
import { describe, expect, it } from "vitest";
import { GITHUB_LATENCY_MS, measureMode, renderReviewLatency, SCENARIOS } from "../../bench/review-latency.js";

describe("npm run bench -- review-latency", () => {
  it("unpaced (sources): a posting with errors, then its fix, request by request", async () => {
    const m = await measureMode("unpaced", 1, ["fix-pushed", "errors-opened"]);
    expect(m).toMatchObject({ mode: "unpaced", runs: 1, errorLines: 0, problems: [] });
    const [opened, fixed] = m.scenarios;
    expect(opened!.id).toBe("errors-opened");
    expect(opened!.routes).toEqual([
      "GET /repos/{o}/{r}/pulls/{n}/files",
      "POST /graphql",
      "POST /repos/{o}/{r}/check-runs",
      "POST /repos/{o}/{r}/issues/{n}/comments",
      "POST /graphql",
      "POST /repos/{o}/{r}/pulls/{n}/reviews",
      "POST /repos/{o}/{r}/issues/{n}/labels",
    ]);
    expect([opened!.reads, opened!.writes]).toEqual([3, 4]);
    expect(fixed!.id).toBe("fix-pushed");
    // The last: the mutation that resolves the suggestion threads whose problem the fix removed.
    expect(fixed!.routes).toEqual([
      "GET /repos/{o}/{r}/pulls/{n}/files",
      "POST /graphql",
      "POST /repos/{o}/{r}/check-runs",
      "PATCH /repos/{o}/{r}/issues/comments/{n}",
      "POST /graphql",
    ]);
    for (const s of m.scenarios) {
      expect(s.answerStatuses).toEqual([200]);
      expect(s.checkRunMs!.median).toBeLessThanOrEqual(s.commentMs!.median);
      expect(s.commentMs!.median).toBeLessThanOrEqual(s.lastWriteMs!.median);
      expect(s.lastWriteMs!.median).toBeLessThanOrEqual(s.answerMs.median);
      // Every request waits GITHUB_LATENCY_MS; the first three (files, GraphQL, check run) one after the other.
      expect(s.githubMs.median).toBeGreaterThanOrEqual(3 * GITHUB_LATENCY_MS);
      expect(s.githubMs.median).toBeLessThanOrEqual(s.lastWriteMs!.median);
      expect(s.appCpuMs!.median).toBeGreaterThan(0);
    }
    const text = renderReviewLatency([m]);
    expect(text[0]).toBe(
      "Sans l'espacement des écritures (sources, plugin de régulation coupé) : le temps propre de l'application, 1 livraison(s) par scénario :",
    );
    expect(text[4]!.startsWith(`| ${SCENARIOS["errors-opened"]} | 7 (3 + 4) | `)).toBe(true);
    expect(text[5]!.startsWith(`| ${SCENARIOS["fix-pushed"]} | 5 (2 + 3) | `)).toBe(true);
  }, 90_000);

  it("as deployed (node dist/server.js): the writes are paced by Probot's throttling plugin", async () => {
    const m = await measureMode("deployed", 1, ["clean-opened"]);
    expect(m).toMatchObject({ mode: "deployed", errorLines: 0, problems: [] });
    const s = m.scenarios[0]!;
    expect(s.routes).toEqual([
      "GET /repos/{o}/{r}/pulls/{n}/files",
      "POST /graphql",
      "POST /repos/{o}/{r}/check-runs",
      "POST /repos/{o}/{r}/issues/{n}/labels",
    ]);
    expect(s.commentMs).toBeNull();
    expect(s.appCpuMs).toBeNull();
    expect(s.checkRunMs!.median).toBeGreaterThanOrEqual(1000);
    // The plugin spaces the starts of the GraphQL query, the check run and the label by 1 s each:
    // the label ends 2 s after the query started at the earliest (request ends vary with the load).
    expect(s.lastWriteMs!.median).toBeGreaterThanOrEqual(2000);
    expect(s.githubMs.median).toBeLessThan(s.lastWriteMs!.median - 1000);
  }, 90_000);
});
