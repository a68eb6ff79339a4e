/**
 * GitHub requests per review (`npm run bench -- review-requests`): the review runs against a
 * fake GitHub (nock, the tests' fake repository) and every request is counted, for a pull
 * request with 1 posting and with 20, next to a naive reading (one request per file and per
 * startup id). The installation-token exchange is not counted: Probot caches the token for an
 * hour per installation, it is not part of a review.
 * Targets (issue 3): at most 7 requests for 1 posting, at most 10 for 20.
 */
import nock from "nock";
import { Octokit } from "@octokit/rest";
import pino from "pino";
import { mockGitHub } from "../test/support/github/index.js";
import { defaultState, fakeGitHub, type FakeFile, type FakeState } from "../test/support/github/index.js";
import { newReviewMemory, reviewPullRequest, type ReviewMemory } from "../src/github/review/review-pull-request.js";
import { CONTRACTS, posting as benchPosting } from "./lib/postings.js";
import { table, type BenchOptions, type Section } from "./lib/report.js";

export interface Row {
  scenario: string;
  /** `METHOD /path` of each request, in order. */
  requests: string[];
  reads: number;
  writes: number;
}

function posting(i: number, withErrors: boolean): FakeFile {
  return { ...benchPosting(i, withErrors), status: "added" };
}

async function review(state: FakeState, memory: ReviewMemory): Promise<string[]> {
  const gh = mockGitHub();
  fakeGitHub(gh, state);
  const octokit = new Octokit({ auth: "ghs_bench", request: { retries: 0 } });
  await reviewPullRequest(
    octokit,
    {
      owner: state.owner,
      repo: state.repo,
      pullNumber: state.number,
      headSha: state.headSha,
      baseSha: state.baseSha,
      defaultBranch: state.defaultBranch,
    },
    pino({ level: "silent" }),
    memory,
  );
  if (gh.invalid.length > 0) throw new Error(gh.invalid.join("\n"));
  const calls = gh.calls();
  nock.cleanAll();
  return calls;
}

/**
 * A naive review: the same writes, but reads one by one: the config, the files, each posting,
 * each posting's startup page, the comments and the review comments (instead of our files
 * request and our one GraphQL query).
 */
function naive(ours: string[], postings: number): number {
  const ourReads = 2; // GET files + the main GraphQL query
  return ours.length - ourReads + 1 + 1 + postings + postings + 1 + 1;
}

export async function run(_options: BenchOptions = {}): Promise<Section<{ rows: Row[]; naive: { one: number; twenty: number } }>> {
  nock.disableNetConnect();
  const labels = CONTRACTS.map((name) => ({ name: `contrat: ${name}`, color: "ededed", description: null }));
  const calls: { scenario: string; requests: string[] }[] = [];

  // One posting: first push with errors, the same push again, then the fix.
  const one = defaultState({ files: [posting(0, true)], repositoryLabels: labels });
  const memory = newReviewMemory();
  calls.push({ scenario: "1 offre, 1er push avec erreurs", requests: await review(one, memory) });
  calls.push({ scenario: "1 offre, même push à nouveau", requests: await review(one, memory) });
  one.headSha = "1".repeat(40);
  one.files = [posting(0, false)];
  calls.push({ scenario: "1 offre, correction poussée", requests: await review(one, memory) });

  // Twenty postings: ten with errors, three contract types.
  const twenty = defaultState({ files: Array.from({ length: 20 }, (_, i) => posting(i, i % 2 === 0)), repositoryLabels: labels });
  calls.push({ scenario: "20 offres, 1er push avec erreurs", requests: await review(twenty, newReviewMemory()) });
  calls.push({ scenario: "20 offres, push suivant", requests: await review(twenty, memory) });

  // A repository whose config moves the postings folder: the first review reads twice.
  const moved = defaultState({
    config: "postings: jobs\n",
    files: [{ ...posting(0, true), filename: "jobs/poste.md" }],
    repositoryLabels: labels,
  });
  const movedMemory = newReviewMemory();
  calls.push({ scenario: "dossier configuré, 1re relecture", requests: await review(moved, movedMemory) });
  calls.push({ scenario: "dossier configuré, relecture suivante", requests: await review(moved, movedMemory) });
  nock.enableNetConnect();

  const rows: Row[] = calls.map(({ scenario, requests }) => {
    const reads = requests.filter((c) => c.startsWith("GET ") || c === "POST /graphql").length;
    return { scenario, requests, reads, writes: requests.length - reads };
  });
  const first = rows[0]!.requests.length;
  const firstTwenty = rows[3]!.requests.length;
  const naiveCounts = { one: naive(rows[0]!.requests, 1), twenty: naive(rows[3]!.requests, 20) };
  const text = [
    ...table(
      ["scénario", "requêtes", "lectures", "écritures", "détail"],
      rows.map((row) => [row.scenario, String(row.requests.length), String(row.reads), String(row.writes), summarise(row.requests)]),
      "lrrrl",
    ),
    "",
    `Lecture naïve (config, fichiers, une requête par offre et par startup, commentaires, commentaires de revue ; mêmes écritures) : 1 offre ${naiveCounts.one}, 20 offres ${naiveCounts.twenty}.`,
    `Objectifs : 1 offre ≤ 7 (${first <= 7 ? "tenu" : "DÉPASSÉ"} : ${first}), 20 offres ≤ 10 (${firstTwenty <= 10 ? "tenu" : "DÉPASSÉ"} : ${firstTwenty}).`,
    "Non compté : l'échange du jeton d'installation (mis en cache une heure par Probot).",
  ];
  return { name: "review-requests", title: "Requêtes GitHub par relecture", data: { rows, naive: naiveCounts }, text };
}

function summarise(calls: string[]): string {
  const short = calls.map((c) =>
    c
      .replace(/ \/repos\/[^/]+\/[^/]+/, " ")
      .replace(/\/\d+/g, "/:n")
      .replace(/^(GET|POST|PATCH|DELETE) /, (m) => m.toLowerCase()),
  );
  const counts = new Map<string, number>();
  for (const c of short) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${n}× ${c}` : c)).join(", ");
}
