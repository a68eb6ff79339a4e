/**
 * Load (`npm run bench -- load`): the real app server (Probot's `Server` on loopback, the app
 * of src/index.ts, the app's Octokit) in a child process, GitHub replaced by a stand-in on
 * loopback answering every request after 50 ms (bench/lib/github-stand-in.ts). 500 deliveries
 * signed with the webhook secret (pull_request opened then synchronize on 50 pull requests, a
 * third of them with errors in their postings) are sent 20 at a time, as GitHub would.
 *
 * Reported: deliveries per second, the time the app takes to answer each webhook POST (GitHub
 * waits 10 s at most), the app process's peak RSS, and what GitHub holds at the end (a check run
 * per delivery: none lost; one comment per pull request, each suggestion once: nothing twice).
 *
 * Probot's throttling plugin paces requests as GitHub asks (1 s between writes and GraphQL
 * queries, 3 s between comments, per installation): with it, the app's own speed cannot be
 * measured, so the main run goes without it; a second, small run with it shows what GitHub
 * then sees (answers at 9 s with 202 "still processing" while the work goes on).
 */
import { fork, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultState } from "../test/support/github/index.js";
import { pullRequestEvent } from "../test/github/review/payloads.js";
import { startGitHubStandIn, type GitHubStandIn, type StandInFile } from "./lib/github-stand-in.js";
import { deliver, type DeliveryAnswer } from "./lib/webhook-delivery.js";
import { freePort } from "../test/helpers/free-port.js";

const DELIVERIES = 500;
const PULL_REQUESTS = 50;
const CONCURRENCY = 20;
const LATENCY_MS = 50;
const WINDOW_MS = 10_000;
const SECRET = "bench-webhook-secret-0123456789abcdef";
const OWNER = "Codertocat";
const REPO = "Hello-World";

const WITH_ERRORS = readFileSync(new URL("../test/fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const FIXED = readFileSync(new URL("../test/fixtures/review/posting-fixed.md", import.meta.url), "utf8");

interface ChildStats {
  peakRssMiB: number;
  rssMiB: number;
  heapMiB: number;
  logLines: number;
  logBytes: number;
  errorLines: number;
}

function sha(n: number): string {
  return n.toString(16).padStart(40, "0");
}

function postingsOf(pr: number): StandInFile[] {
  const count = 1 + (pr % 3);
  const withErrors = pr % 3 === 0;
  return Array.from({ length: count }, (_, i) => ({
    filename: `content/_jobs/2026-03-${String(i + 1).padStart(2, "0")}-poste-${pr}.md`,
    content: (withErrors ? WITH_ERRORS : FIXED).replace("roles: Développeur·se full stack", `roles: Poste ${pr}-${i}`),
  }));
}


async function startApp(standIn: GitHubStandIn, throttle: boolean, privateKey: string): Promise<{ url: string; child: ChildProcess; stats(): Promise<ChildStats>; stop(): Promise<void> }> {
  const port = await freePort();
  const child = fork(fileURLToPath(new URL("./lib/app-server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { PATH: process.env.PATH, PORT: String(port), GITHUB_BASE_URL: standIn.baseUrl, WEBHOOK_SECRET: SECRET, PRIVATE_KEY: privateKey, BENCH_THROTTLE: throttle ? "on" : "off", CLOSING_SCHEDULE: "off", NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`app server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    child,
    stats: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m as ChildStats));
        child.send("stats");
      }),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Sends `payloads` `concurrency` at a time; the answers in sending order. */
async function send(url: string, deliveries: { id: string; payload: unknown }[], concurrency: number): Promise<DeliveryAnswer[]> {
  const answers: DeliveryAnswer[] = new Array(deliveries.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const i = next++;
        answers[i] = await deliver(url, { name: "pull_request", ...deliveries[i]! }, SECRET, { timeoutMs: 30_000 });
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
      const state = defaultState({ owner: OWNER, repo: REPO, number: pr, headSha: sha(pr) });
      out.push({ id: `${prefix}-${pr}-${round}`, pr, payload: pullRequestEvent(state, round === 0 ? "opened" : "synchronize") });
    }
  }
  return out;
}

/** What GitHub holds for these pull requests once `expected` check runs are there (or `waitMs` passed). */
async function settle(standIn: GitHubStandIn, prs: number[], expected: number, waitMs: number): Promise<number> {
  const started = performance.now();
  const runs = () => prs.reduce((n, pr) => n + (standIn.pulls.get(`${OWNER}/${REPO}#${pr}`)?.checkRuns.length ?? 0), 0);
  while (runs() < expected && performance.now() - started < waitMs) await new Promise((r) => setTimeout(r, 100));
  return performance.now() - started;
}

function audit(standIn: GitHubStandIn, prs: number[], perPr: number) {
  let checkRuns = 0;
  let lostPrs = 0;
  let duplicateComments = 0;
  let missingComments = 0;
  let duplicateSuggestions = 0;
  let wrongLabels = 0;
  for (const pr of prs) {
    const p = standIn.pulls.get(`${OWNER}/${REPO}#${pr}`)!;
    checkRuns += p.checkRuns.length;
    if (p.checkRuns.length < perPr) lostPrs++;
    const withErrors = pr % 3 === 0;
    if (p.comments.length > 1) duplicateComments += p.comments.length - 1;
    if (withErrors && p.comments.length === 0) missingComments++;
    const markers = p.reviewComments.map((b) => /suggestion:([0-9a-f]+)/.exec(b)?.[1]);
    duplicateSuggestions += markers.length - new Set(markers).size;
    if (JSON.stringify(p.labels) !== JSON.stringify(["contrat: indépendant"])) wrongLabels++;
  }
  return { checkRuns, lostPrs, duplicateComments, missingComments, duplicateSuggestions, wrongLabels };
}

function summary(answers: DeliveryAnswer[]) {
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  const late = answers.filter((a) => a.ms > WINDOW_MS || a.status === 0).length;
  const failed = answers.filter((a) => a.status !== 200 && a.status !== 202).length;
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)!, statuses: [...statuses].map(([s, n]) => `${n}×${s}`).join(", "), late, failed };
}

