/**
 * bench/lib/recording-proxy.ts: requests pass through unchanged both ways and are recorded with
 * their route, whether they read or write, their status and their times; busyMs counts the time
 * at least one request was open.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { busyMs, routeOf, startRecordingProxy, type RecordingProxy } from "../../bench/lib/recording-proxy.js";

const DELAY_MS = 40;
let backend: ReturnType<typeof createServer>;
let proxy: RecordingProxy;
const seen: { method: string; url: string; body: string; host: string }[] = [];

beforeAll(async () => {
  backend = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, body: Buffer.concat(chunks).toString(), host: req.headers.host! });
      setTimeout(
        () =>
          res
            .writeHead(req.method === "POST" && req.url!.endsWith("/check-runs") ? 201 : 200, {
              "content-type": "application/json",
              "x-answer": "yes",
            })
            .end('{"ok":true}'),
        DELAY_MS,
      );
    });
  });
  await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
  proxy = await startRecordingProxy(`http://127.0.0.1:${(backend.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await proxy.close();
  await new Promise((r) => backend.close(r));
});

describe("recording proxy", () => {
  it("forwards requests and answers, and records each one", async () => {
    const post = (url: string, body: unknown) =>
      fetch(`${proxy.origin}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const started = performance.now();
    const answers = await Promise.all([
      fetch(`${proxy.origin}/api/v3/repos/o/r/pulls/12/files?per_page=100`),
      post("/api/graphql", { query: "query ReviewState($owner: String!) { x }" }),
      post("/api/graphql", { query: " mutation Resolve { y }" }),
      post("/api/v3/repos/o/r/check-runs", { name: "relecture" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 201]);
    expect(answers[0]!.headers.get("x-answer")).toBe("yes");
    expect(await answers[3]!.json()).toEqual({ ok: true });
    expect(seen.find((s) => s.url === "/api/v3/repos/o/r/check-runs")).toMatchObject({
      body: '{"name":"relecture"}',
      host: new URL(`http://127.0.0.1:${(backend.address() as AddressInfo).port}`).host,
    });
    expect(seen.map((s) => s.url).sort()).toEqual([
      "/api/graphql",
      "/api/graphql",
      "/api/v3/repos/o/r/check-runs",
      "/api/v3/repos/o/r/pulls/12/files?per_page=100",
    ]);

    const byRoute = proxy.requests.map((r) => `${r.route} ${r.kind} ${r.status}`).sort();
    expect(byRoute).toEqual([
      "GET /repos/{o}/{r}/pulls/{n}/files read 200",
      "POST /graphql read 200",
      "POST /graphql write 200",
      "POST /repos/{o}/{r}/check-runs write 201",
    ]);
    for (const r of proxy.requests) {
      expect(r.start).toBeGreaterThanOrEqual(started);
      expect(r.end - r.start).toBeGreaterThanOrEqual(DELAY_MS - 1);
    }
    expect(proxy.inFlight()).toBe(0);
  });

  it("names routes as GitHub's docs do", () => {
    expect(routeOf("DELETE", "/api/v3/repos/betagouv/beta.gouv.fr/issues/7/labels/contrat%3A%20CDI")).toBe(
      "DELETE /repos/{o}/{r}/issues/{n}/labels/{name}",
    );
    expect(routeOf("PATCH", "/repos/a/b/issues/comments/123456")).toBe("PATCH /repos/{o}/{r}/issues/comments/{n}");
    expect(routeOf("POST", "/api/v3/app/installations/1/access_tokens")).toBe("POST /app/installations/{n}/access_tokens");
  });

  it("busyMs: the union of the requests' spans", () => {
    expect(busyMs([])).toBe(0);
    expect(
      busyMs([
        { start: 0, end: 50 },
        { start: 20, end: 70 },
        { start: 100, end: 150 },
        { start: 110, end: 120 },
      ]),
    ).toBe(120);
  });
});
