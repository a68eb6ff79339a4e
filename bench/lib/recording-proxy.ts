/**
 * A recording proxy on loopback, between the app and the GitHub stand-in: every request the app
 * makes goes through it and is recorded with the moment it arrived and the moment its answer was
 * sent back, so that a review's latency (webhook delivered → last write answered) and the time
 * spent waiting on GitHub are read on the app's side, whatever stands in for GitHub behind it.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  /** `METHOD /route` (`POST /repos/{o}/{r}/check-runs`, `POST /graphql`). */
  route: string;
  /** GET and GraphQL queries read; everything else (GraphQL mutations too) writes. */
  kind: "read" | "write";
  status: number;
  /** performance.now() of this process: request received, answer sent. */
  start: number;
  end: number;
}

export interface RecordingProxy {
  /** `http://127.0.0.1:port`: give it to the app in place of the stand-in's origin. */
  origin: string;
  /** Every answered request so far, in the order the answers were sent. */
  requests: RecordedRequest[];
  /** Requests received whose answer is not sent yet. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const requests: RecordedRequest[] = [];
  let open = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    open++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? "GET";
      const route = routeOf(method, req.url ?? "/");
      const kind = method === "GET" || method === "HEAD" || (route === "POST /graphql" && !isMutation(body)) ? "read" : "write";
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method, path: req.url, headers: { ...req.headers, host: to.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          res.on("finish", () => {
            open--;
            requests.push({ route, kind, status: answer.statusCode ?? 0, start, end: performance.now() });
          });
        },
      );
      upstream.on("error", () => {
        open--;
        res.writeHead(502).end();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function isMutation(body: Buffer): boolean {
  try {
    const { query } = JSON.parse(body.toString("utf8")) as { query?: unknown };
    return typeof query === "string" && /^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/** `METHOD /route` as GitHub's docs write it, the GitHub Enterprise prefixes dropped. */
export function routeOf(method: string, url: string): string {
  const route = url
    .split("?")[0]!
    .replace(/^\/api\/v3(?=\/)/, "")
    .replace(/^\/api\/graphql$/, "/graphql")
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{o}/{r}")
    .replace(/\/\d+(?=\/|$)/g, "/{n}")
    .replace(/\/labels\/[^/]+$/, "/labels/{name}");
  return `${method} ${route}`;
}

/** Milliseconds during which at least one of these requests was waiting for its answer. */
export function busyMs(requests: readonly Pick<RecordedRequest, "start" | "end">[]): number {
  const spans = [...requests].sort((a, b) => a.start - b.start);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const r of spans) {
    if (r.start > to) {
      if (to > from) total += to - from;
      [from, to] = [r.start, r.end];
    } else to = Math.max(to, r.end);
  }
  if (to > from) total += to - from;
  return total;
}
