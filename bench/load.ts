/**
 * A burst of webhooks (`npm run bench -- load`): the real app server (bench/lib/app-process.ts,
 * `unpaced`: the sources, the throttling plugin off), GitHub replaced by the stand-in answering
 * every request after 50 ms (bench/lib/github.ts). 500 deliveries signed with the webhook secret
 * (pull_request opened then synchronize on 50 pull requests, a third of them with errors in their
 * postings) are sent 20 at a time, as GitHub would.
 *
 * Reported: deliveries per second, the time the app takes to answer each webhook POST (GitHub
 * waits 10 s at most), the app process's peak RSS, and what GitHub holds at the end: a check run
 * on each pull request's head (none lost) and only one (the same commit delivered again with the
 * same verdict writes no second check run), one comment per pull request, each suggestion once.
 *
 * Probot's throttling plugin paces requests as GitHub asks (1 s between writes and GraphQL
 * queries, 3 s between comments, per installation): with it, the app's own speed cannot be
 * measured, so the main run goes without it; a second, small run with the bundle as deployed
 * (`deployed`, the plugin on) shows what GitHub then sees (answers at 9 s with 202 "still
 * processing" while the work goes on).
 */
import { defaultState } from "../test/support/github/index.js";
import { pullRequestEvent } from "../test/github/review/payloads.js";
import { startApp, WEBHOOK_SECRET } from "./lib/app-process.js";
import { startBenchGitHub, type BenchGitHub } from "./lib/github.js";
import { posting, sha, type Posting } from "./lib/postings.js";
import { table, type BenchOptions, type Section } from "./lib/report.js";
import { deliver, type DeliveryAnswer } from "./lib/webhook-delivery.js";

const DELIVERIES = 500;
const PULL_REQUESTS = 50;
const CONCURRENCY = 20;
const LATENCY_MS = 50;
const WINDOW_MS = 10_000;
const OWNER = "Codertocat";
const REPO = "Hello-World";

function postingsOf(pr: number): Posting[] {
  const count = 1 + (pr % 3);
  return Array.from({ length: count }, (_, i) => posting(i, pr % 3 === 0, { tag: `${pr}-`, contract: "indépendant" }));
}

/** Sends the deliveries `concurrency` at a time; the answers in sending order. */
async function send(url: string, deliveries: { id: string; payload: unknown }[], concurrency: number): Promise<DeliveryAnswer[]> {
  const answers = new Array<DeliveryAnswer>(deliveries.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const i = next++;
        answers[i] = await deliver(url, { name: "pull_request", ...deliveries[i]! }, WEBHOOK_SECRET, { timeoutMs: 30_000 });
      }
    }),
  );
  return answers;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function deliveriesFor(prs: number[], perPr: number, prefix: string): { id: string; pr: number; payload: unknown }[] {
  const out: { id: string; pr: number; payload: unknown }[] = [];
  for (let round = 0; round < perPr; round++) {
    for (const pr of prs) {
      const state = defaultState({
        owner: OWNER,
        repo: REPO,
        number: pr,
        headSha: sha(pr),
        files: postingsOf(pr).map((p) => ({ ...p, status: "added" as const })),
      });
      out.push({ id: `${prefix}-${pr}-${round}`, pr, payload: pullRequestEvent(state, round === 0 ? "opened" : "synchronize") });
    }
  }
  return out;
}

const reviewed = (github: BenchGitHub, pr: number) => {
  const p = github.pull(OWNER, REPO, pr);
  return p !== undefined && p.checkRuns.some((c) => c.headSha === p.headSha);
};

/** Waits until every pull request has a check run on its head (or `waitMs` passed); the time waited. */
async function settle(github: BenchGitHub, prs: number[], waitMs: number): Promise<number> {
  const started = performance.now();
  while (!prs.every((pr) => reviewed(github, pr)) && performance.now() - started < waitMs) await new Promise((r) => setTimeout(r, 100));
  return performance.now() - started;
}

function audit(github: BenchGitHub, prs: number[]) {
  let checkRuns = 0;
  let withoutCheckRun = 0;
  let duplicateCheckRuns = 0;
  let duplicateComments = 0;
  let missingComments = 0;
  let duplicateSuggestions = 0;
  let wrongLabels = 0;
  for (const pr of prs) {
    const p = github.pull(OWNER, REPO, pr)!;
    checkRuns += p.checkRuns.length;
    const onHead = p.checkRuns.filter((c) => c.headSha === p.headSha).length;
    if (onHead === 0) withoutCheckRun++;
    duplicateCheckRuns += Math.max(0, onHead - 1);
    const withErrors = pr % 3 === 0;
    if (p.comments.length > 1) duplicateComments += p.comments.length - 1;
    if (withErrors && p.comments.length === 0) missingComments++;
    const markers = p.reviewComments.map((b) => /suggestion:([0-9a-f]+)/.exec(b)?.[1]);
    duplicateSuggestions += markers.length - new Set(markers).size;
    if (JSON.stringify(p.labels) !== JSON.stringify(["contrat: indépendant"])) wrongLabels++;
  }
  return { checkRuns, withoutCheckRun, duplicateCheckRuns, duplicateComments, missingComments, duplicateSuggestions, wrongLabels };
}

function summary(answers: DeliveryAnswer[]) {
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  const late = answers.filter((a) => a.ms > WINDOW_MS || a.status === 0).length;
  const failed = answers.filter((a) => a.status !== 200 && a.status !== 202).length;
  return {
    p50Ms: Math.round(percentile(times, 50)),
    p99Ms: Math.round(percentile(times, 99)),
    maxMs: Math.round(times.at(-1)!),
    statuses: Object.fromEntries(statuses),
    lateOrFailed: late + failed,
  };
}

