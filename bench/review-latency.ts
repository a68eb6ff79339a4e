/**
 * How long people wait for a review (`npm run bench -- review-latency`): a signed `pull_request`
 * webhook is posted to the real app, and the time runs until GitHub has answered the app's last
 * write (check run, comment, suggestions, labels). GitHub is the stand-in (bench/lib/github.ts),
 * answering each request after 50 ms, behind a proxy that records every request with its times
 * (bench/lib/recording-proxy.ts). The app runs twice (bench/lib/app-process.ts):
 *
 * - as deployed: `node dist/server.js`, production settings, Probot's throttling plugin pacing
 *   the writes (1 s apart, 3 s between comments and reviews, per installation);
 * - unpaced: the sources with the plugin off, for the app's own time and CPU.
 *
 * Scenarios, each on pull requests of their own: one posting without problem opened; one with
 * errors opened; the same one fixed by a second push; twenty postings (ten with errors) opened.
 * One untimed delivery comes first (installation token, code warmed up); deliveries are one at
 * a time, and as deployed 3.2 s after the previous review so that its pacing does not delay the next.
 * Probot answers a webhook once the handlers are done (or 202 at 9 s): after a 200 every write is
 * answered; after a 202, the review is over when no request has been made for 3.5 s.
 *
 * Not measured: GitHub's own time (here a flat 50 ms, a real one is slower and varies: the
 * "waiting on GitHub" column scales with it); a push already reviewed (the stand-in does not say
 * which check runs a commit has, so the app would write one again where GitHub lets it skip).
 */
import { defaultState } from "../test/support/github/index.js";
import { pullRequestEvent } from "../test/github/review/payloads.js";
import { startApp, WEBHOOK_SECRET, type AppMode, type AppProcess } from "./lib/app-process.js";
import { startBenchGitHub, type BenchGitHub } from "./lib/github.js";
import { posting, sha, type Posting } from "./lib/postings.js";
import { busyMs, startRecordingProxy, type RecordedRequest, type RecordingProxy } from "./lib/recording-proxy.js";
import { formatSpread, spread, table, type BenchOptions, type Section, type Spread } from "./lib/report.js";
import { deliver } from "./lib/webhook-delivery.js";

const OWNER = "Codertocat";
const REPO = "Hello-World";
export const GITHUB_LATENCY_MS = 50;
const PACING_GAP_MS = 3200;
const QUIET_MS = 3500;

export type ScenarioId = "clean-opened" | "errors-opened" | "fix-pushed" | "twenty-opened";

export const SCENARIOS: Record<ScenarioId, string> = {
  "clean-opened": "1 offre sans problème, ouverture",
  "errors-opened": "1 offre avec erreurs, ouverture",
  "fix-pushed": "la même corrigée, push suivant",
  "twenty-opened": "20 offres (10 avec erreurs), ouverture",
};

/** One delivery, times in ms from the moment the webhook was posted. */
export interface Delivery {
  answerMs: number;
  answerStatus: number;
  checkRunMs: number | null;
  commentMs: number | null;
  lastWriteMs: number | null;
  /** Time with at least one request to GitHub open, up to the last write. */
  githubMs: number;
  /** CPU time of the app process during the delivery (`unpaced` only). */
  appCpuMs: number | null;
  requests: RecordedRequest[];
}

export interface ScenarioResult {
  id: ScenarioId;
  label: string;
  /** `METHOD /route` of each request of the first delivery, in order. */
  routes: string[];
  reads: number;
  writes: number;
  answerMs: Spread;
  answerStatuses: number[];
  checkRunMs: Spread | null;
  commentMs: Spread | null;
  lastWriteMs: Spread | null;
  githubMs: Spread;
  appCpuMs: Spread | null;
}

export interface ModeResult {
  mode: AppMode;
  runs: number;
  scenarios: ScenarioResult[];
  /** Log lines of the app at error level, and the stand-in's complaints (both should be none). */
  errorLines: number;
  problems: string[];
}

interface Harness {
  github: BenchGitHub;
  proxy: RecordingProxy;
  app: AppProcess;
  /** As deployed: time left between the end of a review and the next delivery. */
  gapMs: number;
  settledAt: number;
  nextId: number;
}

function files(list: Posting[]) {
  return list.map((p) => ({ ...p, status: "added" as const }));
}

