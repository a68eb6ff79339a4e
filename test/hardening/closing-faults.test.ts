/**
 * GitHub failing under the closing job, through the real app (the push handler, the production
 * Octokit with its retries) against the stateful closing GitHub: 5xx answers, timeouts, writes
 * GitHub did although the answer was lost, branches and pull requests created meanwhile by
 * another run (422), a posting changed or deleted meanwhile (409, 404). The end state is one
 * closing pull request per posting due, each closing its own posting, nothing twice.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { registerClosing } from "../../src/app/register-closing.js";
import {
  closingRepo,
  createPullRequest,
  fakeClosingGitHub,
  mockGitHub,
  type ClosingRepo,
  type GitHubMock,
} from "../support/github/index.js";
import { posting } from "../github/closing/fixtures.js";
import { appUnderTest, injectFaults, mockToken, type AppUnderTest, type Fault } from "./harness.js";
import { push } from "./payloads.js";

const NOW = new Date("2021-07-08T05:30:00Z");
const A = "content/_jobs/2021-06-01-a.md";
const B = "content/_jobs/2021-06-02-b.md";
const BRANCH_A = "recrutement-bot/fermeture/2021-06-01-a";

let gh: GitHubMock;
/** Without the throttling plugin (it only paces), and with it for rate limits. */
let app: AppUnderTest;
let throttled: AppUnderTest;
let n = 0;