const statusText = (s: Record<number, number>) =>
  Object.entries(s)
    .map(([status, n]) => `${n}×${status}`)
    .join(", ");

export async function run(options: BenchOptions = {}): Promise<Section> {
  // Main run: the app's own speed (GitHub's pacing off).
  options.progress?.(`load: ${DELIVERIES} deliveries`);
  const github = await startBenchGitHub(LATENCY_MS);
  const prs = Array.from({ length: PULL_REQUESTS }, (_, i) => i + 1);
  for (const pr of prs) github.openPull(OWNER, REPO, pr, sha(pr), postingsOf(pr));
  const app = await startApp("unpaced", github.origin);
  const before = await app.stats();
  const deliveries = deliveriesFor(prs, DELIVERIES / PULL_REQUESTS, "load");
  const started = performance.now();
  const answers = await send(app.webhookUrl, deliveries, CONCURRENCY);
  const wallMs = performance.now() - started;
  await settle(github, prs, 15_000);
  const after = await app.stats();
  await app.stop();
  const main = {
    deliveries: DELIVERIES,
    pullRequests: PULL_REQUESTS,
    concurrency: CONCURRENCY,
    perSecond: Math.round((DELIVERIES / wallMs) * 10000) / 10,
    answers: summary(answers),
    peakRssMiB: after.peakRssMiB,
    rssBeforeMiB: before.rssMiB,
    heapAfterMiB: after.heapMiB,
    requests: github.requestCount(),
    logLines: after.logLines,
    logKiB: Math.round(after.logBytes / 1024),
    errorLines: after.errorLines,
    onGitHub: audit(github, prs),
    problems: [...new Set(github.problems())].slice(0, 5),
  };
  await github.close();

  // Small run as deployed (the throttling plugin on): what GitHub sees from one installation under a burst.
  options.progress?.("load: burst on the deployed bundle");
  const paced = await startBenchGitHub(LATENCY_MS);
  const pacedPrs = Array.from({ length: 8 }, (_, i) => 1000 + i * 3 + 1); // no errors: a check run and a label each
  for (const pr of pacedPrs) paced.openPull(OWNER, REPO, pr, sha(pr), postingsOf(pr));
  const pacedApp = await startApp("deployed", paced.origin);
  const pacedStart = performance.now();
  const pacedAnswers = await send(pacedApp.webhookUrl, deliveriesFor(pacedPrs, 1, "paced"), CONCURRENCY);
  const drainMs = (await settle(paced, pacedPrs, 60_000)) + (performance.now() - pacedStart);
  await pacedApp.stop();
  const burst = {
    deliveries: pacedPrs.length,
    answers: summary(pacedAnswers),
    allCheckRunsAfterMs: Math.round(drainMs),
    checkRuns: audit(paced, pacedPrs).checkRuns,
  };
  await paced.close();

  const s = main.answers;
  const a = main.onGitHub;
  const text = [
    `${DELIVERIES} livraisons (${PULL_REQUESTS} pull requests, un tiers avec erreurs, 1 à 3 offres chacune), ${CONCURRENCY} à la fois ; GitHub simulé répond en ${LATENCY_MS} ms ; sources, plugin de régulation coupé.`,
    "",
    ...table(
      ["livraisons/s", "réponse p50", "réponse p99", "la plus lente", "réponses", "après 10 s ou en échec", "RSS max (app)", "RSS avant"],
      [
        [
          String(main.perSecond),
          `${s.p50Ms} ms`,
          `${s.p99Ms} ms`,
          `${s.maxMs} ms`,
          statusText(s.statuses),
          String(s.lateOrFailed),
          `${main.peakRssMiB?.toFixed(0)} Mio`,
          `${main.rssBeforeMiB?.toFixed(0)} Mio`,
        ],
      ],
      "rrrrlrrr",
    ),
    "",
    `Sur GitHub ensuite : ${a.checkRuns} check runs pour ${PULL_REQUESTS} pull requests (${DELIVERIES / PULL_REQUESTS} livraisons du même commit chacune) ; sans check run sur leur dernier commit : ${a.withoutCheckRun}, check runs en double : ${a.duplicateCheckRuns} ; commentaires en double : ${a.duplicateComments}, manquants : ${a.missingComments} ; suggestions en double : ${a.duplicateSuggestions} ; pull requests aux étiquettes fausses : ${a.wrongLabels}.`,
    `${main.requests} requêtes à GitHub (${(main.requests / DELIVERIES).toFixed(1)} par livraison) ; journal de l'app : ${main.logLines} lignes, ${main.logKiB} Kio, ${main.errorLines} en erreur ; tas à la fin ${main.heapAfterMiB?.toFixed(0)} Mio.`,
    ...(main.problems.length > 0 ? [`Requêtes refusées par GitHub simulé : ${main.problems.join(" ; ")}`] : []),
    "",
    `Telle que déployée (bundle, régulation active), ${burst.deliveries} livraisons d'un coup pour une installation : réponses ${statusText(burst.answers.statuses)}, p50 ${burst.answers.p50Ms} ms, la plus lente ${burst.answers.maxMs} ms (Probot répond 202 à 9 s et continue) ; les ${burst.checkRuns} check runs écrits après ${(burst.allCheckRunsAfterMs / 1000).toFixed(1)} s ; après 10 s ou en échec : ${burst.answers.lateOrFailed}.`,
  ];
  return {
    name: "load",
    title: "Rafale de webhooks à travers le serveur de l'application",
    data: { githubLatencyMs: LATENCY_MS, main, burst },
    text,
  };
}