/** Posts one webhook, waits for the review to be over, and reads what it did. */
async function timedDelivery(
  h: Harness,
  number: number,
  headSha: string,
  list: Posting[],
  action: "opened" | "synchronize",
): Promise<Delivery> {
  const state = defaultState({ owner: OWNER, repo: REPO, number, headSha, files: files(list) });
  const wait = h.settledAt + h.gapMs - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const cpuBefore = (await h.app.stats()).cpuMs;
  const from = h.proxy.requests.length;
  const t0 = performance.now();
  const answer = await deliver(
    h.app.webhookUrl,
    { name: "pull_request", id: `bench-${h.nextId++}`, payload: pullRequestEvent(state, action) },
    WEBHOOK_SECRET,
    { timeoutMs: 60_000 },
  );
  if (answer.status !== 200) {
    // Still working after Probot's 9 s: over when no request has been made for QUIET_MS.
    let seen = h.proxy.requests.length;
    let since = performance.now();
    while (performance.now() - since < QUIET_MS || h.proxy.inFlight() > 0) {
      await new Promise((r) => setTimeout(r, 50));
      if (h.proxy.requests.length !== seen || h.proxy.inFlight() > 0) [seen, since] = [h.proxy.requests.length, performance.now()];
    }
  }
  const cpuAfter = (await h.app.stats()).cpuMs;
  const requests = h.proxy.requests.slice(from);
  const writes = requests.filter((r) => r.kind === "write");
  const at = (pick: (r: RecordedRequest) => boolean) => {
    const found = writes.find(pick);
    return found ? found.end - t0 : null;
  };
  const lastWriteMs = writes.length > 0 ? Math.max(...writes.map((r) => r.end)) - t0 : null;
  const pull = h.github.pull(OWNER, REPO, number);
  if (!pull?.checkRuns.some((c) => c.headSha === headSha)) throw new Error(`pull request ${number}: no check run on ${headSha}`);
  h.settledAt = performance.now();
  return {
    answerMs: answer.ms,
    answerStatus: answer.status,
    checkRunMs: at((r) => r.route === "POST /repos/{o}/{r}/check-runs"),
    commentMs: at((r) => r.route === "POST /repos/{o}/{r}/issues/{n}/comments" || r.route === "PATCH /repos/{o}/{r}/issues/comments/{n}"),
    lastWriteMs,
    githubMs: busyMs(requests.filter((r) => lastWriteMs === null || r.end - t0 <= lastWriteMs)),
    appCpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    requests,
  };
}

export async function measureMode(
  mode: AppMode,
  runs: number,
  only: readonly ScenarioId[] = Object.keys(SCENARIOS) as ScenarioId[],
  progress?: (line: string) => void,
): Promise<ModeResult> {
  const github = await startBenchGitHub(GITHUB_LATENCY_MS);
  const proxy = await startRecordingProxy(github.origin);
  const app = await startApp(mode, proxy.origin);
  const h: Harness = { github, proxy, app, gapMs: mode === "deployed" ? PACING_GAP_MS : 0, settledAt: 0, nextId: 1 };
  const scenarios = (Object.keys(SCENARIOS) as ScenarioId[]).filter((id) => only.includes(id));
  const deliveries = new Map<ScenarioId, Delivery[]>(scenarios.map((id) => [id, []]));
  try {
    // Untimed: the installation token, the code warmed up.
    github.openPull(OWNER, REPO, 1, sha(1), [posting(0, false, { tag: "warm" })]);
    await timedDelivery(h, 1, sha(1), [posting(0, false, { tag: "warm" })], "opened");
    for (let run = 0; run < runs; run++) {
      progress?.(`review-latency (${mode}): run ${run + 1}/${runs}`);
      const base = 100 * (run + 1);
      for (const id of scenarios) {
        if (id === "clean-opened") {
          const list = [posting(0, false, { tag: `c${run}` })];
          github.openPull(OWNER, REPO, base + 1, sha(base + 1), list);
          deliveries.get(id)!.push(await timedDelivery(h, base + 1, sha(base + 1), list, "opened"));
        }
        // The fix is pushed on the pull request of the posting with errors, reviewed first.
        if (id === "errors-opened" || (id === "fix-pushed" && !scenarios.includes("errors-opened"))) {
          const list = [posting(0, true, { tag: `e${run}` })];
          github.openPull(OWNER, REPO, base + 2, sha(base + 2), list);
          const first = await timedDelivery(h, base + 2, sha(base + 2), list, "opened");
          if (id === "errors-opened") deliveries.get(id)!.push(first);
        }
        if (id === "fix-pushed") {
          const list = [posting(0, false, { tag: `e${run}` })];
          github.push(OWNER, REPO, base + 2, sha(base + 3), list);
          deliveries.get(id)!.push(await timedDelivery(h, base + 2, sha(base + 3), list, "synchronize"));
        }
        if (id === "twenty-opened") {
          const list = Array.from({ length: 20 }, (_, i) => posting(i, i % 2 === 0, { tag: `t${run}` }));
          github.openPull(OWNER, REPO, base + 4, sha(base + 4), list);
          deliveries.get(id)!.push(await timedDelivery(h, base + 4, sha(base + 4), list, "opened"));
        }
      }
    }
    const stats = await app.stats();
    return {
      mode,
      runs,
      scenarios: scenarios.map((id) => summarise(id, deliveries.get(id)!)),
      errorLines: stats.errorLines,
      problems: [...new Set(github.problems())],
    };
  } finally {
    await app.stop();
    await proxy.close();
    await github.close();
  }
}

