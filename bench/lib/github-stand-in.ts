/**
 * A GitHub stand-in on loopback (node:http, no nock): the routes a review uses, laid out as
 * GitHub Enterprise Server lays them out (REST under /api/v3, GraphQL at /api/graphql), so that
 * the real app reaches it with `baseUrl` (or GHE_HOST + GHE_PROTOCOL=http for `npm start`).
 * Every answer waits `latencyMs`. It keeps what a review writes, per pull request, to count
 * what was lost or written twice.
 *
 *   installation token · GET pulls/{n}/files · POST graphql (ReviewState, PostingBlobs,
 *   BotComments) · POST/PATCH check-runs · POST/PATCH/DELETE comments · POST reviews ·
 *   POST labels · POST/DELETE issues/{n}/labels
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInFile {
  filename: string;
  content: string;
}

export interface StandInPull {
  headSha: string;
  files: StandInFile[];
  comments: { id: number; body: string; createdAt: string }[];
  checkRuns: { id: number; headSha: string; conclusion: string; title: string }[];
  reviews: number;
  /** Bodies of the review comments (suggestions) posted. */
  reviewComments: string[];
  labels: string[];
}

export interface GitHubStandIn {
  /** `http://127.0.0.1:port` */
  origin: string;
  /** REST base for Probot's `baseUrl`. */
  baseUrl: string;
  /** The installation token it hands out (to look for in logs). */
  token: string;
  pulls: Map<string, StandInPull>;
  /** Requests per `METHOD route`. */
  requests: Map<string, number>;
  /** Requests answered with an error (4xx/5xx), by `METHOD route status`. */
  errors: Map<string, number>;
  /** Request bodies larger than GitHub accepts, or routes it does not know. */
  problems: string[];
  setPull(owner: string, repo: string, number: number, headSha: string, files: StandInFile[]): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  latencyMs?: number;
  token?: string;
  /** Answers a request with this status instead (fault injection); null: answer normally. */
  fault?: (method: string, route: string) => number | null;
}