beforeEach(() => {
  nock.disableNetConnect();
  app = appUnderTest((probot: Probot) => registerClosing(probot, { env: { CLOSING_SCHEDULE: "off" }, now: () => NOW }), {
    level: "info",
    octokit: { throttle: { enabled: false } },
  });
  throttled = appUnderTest((probot: Probot) => registerClosing(probot, { env: { CLOSING_SCHEDULE: "off" }, now: () => NOW }), {
    level: "info",
  });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function repository(): ClosingRepo {
  return closingRepo({ [A]: posting({ roles: "Poste A" }), [B]: posting({ roles: "Poste B", contract: "CDD" }) });
}

async function run(repo: ClosingRepo, faults: (r: ClosingRepo) => Fault[] = () => [], on = app): Promise<void> {
  nock.cleanAll();
  gh = mockGitHub();
  mockToken(gh.scope);
  injectFaults(gh, faults(repo));
  fakeClosingGitHub(gh, repo);
  await on.probot.receive({ id: `closing-${++n}`, name: "push", payload: push(repo, [A]) as never });
}

/** What people see: the open closing pull requests, by head, with what each changes and its labels. */
function visible(repo: ClosingRepo) {
  return repo.pulls
    .filter((p) => p.state === "open")
    .map((p) => ({
      head: p.head,
      title: p.title,
      labels: [...p.labels].sort(),
      changes: Object.entries(repo.branches.get(p.head) ?? {}).filter(([path, text]) => repo.files[path] !== text),
    }))
    .sort((x, y) => (x.head < y.head ? -1 : 1));
}

let baseline: ReturnType<typeof visible>;

const created = (r: ClosingRepo) => (body: unknown) => {
  const b = body as { head: string; title: string; body: string };
  r.pulls.push(createPullRequest({ number: 100 + r.pulls.length, head: b.head, state: "open", title: b.title, body: b.body, labels: [] }));
};

const RECOVERED: [string, (r: ClosingRepo) => Fault[]][] = [
  ["502 on the scan", () => [{ method: "POST", path: /^\/graphql$/, status: 502 }]],
  ["a timeout on the scan", () => [{ method: "POST", path: /^\/graphql$/, status: 200, body: {}, delayMs: 1_500 }]],
  ["500 on the config read", () => [{ method: "GET", path: /\/contents\/\.github/, status: 500 }]],
  ["503 on creating the branch, not created", () => [{ method: "POST", path: /\/git\/refs$/, status: 503 }]],
  [
    "a timeout on creating the branch although GitHub created it",
    (r) => [
      {
        method: "POST",
        path: /\/git\/refs$/,
        status: 201,
        body: {},
        delayMs: 1_500,
        effect: (b) => r.branches.set(String((b as { ref: string }).ref).replace("refs/heads/", ""), { ...r.files }),
      },
    ],
  ],
  ["502 on opening the pull request, not opened", () => [{ method: "POST", path: /\/pulls$/, status: 502 }]],
  [
    "502 on opening the pull request although GitHub opened it",
    (r) => [{ method: "POST", path: /\/pulls$/, status: 502, effect: created(r) }],
  ],
  [
    "secondary rate limit on opening the pull request",
    () => [
      {
        method: "POST",
        path: /\/pulls$/,
        status: 403,
        body: { message: "You have exceeded a secondary rate limit." },
        headers: { "retry-after": "1" },
      },
    ],
  ],
  ["502 on labelling the pull request", () => [{ method: "POST", path: /\/issues\/\d+\/labels$/, status: 502 }]],
  [
    "the branch created meanwhile by another run (422 Reference already exists), its pull request not yet open",
    (r) => [
      {
        method: "POST",
        path: /\/git\/refs$/,
        status: 422,
        body: { message: "Reference already exists" },
        effect: (b) => r.branches.set(String((b as { ref: string }).ref).replace("refs/heads/", ""), { ...r.files }),
      },
    ],
  ],
];

describe("faults the closing run recovers from", () => {
  it("baseline: one pull request per posting due", async () => {
    const repo = repository();
    await run(repo);
    baseline = visible(repo);
    expect(baseline.map((p) => [p.head, p.changes.length])).toEqual([
      [BRANCH_A, 1],
      ["recrutement-bot/fermeture/2021-06-02-b", 1],
    ]);
  });

  it.each(RECOVERED)("%s", async (_name, faults) => {
    const repo = repository();
    await run(repo, faults, /rate limit/i.test(_name) ? throttled : app);
    expect(visible(repo)).toEqual(baseline);
    expect(gh.invalid).toEqual([]);
  });
});

describe("faults the next run completes, with nothing twice", () => {
  const NEXT: [string, (r: ClosingRepo) => Fault[]][] = [
    [
      "a timeout on writing the posting although GitHub wrote it (the retry then finds the file changed: 409)",
      (r) => [
        {
          method: "PUT",
          path: /\/contents\//,
          status: 200,
          body: {},
          delayMs: 1_500,
          effect: (b) => {
            const body = b as { branch: string; content: string };
            const files = r.branches.get(body.branch)!;
            files[A] = Buffer.from(body.content, "base64").toString("utf8");
          },
        },
      ],
    ],
    [
      "the posting changed on the branch meanwhile (409)",
      (r) => [
        {
          method: "PUT",
          path: /\/contents\//,
          status: 409,
          body: { message: "does not match" },
          effect: (b) => (r.branches.get((b as { branch: string }).branch)![A] = "changé par quelqu'un\n"),
        },
      ],
    ],
    ["the posting deleted meanwhile (404)", () => [{ method: "PUT", path: /\/contents\//, status: 404, body: { message: "Not Found" } }]],
  ];

  it.each(NEXT)("%s", async (_name, faults) => {
    const repo = repository();
    await run(repo, faults);
    const first = visible(repo);
    // The other posting is not held up.
    expect(first.map((p) => p.head)).toContain("recrutement-bot/fermeture/2021-06-02-b");
    await run(repo);
    expect(visible(repo)).toEqual(baseline);
    await run(repo);
    expect(visible(repo)).toEqual(baseline);
  });
});

describe("a hostile default branch", () => {
  it("a 50 MiB posting (GitHub cuts its text): never read in full, the other postings closed", async () => {
    const repo = repository();
    const huge = "content/_jobs/2021-06-03-enorme.md";
    repo.files[huge] = posting({ roles: "Énorme" });
    repo.blobNodes.set(huge, { byteSize: 50 * 1024 * 1024, isBinary: false, isTruncated: true, text: "x".repeat(512_000) });
    await run(repo);
    expect(gh.calls().filter((c) => c.includes("/git/blobs/"))).toEqual([]);
    expect(visible(repo)).toEqual(baseline);
  });
});
