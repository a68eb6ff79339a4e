/**
 * Every request the app sends to GitHub, recorded (method, path, parsed JSON body) and checked:
 * a REST request against GitHub's REST description (its operationId is recorded), a GraphQL one
 * against GitHub's GraphQL schema. Whichever way GitHub is reached (nock in the process, or the
 * loopback server of server.ts), requests land in a `RequestLog`.
 */
import nock from "nock";
import { assertRequestMatchesOpenApi } from "./rest-description.js";
import { graphqlErrors } from "./graphql-description.js";

export interface RecordedRequest {
  method: string;
  /** Path with query string, the API prefix (GHES's `/api/v3`) taken off. */
  path: string;
  body: unknown;
  /** The REST operation, `graphql`, or `INVALID` (outside GitHub's descriptions: see `invalid`). */
  operationId: string;
  /** The Authorization header, when the transport sees it (the loopback server). */
  authorization?: string;
  /** The status answered, when the transport knows it (the loopback server). */
  status?: number;
}

/** GitHub's GraphQL endpoint: /graphql, or /api/graphql on GitHub Enterprise Server. */
export const isGraphqlPath = (path: string): boolean => /^(\/api)?\/graphql$/.test(path.split("?")[0]!);

export function parseBody(raw: unknown): unknown {
  if (typeof raw !== "string") return raw ?? undefined;
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  /** Requests that do not fit GitHub's descriptions, why. */
  readonly invalid: string[] = [];

  record(method: string, path: string, body: unknown, extra: Pick<RecordedRequest, "authorization"> = {}): RecordedRequest {
    let operationId = "graphql";
    if (isGraphqlPath(path)) {
      const query = (body as { query?: unknown } | undefined)?.query;
      const errors = typeof query === "string" ? graphqlErrors(query) : ["no query"];
      if (errors.length > 0) this.invalid.push(`${method} ${path}: GraphQL query outside GitHub's schema: ${errors.join("; ")}`);
    } else {
      try {
        operationId = assertRequestMatchesOpenApi(method, path, body).operationId;
      } catch (e) {
        operationId = "INVALID";
        this.invalid.push((e as Error).message);
      }
    }
    const request: RecordedRequest = { method, path, body, operationId, ...extra };
    this.requests.push(request);
    return request;
  }

  /** `METHOD /path` of each request, in order, query string left out. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`);
  }
}

/**
 * GitHub at the HTTP level in the test's process: a nock scope whose every intercepted request
 * is recorded and checked. Tests add interceptors to `scope` (exact bodies, faults), and the
 * fake GitHub (serve-nock.ts) answers the rest from its state.
 *
 *   const gh = mockGitHub();
 *   gh.scope.get("/repos/o/r/pulls/1/files").query(true).reply(200, [...]);
 *   … run the app …
 *   expect(gh.calls()).toEqual([...]);
 *   gh.done();   // every interceptor used, every request valid
 */
export interface GitHubMock {
  scope: nock.Scope;
  /** The API prefix of the base URL (`/api/v3` for GHES), taken off recorded paths. */
  prefix: string;
  requests: RecordedRequest[];
  /** Requests that did not fit GitHub's descriptions (also thrown at `done`). */
  invalid: string[];
  /** `METHOD /path` of each request, in order. */
  calls(): string[];
  /** Asserts all interceptors were used and every request fits GitHub's descriptions. */
  done(): void;
}

export function mockGitHub(baseUrl = "https://api.github.com"): GitHubMock {
  const log = new RequestLog();
  const prefix = new URL(baseUrl).pathname.replace(/\/$/, "");
  const scope = nock(baseUrl.replace(/\/api\/v3\/?$/, ""));
  scope.on("request", (req: { method: string; path: string }, _interceptor: unknown, rawBody: string) => {
    const path = prefix && req.path.startsWith(`${prefix}/`) ? req.path.slice(prefix.length) : req.path;
    log.record(req.method, path, parseBody(rawBody));
  });
  return {
    scope,
    prefix,
    requests: log.requests,
    invalid: log.invalid,
    calls: () => log.calls(),
    done() {
      if (log.invalid.length > 0) throw new Error("Requests outside GitHub's descriptions:\n" + log.invalid.join("\n"));
      scope.done();
    },
  };
}
