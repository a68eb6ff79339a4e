/**
 * GitHub requests to scan a postings repository for the closing job
 * (`npm run bench -- closing-scan`): a fake GitHub (nock) holds the 543 corpus postings in
 * `content/_jobs`; the scan (one GraphQL query: head commit, folder entries with their texts,
 * closing branches) and the whole read of a run (scan, then the refusal lookup for the postings
 * due) are counted, next to a naive reading (the folder listing, then one contents request per
 * file). Target (issue 4): at most 3 requests for the scan.
 *
 * What this does not measure: GitHub's own time and limits for a 2.5 MB GraphQL answer. Blob
 * texts GitHub truncates are read again one by one (REST), and would be counted here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import pino from "pino";
import { mockGitHub } from "../test/support/github/index.js";
import { mockHistory, scanAnswer } from "../test/github/closing/fixtures.js";
import { scanPostings } from "../src/github/closing/scan-postings.js";
import { runClosing } from "../src/github/closing/run-closing.js";
import { branchForPosting, GROUP_BRANCH } from "../src/core/closing/branch-name.js";
import { DEFAULT_CONFIG } from "../src/config/schema.js";
import { CORPUS_DIR } from "../test/helpers/shared-data.js";
import { table, type BenchOptions, type Section } from "./lib/report.js";

const REPO = { owner: "betagouv", repo: "beta.gouv.fr" };

export async function run(_options: BenchOptions = {}): Promise<Section> {
  const jobs = path.join(CORPUS_DIR, "jobs");
  const postings = readdirSync(jobs)
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(jobs, name), "utf8") }));
  const answer = JSON.stringify(scanAnswer(postings));
  const octokit = new Octokit({ auth: "ghs_bench", request: { retries: 0 } });
  nock.disableNetConnect();

  // The scan alone.
  let gh = mockGitHub();
  gh.scope.post("/graphql").reply(200, answer, { "content-type": "application/json" });
  let started = performance.now();
  const scan = await scanPostings(octokit, REPO, "content/_jobs");
  const scanMs = performance.now() - started;
  const scanCalls = gh.calls();
  gh.done();
  nock.cleanAll();

  // A whole run on 2024-08-28 (dry-run: reads only): scan, then the refusal lookup.
  gh = mockGitHub();
  gh.scope.post("/graphql").reply(200, answer, { "content-type": "application/json" });
  mockHistory(
    gh.scope,
    [
      "content/_jobs/2022-06-22-envergo.recrute.une.chargee.ou.un.charge.de.deploiement.senior.md",
      "content/_jobs/2022-06-28-responsable-produit-PCRS.md",
    ]
      .map((p) => branchForPosting(p, "content/_jobs"))
      .concat(GROUP_BRANCH),
  );
  started = performance.now();
  const report = await runClosing(octokit, REPO, {
    config: DEFAULT_CONFIG,
    now: new Date(),
    today: "2024-08-28",
    dryRun: true,
    log: pino({ level: "silent" }),
  });
  const runMs = performance.now() - started;
  const runCalls = gh.calls();
  gh.done();
  nock.cleanAll();
  nock.enableNetConnect();

  const md = postings.filter((p) => /\.md$/i.test(p.name)).length;
  const naive = 1 + postings.length;
  const exact = scan!.postings.filter((p) => p.text !== null).length;
  const data = {
    files: postings.length,
    postings: md,
    scan: {
      requests: scanCalls,
      ms: Math.round(scanMs),
      answerBytes: Buffer.byteLength(answer),
      exactTexts: exact,
      rereadByRest: scan!.requests - 1,
    },
    dryRun: { today: "2024-08-28", requests: runCalls, ms: Math.round(runMs), toClose: report.plan.map((a) => a.kind) },
    naiveRequests: naive,
  };
  const text = [
    ...table(
      ["lecture", "requêtes", "détail", "temps (GitHub simulé)"],
      [
        [
          `balayage du dossier (${postings.length} fichiers, ${md} offres .md)`,
          String(scanCalls.length),
          scanCalls.join(", "),
          `${data.scan.ms} ms`,
        ],
        [
          "passage complet au 2024-08-28, simulation (balayage + refus)",
          String(runCalls.length),
          runCalls.join(", "),
          `${data.dryRun.ms} ms`,
        ],
        [
          "lecture naïve : liste du dossier + une requête contents par fichier",
          String(naive),
          `GET contents/{dossier}, ${postings.length}× GET contents/{fichier}`,
          "—",
        ],
      ],
      "lrlr",
    ),
    "",
    `Réponse GraphQL du balayage : ${(data.scan.answerBytes / 1024 / 1024).toFixed(1)} Mo ; ${exact}/${md} textes d'offre exacts (longueur UTF-8 = taille du blob), ${data.scan.rereadByRest} relu(s) par REST.`,
    `Offres à fermer au 2024-08-28 : ${report.plan.length} (${report.plan.map((a) => a.kind).join(", ")}).`,
    `Objectif : balayage ≤ 3 requêtes (${scanCalls.length <= 3 ? "tenu" : "DÉPASSÉ"} : ${scanCalls.length}), contre ${naive} en lecture naïve.`,
    "Non mesuré : le temps et les limites de GitHub pour une réponse GraphQL de cette taille (un texte tronqué serait relu par REST, et compté).",
  ];
  return { name: "closing-scan", title: "Requêtes GitHub pour lire les offres (fermeture)", data, text };
}
