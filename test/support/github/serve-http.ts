/**
 * The fake GitHub on a loopback HTTP server (node:http, no nock), for what runs in another process
 * or must cross real sockets: the app under `npm start`, the bundled Action, the load benchmark.
 * It answers both layouts: api.github.com's (REST at /, GraphQL at /graphql) and GitHub Enterprise
 * Server's (REST under /api/v3, GraphQL at /api/graphql). Every request is recorded and checked
 * (recorder.ts); every answer can wait `latencyMs`, or be replaced by a fault.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeGitHub } from "./fake.js";
import { parseBody, RequestLog, type RecordedRequest } from "./recorder.js";

export interface GitHubServer {
  /** `http://127.0.0.1:port` */
  origin: string;
  /** The REST base in GHES's layout (Probot's `baseUrl`); `origin` serves api.github.com's. */
  baseUrl: string;
  log: RequestLog;
  requests: RecordedRequest[];
  /** Requests outside GitHub's descriptions, and requests the fake does not answer. */
  invalid: string[];
  close(): Promise<void>;
}

export interface GitHubServerOptions {
  latencyMs?: number;
  /** Answers a request with this status instead (fault injection); null: answer normally. */
  fault?: (method: string, path: string) => number | null;
}

export async function startGitHubServer(fake: FakeGitHub, options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const log = new RequestLog();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const method = req.method ?? "GET";
        const path = (req.url ?? "/").replace(/^\/api\/v3(?=\/)/, "");
        const body = parseBody(Buffer.concat(chunks).toString("utf8"));
        const recorded = log.record(method, path, body, req.headers.authorization ? { authorization: req.headers.authorization } : {});
        if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
        const fault = options.fault?.(method, path) ?? null;
        if (fault === null && !fake.handles(method, path)) log.invalid.push(`${method} ${path}: not answered by the fake GitHub`);
        const [status, answer, headers = {}] = fault !== null ? [fault, { message: "Injected fault" }] : fake.handle(method, path, body);
        recorded.status = status;
        if (answer === "" || answer === null || status === 204) {
          res.writeHead(status, headers).end();
          return;
        }
        const text = JSON.stringify(answer);
        res
          .writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers })
          .end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/api/v3`,
    log,
    requests: log.requests,
    invalid: log.invalid,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