const MAX_COMMENT = 65_536;

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const latencyMs = options.latencyMs ?? 50;
  const token = options.token ?? "ghs_standInInstallationToken000000000000";
  const pulls = new Map<string, StandInPull>();
  const labels = new Map<string, Set<string>>();
  const requests = new Map<string, number>();
  const errors = new Map<string, number>();
  const problems: string[] = [];
  let nextId = 1;
  let clock = Date.parse("2026-03-02T09:00:00Z");
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const labelsOf = (owner: string, repo: string): Set<string> => labels.get(`${owner}/${repo}`) ?? labels.set(`${owner}/${repo}`, new Set()).get(`${owner}/${repo}`)!;
  const pullOf = (owner: string, repo: string, number: number | string): StandInPull | undefined => pulls.get(`${owner}/${repo}#${number}`);

  async function handle(method: string, path: string, body: Record<string, unknown>): Promise<[number, unknown]> {
    let m: RegExpMatchArray | null;
    if (method === "POST" && (m = path.match(/^\/api\/v3\/app\/installations\/(\d+)\/access_tokens$/))) {
      return [201, { token, expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "selected" }];
    }

    if (method === "POST" && path === "/api/graphql") return [200, graphql(String(body.query ?? ""), (body.variables ?? {}) as Record<string, unknown>)];
    if (!(m = path.match(/^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/(.*)$/))) return [404, { message: "Not Found" }];
    const [owner, repo, rest] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), m[3]!];
    const repoLabels = labelsOf(owner, repo);
    if (method === "GET" && (m = rest.match(/^pulls\/(\d+)\/files$/))) {
      const pr = pullOf(owner, repo, m[1]!);
      if (!pr) return [404, { message: "Not Found" }];
      return [200, pr.files.map((f) => ({ sha: "0".repeat(40), filename: f.filename, status: "added", additions: 1, deletions: 0, changes: 1, blob_url: "", raw_url: "", contents_url: "", patch: addedPatch(f.content) }))];
    }
    if (method === "POST" && rest === "check-runs") {
      // external_id is "<pull number>:<hash of the output>".
      const pr = pullOf(owner, repo, String(body.external_id).split(":")[0]!);
      const output = body.output as { title: string; summary: string; annotations?: unknown[] };
      if (output.summary.length > MAX_COMMENT || (output.annotations?.length ?? 0) > 50) problems.push("check run over GitHub's limits");
      const run = { id: nextId++, headSha: String(body.head_sha), conclusion: String(body.conclusion), title: output.title };
      pr?.checkRuns.push(run);
      return [201, { id: run.id, head_sha: run.headSha, name: body.name, status: "completed", conclusion: run.conclusion }];
    }
    if (method === "PATCH" && (m = rest.match(/^check-runs\/(\d+)$/))) return [200, { id: Number(m[1]) }];
    if (method === "POST" && (m = rest.match(/^issues\/(\d+)\/comments$/))) {
      const pr = pullOf(owner, repo, m[1]!);
      if (!pr) return [404, { message: "Not Found" }];
      const text = String(body.body);
      if (text.length > MAX_COMMENT) return [422, { message: "Validation Failed", errors: [{ code: "custom", message: "body is too long" }] }];
      const comment = { id: nextId++, body: text, createdAt: new Date((clock += 1000)).toISOString() };
      pr.comments.push(comment);
      return [201, { id: comment.id, body: comment.body, created_at: comment.createdAt }];
    }
    if ((m = rest.match(/^issues\/comments\/(\d+)$/))) {
      const id = Number(m[1]);
      for (const pr of pulls.values()) {
        const index = pr.comments.findIndex((c) => c.id === id);
        if (index < 0) continue;
        if (method === "PATCH") {
          pr.comments[index]!.body = String(body.body);
          return [200, { id }];
        }
        if (method === "DELETE") {
          pr.comments.splice(index, 1);
          return [204, null];
        }
      }
      return [404, { message: "Not Found" }];
    }
    if (method === "POST" && (m = rest.match(/^pulls\/(\d+)\/reviews$/))) {
      const pr = pullOf(owner, repo, m[1]!);
      if (!pr) return [404, { message: "Not Found" }];
      pr.reviews++;
      for (const c of (body.comments ?? []) as { body: string }[]) pr.reviewComments.push(c.body);
      return [200, { id: nextId++, state: "COMMENTED" }];
    }
    if (method === "POST" && rest === "labels") {
      const name = String(body.name);
      if ([...repoLabels].some((l) => l.toLowerCase() === name.toLowerCase())) return [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }];
      repoLabels.add(name);
      return [201, { name, color: body.color }];
    }
    if (method === "POST" && (m = rest.match(/^issues\/(\d+)\/labels$/))) {
      const pr = pullOf(owner, repo, m[1]!);
      if (!pr) return [404, { message: "Not Found" }];
      for (const name of body.labels as string[]) {
        repoLabels.add(name);
        if (!pr.labels.includes(name)) pr.labels.push(name);
      }
      return [200, pr.labels.map((name) => ({ name }))];
    }
    if (method === "DELETE" && (m = rest.match(/^issues\/(\d+)\/labels\/(.+)$/))) {
      const pr = pullOf(owner, repo, m[1]!);
      const name = decodeURIComponent(m[2]!);
      if (!pr || !pr.labels.includes(name)) return [404, { message: "Label does not exist" }];
      pr.labels = pr.labels.filter((l) => l !== name);
      return [200, pr.labels.map((n) => ({ name: n }))];
    }
    problems.push(`unknown route ${method} ${path}`);
    return [404, { message: "Not Found" }];

    function graphql(query: string, variables: Record<string, unknown>): unknown {
      const pr = pullOf(String(variables.owner), String(variables.name), Number(variables.number));
      const comments = () => ({
        pageInfo: { hasPreviousPage: false, startCursor: null },
        nodes: (pr?.comments ?? []).slice(-100).map((c) => ({ databaseId: c.id, body: c.body, createdAt: c.createdAt, viewerDidAuthor: true })),
      });
      if (/^query BotComments/.test(query)) return { data: { repository: { pullRequest: pr ? { comments: comments() } : null } } };
      const repository: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(variables)) {
        if (!/^p\d+$/.test(name)) continue;
        const expression = String(value);
        const [rev, path] = [expression.slice(0, expression.indexOf(":")), expression.slice(expression.indexOf(":") + 1)];
        const prefix = `${String(variables.owner)}/${String(variables.name)}#`;
        const atRev = [...pulls.entries()].find(([key, p]) => key.startsWith(prefix) && p.headSha === rev)?.[1];
        const found = atRev?.files.find((f) => f.filename === path);
        repository[name] = found ? { byteSize: Buffer.byteLength(found.content), isBinary: false, isTruncated: false, text: found.content } : null;
      }
      if (/^query ReviewState/.test(query)) {
        repository.config = null;
        const startups = { oid: "5a7e5a7e5a7e5a7e5a7e5a7e5a7e5a7e5a7e5a7e", entries: ["mon-entreprise", "api-gouv", "mes-aides"].map((id) => ({ name: `${id}.md`, type: "blob" })) };
        repository.startupsHead = startups;
        repository.startupsBase = startups;
        repository.labels = { nodes: [...labelsOf(String(variables.owner), String(variables.name))].map((name) => ({ name })) };
        repository.headCommit = { checkSuites: { nodes: [] } };
        repository.pullRequest = pr
          ? {
              changedFiles: pr.files.length,
              headRefOid: pr.headSha,
              labels: { nodes: pr.labels.map((name) => ({ name })) },
              comments: comments(),
              reviewThreads: {
                pageInfo: { hasPreviousPage: false, startCursor: null },
                nodes: pr.reviewComments.slice(-100).map((b, i) => ({ id: `PRRT_${i}`, isResolved: false, path: "", comments: { nodes: [{ body: b, viewerDidAuthor: true }] } })),
              },
              timelineItems: { nodes: [] },
            }
          : null;
      }
      return { data: { repository } };
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const path = (req.url ?? "/").split("?")[0]!;
        const method = req.method ?? "GET";
        const route = routeOf(method, path);
        count(requests, route);
        let body: Record<string, unknown> = {};
        try {
          body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
        } catch {
          problems.push(`invalid JSON body on ${route}`);
        }
        await new Promise((r) => setTimeout(r, latencyMs));
        const faulty = options.fault?.(method, route) ?? null;
        const [status, answer] = faulty !== null ? [faulty, { message: "Injected fault" }] : await handle(method, path, body);
        if (status >= 400) count(errors, `${route} ${status}`);
        if (answer === null) {
          res.writeHead(status).end();
          return;
        }
        const text = JSON.stringify(answer);
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}/api/v3`,
    token,
    pulls,
    requests,
    errors,
    problems,
    setPull(owner, repo, number, headSha, files) {
      pulls.set(`${owner}/${repo}#${number}`, { headSha, files, comments: [], checkRuns: [], reviews: 0, reviewComments: [], labels: [] });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** `METHOD /route` with numbers and names replaced, for counting. */
function routeOf(method: string, path: string): string {
  const route = path
    .replace(/^\/api\/v3/, "")
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{o}/{r}")
    .replace(/\/\d+(?=\/|$)/g, "/{n}")
    .replace(/\/labels\/[^/]+$/, "/labels/{name}");
  return `${method} ${route === "/api/graphql" ? "/graphql" : route}`;
}

function addedPatch(content: string): string {
  const lines = content.replace(/\n$/, "").split("\n");
  return `@@ -0,0 +1,${lines.length} @@\n` + lines.map((l) => "+" + l).join("\n");
}