function summarise(id: ScenarioId, list: Delivery[]): ScenarioResult {
  const maybe = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? spread(xs) : null);
  const first = list[0]!;
  return {
    id,
    label: SCENARIOS[id],
    routes: first.requests.map((r) => r.route),
    reads: first.requests.filter((r) => r.kind === "read").length,
    writes: first.requests.filter((r) => r.kind === "write").length,
    answerMs: spread(list.map((d) => d.answerMs)),
    answerStatuses: [...new Set(list.map((d) => d.answerStatus))],
    checkRunMs: maybe(list.map((d) => d.checkRunMs)),
    commentMs: maybe(list.map((d) => d.commentMs)),
    lastWriteMs: maybe(list.map((d) => d.lastWriteMs)),
    githubMs: spread(list.map((d) => d.githubMs)),
    appCpuMs: maybe(list.map((d) => d.appCpuMs)),
  };
}

const MODE_TITLES: Record<AppMode, string> = {
  deployed: "Telle que déployée (`node dist/server.js`, écritures espacées par Probot comme GitHub le demande)",
  unpaced: "Sans l'espacement des écritures (sources, plugin de régulation coupé) : le temps propre de l'application",
};

export function renderReviewLatency(modes: readonly ModeResult[]): string[] {
  const lines: string[] = [];
  for (const m of modes) {
    lines.push(`${MODE_TITLES[m.mode]}, ${m.runs} livraison(s) par scénario :`, "");
    lines.push(
      ...table(
        [
          "scénario",
          "requêtes (lect. + écr.)",
          "check run écrit",
          "commentaire écrit",
          "dernière écriture",
          "dont attente de GitHub",
          "réponse au webhook",
          ...(m.mode === "unpaced" ? ["CPU de l'app"] : []),
        ],
        m.scenarios.map((s) => [
          s.label,
          `${s.reads + s.writes} (${s.reads} + ${s.writes})`,
          formatSpread(s.checkRunMs),
          formatSpread(s.commentMs),
          formatSpread(s.lastWriteMs),
          formatSpread(s.githubMs),
          `${formatSpread(s.answerMs)}, ${s.answerStatuses.join("/")}`,
          ...(m.mode === "unpaced" ? [formatSpread(s.appCpuMs)] : []),
        ]),
        m.mode === "unpaced" ? "lrrrrrrr" : "lrrrrrr",
      ),
      "",
    );
    if (m.errorLines > 0 || m.problems.length > 0)
      lines.push(
        `Anomalies : ${m.errorLines} ligne(s) de journal en erreur ; ${m.problems.slice(0, 5).join(" ; ") || "aucune requête refusée"}.`,
        "",
      );
  }
  lines.push(
    `Temps depuis l'envoi du webhook, médiane (min–max) ; GitHub simulé répond à chaque requête en ${GITHUB_LATENCY_MS} ms. « Attente de GitHub » : le temps où au moins une requête attendait sa réponse ; le reste de la dernière écriture est l'espacement des écritures (déployée) et le travail de l'application.`,
    "Requêtes : celles de la première livraison du scénario (l'échange du jeton d'installation, mis en cache une heure, n'y est pas) ; le détail par route est dans `--json`.",
  );
  return lines;
}

export async function run(options: BenchOptions = {}): Promise<Section<{ githubLatencyMs: number; modes: ModeResult[] }>> {
  const modes = [
    await measureMode("deployed", options.runs ?? 3, undefined, options.progress),
    await measureMode("unpaced", options.runs ?? 5, undefined, options.progress),
  ];
  return {
    name: "review-latency",
    title: "Relecture : du webhook à la dernière écriture, à travers l'application réelle",
    data: { githubLatencyMs: GITHUB_LATENCY_MS, modes },
    text: renderReviewLatency(modes),
  };
}