export async function run(): Promise<void> {
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  console.log("\n## load: signed deliveries through the app server\n");

  // Main run: the app's own speed (GitHub's pacing off).
  const standIn = await startGitHubStandIn({ latencyMs: LATENCY_MS });
  const prs = Array.from({ length: PULL_REQUESTS }, (_, i) => i + 1);
  for (const pr of prs) standIn.setPull(OWNER, REPO, pr, sha(pr), postingsOf(pr));
  const app = await startApp(standIn, false, privateKey);
  const before = await app.stats();
  const deliveries = deliveriesFor(prs, DELIVERIES / PULL_REQUESTS, "load");
  const started = performance.now();
  const answers = await send(app.url, deliveries, CONCURRENCY);
  const wallMs = performance.now() - started;
  await settle(standIn, prs, DELIVERIES, 15_000);
  const after = await app.stats();
  await app.stop();
  const s = summary(answers);
  const a = audit(standIn, prs, DELIVERIES / PULL_REQUESTS);
  const requests = [...standIn.requests.values()].reduce((x, y) => x + y, 0);
  await standIn.close();

  console.log(`${DELIVERIES} deliveries (${PULL_REQUESTS} pull requests, a third with errors; 1 to 3 postings each), ${CONCURRENCY} at a time; GitHub stand-in ${LATENCY_MS} ms per request; throttling plugin off`);
  console.log("");
  console.log("| deliveries/s | answer p50 | answer p99 | slowest | answers | over 10 s or failed | peak RSS (app) | RSS before |");
  console.log("|---:|---:|---:|---:|---|---:|---:|---:|");
  console.log(
    `| ${((DELIVERIES / wallMs) * 1000).toFixed(1)} | ${s.p50.toFixed(0)} ms | ${s.p99.toFixed(0)} ms | ${s.max.toFixed(0)} ms | ${s.statuses} | ${s.late + s.failed} | ${after.peakRssMiB.toFixed(0)} MiB | ${before.rssMiB.toFixed(0)} MiB |`,
  );
  console.log("");
  console.log(
    `On GitHub afterwards: ${a.checkRuns} check runs for ${DELIVERIES} deliveries (lost: ${DELIVERIES - a.checkRuns}); comments written twice: ${a.duplicateComments}, missing: ${a.missingComments}; suggestions twice: ${a.duplicateSuggestions}; pull requests with wrong labels: ${a.wrongLabels}.`,
  );
  console.log(`${requests} requests to GitHub (${(requests / DELIVERIES).toFixed(1)} per delivery); app logs: ${after.logLines} lines, ${(after.logBytes / 1024).toFixed(0)} KiB, ${after.errorLines} at error level; heap at the end ${after.heapMiB.toFixed(0)} MiB.`);
  if (standIn.problems.length > 0) console.log(`Stand-in problems: ${[...new Set(standIn.problems)].slice(0, 5).join("; ")}`);

  // Small run with GitHub's pacing on: what GitHub sees from one installation under a burst.
  const paced = await startGitHubStandIn({ latencyMs: LATENCY_MS });
  const pacedPrs = Array.from({ length: 8 }, (_, i) => 1000 + i * 3 + 1); // no errors: a check run and a label each
  for (const pr of pacedPrs) paced.setPull(OWNER, REPO, pr, sha(pr), postingsOf(pr));
  const pacedApp = await startApp(paced, true, privateKey);
  const pacedStart = performance.now();
  const pacedAnswers = await send(pacedApp.url, deliveriesFor(pacedPrs, 1, "paced"), CONCURRENCY);
  const drainMs = (await settle(paced, pacedPrs, pacedPrs.length, 60_000)) + (performance.now() - pacedStart);
  const pacedStats = await pacedApp.stop().then(() => summary(pacedAnswers));
  const pacedAudit = audit(paced, pacedPrs, 1);
  await paced.close();
  console.log("");
  console.log(
    `With the throttling plugin on (production), ${pacedPrs.length} deliveries at once for one installation: answers ${pacedStats.statuses}, p50 ${pacedStats.p50.toFixed(0)} ms, slowest ${pacedStats.max.toFixed(0)} ms (Probot answers 202 at 9 s and keeps working); all ${pacedAudit.checkRuns} check runs written after ${(drainMs / 1000).toFixed(1)} s; over 10 s or failed: ${pacedStats.late + pacedStats.failed}.`,
  );
}
