/**
 * One fake GitHub: the repositories it holds (model.ts), the app's side (installations, the
 * installation token, webhook deliveries), and the answer to any request, whichever way it
 * arrives (nock in the process: serve-nock.ts; a loopback HTTP server: serve-http.ts). A request
 * is routed by GitHub's own REST description (rest-description.ts): the operationId names the
 * handler (rest.ts); GraphQL goes to graphql.ts. Content-creating requests count towards the
 * secondary rate limit (80 a minute, then 403 with `retry-after`).
 */
import { answerGraphql } from "./graphql.js";
import type { HookDeliveries } from "./hook-deliveries.js";
import { FAKE_LIMITS, SECONDARY_RATE_LIMIT, type Reply } from "./limits.js";
import type { Repository } from "./model.js";
import { isGraphqlPath } from "./recorder.js";
import { findOperation } from "./rest-description.js";
import { REPOSITORY_OPERATIONS } from "./rest.js";

export interface FakeGitHubOptions {
  /** Answer the secondary rate limit (on unless told). */
  secondaryRateLimit?: boolean;
  /** Answer the installation-token exchange with this token (tests on nock usually answer it themselves). */
  installationToken?: string;
}

const APP_OPERATIONS = new Set([
  "apps/create-installation-access-token",
  "apps/list-installations",
  "apps/list-repos-accessible-to-installation",
  "apps/list-webhook-deliveries",
  "apps/redeliver-webhook-delivery",
]);

export class FakeGitHub {
  readonly repositories: Repository[] = [];
  /** The app's webhook as GitHub keeps it (hook-deliveries.ts), once a test sets it up. */
  hooks: HookDeliveries | undefined;
  private shas = 1;

  constructor(readonly options: FakeGitHubOptions = {}) {}

  /** Adds a repository (the same object twice is one repository). */
  add(repo: Repository): Repository {
    const same = this.repository(repo.owner, repo.repo);
    if (same && same !== repo) throw new Error(`the fake GitHub already holds ${repo.owner}/${repo.repo}`);
    if (!same) this.repositories.push(repo);
    return repo;
  }

  repository(owner: string, repo: string): Repository | undefined {
    return this.repositories.find((r) => r.owner === owner && r.repo === repo);
  }

  /** A commit or tree id for an object made through the API. */
  newSha(): string {
    return (this.shas++).toString(16).padStart(40, "c");
  }

  /** What `METHOD path` is to the fake (the path after the API base): GraphQL, a REST operation it answers, or null. */
  private route(method: string, path: string) {
    if (isGraphqlPath(path)) return method === "POST" ? { kind: "graphql" as const } : null;
    const op = findOperation(method, path);
    if (!op) return null;
    if (APP_OPERATIONS.has(op.operationId)) {
      const answered = op.operationId.startsWith("apps/create-installation")
        ? this.options.installationToken !== undefined
        : op.operationId.includes("webhook")
          ? this.hooks !== undefined
          : true;
      return answered ? { kind: "app" as const, op } : null;
    }
    const handler = REPOSITORY_OPERATIONS[op.operationId];
    const repo = op.params.owner !== undefined ? this.repository(op.params.owner, op.params.repo!) : undefined;
    return handler && repo ? { kind: "repository" as const, op, handler, repo } : null;
  }

  /** Whether the fake answers `METHOD path`: a repository it holds, an operation it knows. */
  handles(method: string, path: string): boolean {
    return this.route(method, path) !== null;
  }

  /** The answer to `METHOD path` (after the API base) with this JSON body; 404 for what it does not answer. */
  handle(method: string, path: string, body: unknown): Reply {
    const route = this.route(method, path);
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (!route) return [404, { message: "Not Found" }];
    if (route.kind === "graphql") {
      const answer = answerGraphql(this, String(b.query ?? ""), (b.variables ?? {}) as Record<string, unknown>);
      return [200, answer];
    }
    const query = new URLSearchParams(path.split("?")[1] ?? "");
    if (route.kind === "app") return this.app(route.op.operationId, route.op.params, query);
    const { repo, handler, op } = route;
    if (method === "GET") return handler({ fake: this, repo, params: op.params, query, body: b });
    // A content-creating request: the secondary rate limit first, then the request's own answer.
    const at = Date.now();
    const request = `${method} ${path.split("?")[0]}`;
    if (this.options.secondaryRateLimit !== false && repo.writes.filter((t) => t > at - 60_000).length >= FAKE_LIMITS.writesPerMinute) {
      repo.refused.push({ status: 403, request, message: SECONDARY_RATE_LIMIT });
      return [
        403,
        { message: SECONDARY_RATE_LIMIT, documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" },
        { "retry-after": String(FAKE_LIMITS.retryAfterSeconds), "x-ratelimit-remaining": "4000" },
      ];
    }
    repo.writes.push(at);
    repo.writeRequests.push(request);
    const answer = handler({ fake: this, repo, params: op.params, query, body: b });
    if (answer[0] === 422 && /too long/.test(JSON.stringify(answer[1])))
      repo.refused.push({ status: 422, request, message: JSON.stringify(answer[1]) });
    return answer;
  }

  private app(operationId: string, params: Record<string, string>, query: URLSearchParams): Reply {
    switch (operationId) {
      case "apps/create-installation-access-token":
        return [
          201,
          { token: this.options.installationToken, expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" },
        ];
      case "apps/list-installations":
        return [200, [...new Set(this.repositories.map((r) => r.owner))].map((login, i) => ({ id: i + 1, account: { login } }))];
      case "apps/list-repos-accessible-to-installation":
        return [
          200,
          {
            total_count: this.repositories.length,
            repositories: this.repositories.map((r) => ({
              name: r.repo,
              full_name: `${r.owner}/${r.repo}`,
              default_branch: r.defaultBranch,
              owner: { login: r.owner },
            })),
          },
        ];
      case "apps/list-webhook-deliveries":
        return this.hooks!.list(query);
      default:
        return this.hooks!.redeliver(Number(params.delivery_id));
    }
  }
}
