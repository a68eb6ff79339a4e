/**
 * The load benchmark's GitHub: the tests' fake GitHub (test/support/github) on a loopback server,
 * in GitHub Enterprise Server's layout (REST under /api/v3, GraphQL at /api/graphql), so that the
 * real app reaches it with `baseUrl` (or GHE_HOST + GHE_PROTOCOL=http for `npm start`). Every
 * answer waits `latencyMs`. Seen here through what the benchmark counts: per pull request what a
 * review wrote, requests per route, errors, problems.
 */
import {
  createPullRequest,
  createRepository,
  DEFAULT_STARTUPS,
  FakeGitHub,
  HookDeliveries,
  startGitHubServer,
  startupFiles,
  type Repository,
} from "../../test/support/github/index.js";

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
  /** What each pull request holds, by `owner/repo#number` (read when asked). */
  readonly pulls: { get(key: string): StandInPull | undefined };
  /** Requests per `METHOD route`. */
  readonly requests: Map<string, number>;
  /** Requests answered with an error (4xx/5xx), by `METHOD route status`. */
  readonly errors: Map<string, number>;
  /** Requests outside GitHub's descriptions or the fake's routes, and what GitHub's limits refused. */
  readonly problems: string[];
  setPull(owner: string, repo: string, number: number, headSha: string, files: StandInFile[]): void;
  /** A new push on an existing pull request: new head and files; what the app wrote stays. */
  pushPull(owner: string, repo: string, number: number, headSha: string, files: StandInFile[]): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  latencyMs?: number;
  token?: string;
  /** Answers a request with this status instead (fault injection); null: answer normally. */
  fault?: (method: string, route: string) => number | null;
}

/** `METHOD /route` with numbers and names replaced, for counting. */
function routeOf(method: string, path: string): string {
  const route = path
    .split("?")[0]!
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{o}/{r}")
    .replace(/\/\d+(?=\/|$)/g, "/{n}")
    .replace(/\/labels\/[^/]+$/, "/labels/{name}");
  return `${method} ${route === "/api/graphql" ? "/graphql" : route}`;
}

const count = (keys: string[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const token = options.token ?? "ghs_standInInstallationToken000000000000";
  // Many deliveries a minute: GitHub's pacing is Probot's to do (BENCH_THROTTLE), not the fake's to refuse.
  const fake = new FakeGitHub({ installationToken: token, secondaryRateLimit: false });
  // The benchmark sends its deliveries itself: GitHub's list of them, which the app reads to recover missed ones, is empty.
  fake.hooks = new HookDeliveries({ target: () => null });
  const fault = options.fault;
  const server = await startGitHubServer(fake, {
    latencyMs: options.latencyMs ?? 50,
    ...(fault ? { fault: (method, path) => fault(method, routeOf(method, path)) } : {}),
  });
  const reviewsOf = (repo: Repository, number: number) =>
    server.requests.filter(
      (r) => r.method === "POST" && r.path === `/repos/${repo.owner}/${repo.repo}/pulls/${number}/reviews` && r.status === 200,
    ).length;
  return {
    origin: server.origin,
    baseUrl: server.baseUrl,
    token,
    pulls: {
      get(key) {
        const [, owner, name, number] = /^([^/]+)\/([^#]+)#(\d+)$/.exec(key) ?? [];
        const repo = fake.repository(owner ?? "", name ?? "");
        const p = repo?.pulls.find((x) => x.number === Number(number));
        if (!repo || !p) return undefined;
        return {
          headSha: p.headSha,
          files: p.files.map((f) => ({ filename: f.filename, content: typeof f.content === "string" ? f.content : "" })),
          comments: p.comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.created_at })),
          checkRuns: repo.checkRuns
            .filter((r) => r.head_sha === p.headSha)
            .map((r) => ({ id: r.id, headSha: r.head_sha, conclusion: r.conclusion, title: r.title })),
          reviews: reviewsOf(repo, p.number),
          reviewComments: p.reviewComments.map((c) => c.body),
          labels: p.labels,
        };
      },
    },
    get requests() {
      return count(server.requests.map((r) => routeOf(r.method, r.path)));
    },
    get errors() {
      return count(server.requests.filter((r) => (r.status ?? 0) >= 400).map((r) => `${routeOf(r.method, r.path)} ${r.status}`));
    },
    get problems() {
      return [...server.invalid, ...fake.repositories.flatMap((r) => r.refused.map((x) => `${x.request}: ${x.status} ${x.message}`))];
    },
    setPull(owner, repo, number, headSha, files) {
      const repository = fake.repository(owner, repo) ?? fake.add(createRepository({ owner, repo, files: startupFiles(DEFAULT_STARTUPS) }));
      repository.pulls = repository.pulls.filter((p) => p.number !== number);
      repository.pulls.push(
        createPullRequest({ number, headSha, files: files.map((f) => ({ filename: f.filename, status: "added", content: f.content })) }),
      );
    },
    pushPull(owner, repo, number, headSha, files) {
      const pull = fake.repository(owner, repo)?.pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request ${owner}/${repo}#${number}`);
      const pushed = createPullRequest({
        number,
        headSha,
        files: files.map((f) => ({ filename: f.filename, status: "added", content: f.content })),
      });
      pull.headSha = pushed.headSha;
      pull.files = pushed.files;
    },
    close: () => server.close(),
  };
}
