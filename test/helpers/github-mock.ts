/**
 * GitHub at the HTTP level, for tests: a nock scope whose every intercepted request is
 * recorded (method, path, parsed JSON body) and checked against `@octokit/openapi`.
 *
 *   const gh = mockGitHub();
 *   gh.scope.get("/repos/o/r/pulls/1/files").query(true).reply(200, [...]);
 *   … run the app …
 *   expect(gh.requests.map(r => `${r.method} ${r.path}`)).toEqual([...]);
 *   gh.done();   // every interceptor used, every request valid
 */
import nock from "nock";
import { assertRequestMatchesOpenApi } from "./openapi.js";

export interface RecordedRequest {
  method: string;
  /** Path with query string, API prefix removed. */
  path: string;
  body: unknown;
  operationId: string;
}

export interface GitHubMock {
  scope: nock.Scope;
  requests: RecordedRequest[];
  /** Requests that did not fit the REST description (also thrown at `done`). */
  invalid: string[];
  /** `METHOD /path` of each request, in order. */
  calls(): string[];
  /** Asserts all interceptors were used and every request fits GitHub's REST description. */
  done(): void;
}

export function mockGitHub(baseUrl = "https://api.github.com"): GitHubMock {
  const requests: RecordedRequest[] = [];
  const invalid: string[] = [];
  const prefix = new URL(baseUrl).pathname.replace(/\/$/, "");
  const scope = nock(baseUrl.replace(/\/api\/v3\/?$/, ""));
  scope.on("request", (req: { method: string; path: string }, _interceptor: unknown, rawBody: string) => {
    const path = prefix && req.path.startsWith(prefix) ? req.path.slice(prefix.length) : req.path;
    let body: unknown = undefined;
    if (rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    let operationId = "graphql";
    if (path.split("?")[0] !== "/graphql") {
      try {
        operationId = assertRequestMatchesOpenApi(req.method, path, body).operationId;
      } catch (e) {
        operationId = "INVALID";
        invalid.push((e as Error).message);
      }
    }
    requests.push({ method: req.method, path, body, operationId });
  });
  return {
    scope,
    requests,
    invalid,
    calls: () => requests.map((r) => `${r.method} ${r.path.split("?")[0]}`),
    done() {
      if (invalid.length > 0) throw new Error("Requests outside GitHub's REST description:\n" + invalid.join("\n"));
      scope.done();
    },
  };
}
