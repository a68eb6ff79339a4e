/**
 * Closing at scale, against the stateful closing GitHub that answers GitHub's limits as GitHub
 * does (test/support/github: 422 Validation Failed over 65,536 characters of body,
 * 256 of title, 50/100 for labels; 403 secondary rate limit with `retry-after` past 80
 * content-creating requests a minute): postings in subfolders, a grouped pull request of 300
 * and 1,000 postings, 100 pull requests from the command line with a plain token (its pace
 * checked on a fake clock: nothing really waits), a pull request left without its labels.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import pino from "pino";
import { stringify } from "yaml";
import {
  mockGitHub,
  type GitHubMock,
  closingRepo,
  fakeClosingGitHub,
  FAKE_LIMITS,
  type ClosingRepo,
  type FakeOptions,
} from "../../support/github/index.js";
import { runCli } from "../../cli/helpers.js";
import { injectFaults, type Fault } from "../../hardening/harness.js";
import { runClosing, type ClosingReport } from "../../../src/github/closing/run-closing.js";
import { GROUP_MARKERS_BUDGET } from "../../../src/github/closing/render-pull-request.js";
import { branchForPosting, GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import { markerLength } from "../../../src/github/closing/plan-closing.js";
import { parseMarkers } from "../../../src/core/closing/marker.js";
import { GITHUB_LIMITS } from "../../../src/github/limits.js";
import type { ConfigInput } from "../../../src/config/schema.js";
import { blobOid, config, posting } from "./fixtures.js";

const FOLDER = "content/_jobs";
const TODAY = "2024-08-28";

let gh: GitHubMock;
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  vi.useRealTimers();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A name as long as beta.gouv.fr's longest (2022-06-22-envergo.recrute…senior.md, 83 characters). */
const longName = (i: number) =>
  `2022-06-${String(1 + (i % 28)).padStart(2, "0")}-envergo.recrute.une.chargee.ou.un.charge.de.deploiement.senior-${String(i).padStart(4, "0")}.md`;

/** `count` postings due on TODAY, closing dates spread over spring 2024, accented roles. */
function duePostings(count: number, name = longName): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = `2024-0${3 + (i % 5)}-${String(1 + (i % 28)).padStart(2, "0")}`;
    files[`${FOLDER}/${name(i)}`] = posting({
      roles: `Chargé·e de déploiement senior n°\u00A0${i} — équipe « Envergo »`,
      closing: day,
      contract: i % 3 === 0 ? "CDD" : "CDI",
    });
  }
  return files;
}

function plainOctokit() {
  return new Octokit({ auth: "ghs_test", log: { debug() {}, info() {}, warn() {}, error() {} }, request: { retries: 0 } });
}

function install(repo: ClosingRepo, faults: Fault[] = [], options: FakeOptions = {}): void {
  nock.cleanAll();
  gh = mockGitHub();
  injectFaults(gh, faults);
  fakeClosingGitHub(gh, repo, options);
}

async function run(repo: ClosingRepo, input: ConfigInput, faults: Fault[] = [], options: FakeOptions = {}): Promise<ClosingReport> {
  install(repo, faults, options);
  return runClosing(
    plainOctokit(),
    { owner: repo.owner, repo: repo.repo },
    { config: config(input), now: new Date(`${TODAY}T08:00:00Z`), today: TODAY, log: pino({ level: "silent" }) },
  );
}

/** Files a branch changes, compared with the default branch: path → the one changed line. */
function changes(repo: ClosingRepo, branch: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(repo.branches.get(branch) ?? {})) {
    const before = repo.files[path];
    if (before === text) continue;
    const a = (before ?? "").split("\n");
    const changed = text.split("\n").filter((line, i) => line !== a[i]);
    out[path] = changed.join("|");
  }
  return out;
}

/** What merging the pull request does: its branch's files on the default branch, the branch deleted. */
function merge(repo: ClosingRepo, number: number): void {
  const pull = repo.pulls.find((p) => p.number === number)!;
  const files = repo.branches.get(pull.head)!;
  for (const key of Object.keys(repo.files)) delete repo.files[key];
  Object.assign(repo.files, files);
  repo.branches.delete(pull.head);
  pull.state = "merged";
}

const kinds = (report: ClosingReport) => {
  const counts: Record<string, number> = {};
  report.plan.forEach((a, i) => {
    const key = `${a.kind}${report.results[i] ? ` → ${report.results[i]!.outcome.kind}` : ""}`;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  return counts;
};

describe("postings in subfolders of the postings folder", () => {
  it("are found and closed, one branch each; the flat folder still takes one query, a folder deeper than the query one more", async () => {
    const files = {
      [`${FOLDER}/a.md`]: posting({ roles: "A" }),
      [`${FOLDER}/2024/a.md`]: posting({ roles: "A 2024" }),
      [`${FOLDER}/2024/06/b.md`]: posting({ roles: "B" }),
      [`${FOLDER}/2024/06/archives/vieilles/c.md`]: posting({ roles: "C" }),
      [`${FOLDER}/2024/06/pas-une-offre.txt`]: "texte",
      [`${FOLDER}/2024/pas-due.md`]: posting({ roles: "Pas due", closing: "2099-01-01" }),
      "README.md": posting({ roles: "Hors du dossier" }),
    };
    const repo = closingRepo(files);
    const report = await run(repo, {});
    expect(report.postings).toBe(5);
    expect(gh.calls().filter((c) => c === "POST /graphql")).toHaveLength(4); // scan, the folder below 2024/06/archives, refusals, who added the four
    expect(report.readRequests).toBe(4);
    const opened = repo.pulls.filter((p) => p.state === "open").map((p) => [p.head, changes(repo, p.head)]);
    expect(opened.sort()).toEqual(
      [
        ["recrutement-bot/fermeture/a", { [`${FOLDER}/a.md`]: "open: false # affichée sur le site" }],
        [branchForPosting(`${FOLDER}/2024/a.md`, FOLDER), { [`${FOLDER}/2024/a.md`]: "open: false # affichée sur le site" }],
        [branchForPosting(`${FOLDER}/2024/06/b.md`, FOLDER), { [`${FOLDER}/2024/06/b.md`]: "open: false # affichée sur le site" }],
        [
          branchForPosting(`${FOLDER}/2024/06/archives/vieilles/c.md`, FOLDER),
          { [`${FOLDER}/2024/06/archives/vieilles/c.md`]: "open: false # affichée sur le site" },
        ],
      ].sort(),
    );
    expect(branchForPosting(`${FOLDER}/2024/a.md`, FOLDER)).not.toBe("recrutement-bot/fermeture/a");
    expect(gh.invalid).toEqual([]);
    expect(repo.refused).toEqual([]);

    // The next day: every one is kept, nothing written.
    const writes = repo.writes.length;
    const again = await run(repo, {});
    expect(kinds(again)).toEqual({ "keep → none": 4 });
    expect(repo.writes.length).toBe(writes);
  });

  it("a flat folder: the one scan query, as before", async () => {
    const repo = closingRepo({ [`${FOLDER}/a.md`]: posting({ roles: "A", closing: "2099-01-01" }) });
    const report = await run(repo, {});
    // The scan, then the dashboard issue: looked for, created (the first run).
    expect(gh.calls()).toEqual(["POST /graphql", "GET /repos/betagouv/offres/issues", "POST /repos/betagouv/offres/issues"]);
    expect(report.readRequests).toBe(1);
  });
});

describe("grouped closing with hundreds of postings due", () => {
  it("300: one pull request, its body under 65,536 characters (the list cut, « … et N autres »), the full list in the commit; the next day nothing is written", async () => {
    const repo = closingRepo(duePostings(300));
    const report = await run(repo, { closing: { grouped: true } });
    expect(kinds(report)).toEqual({ "create → created": 1 });
    expect(repo.refused).toEqual([]);
    const [pull] = repo.pulls;
    expect(pull!.title).toBe("Fermer 300 offres expirées");
    expect(pull!.body.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody.chars);
    expect(Buffer.byteLength(pull!.body)).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody.bytes);
    const shown = pull!.body.split("\n").filter((l) => l.startsWith("- «")).length;
    expect(shown).toBe(33);
    // The list fills the room the markers leave: less than one more line is left.
    expect(Buffer.byteLength(pull!.body)).toBeGreaterThan(GITHUB_LIMITS.commentBody.bytes - 300);
    expect(pull!.body).toContain(`- … et ${300 - shown} autres\u202F: la liste complète est dans le message du commit.`);
    // Every posting's marker is there, whole.
    expect(
      parseMarkers(pull!.body)
        .map((m) => m.path)
        .sort(),
    ).toEqual(Object.keys(repo.files).sort());
    // The commit: all 300 files, each only its `open:` line; its message lists all 300.
    expect(Object.values(changes(repo, GROUP_BRANCH))).toEqual(Array(300).fill("open: false # affichée sur le site"));
    const [message] = [...repo.commitMessages.values()];
    const listed = message!.split("\n").filter((l) => l.startsWith("- "));
    expect(message!.split("\n")[0]).toBe("Fermer 300 offres expirées (open: false)");
    expect(listed).toHaveLength(300);
    expect(listed.map((l) => l.slice(2, l.indexOf(":"))).sort()).toEqual(Object.keys(repo.files).sort());

    const writes = repo.writes.length;
    const again = await run(repo, { closing: { grouped: true } });
    expect(kinds(again)).toEqual({ "keep → none": 1 });
    expect(repo.writes.length).toBe(writes);
    expect(repo.refused).toEqual([]);
  });

  it("1,000: the most urgent that the body holds in one pull request (no 422, no branch left behind), the others after its merge", async () => {
    const files = duePostings(1_000);
    const repo = closingRepo(files);
    const perGroup = Math.floor(
      GROUP_MARKERS_BUDGET / markerLength({ path: `${FOLDER}/${longName(0)}`, blob: blobOid(files[`${FOLDER}/${longName(0)}`]!) }),
    );
    expect(perGroup).toBe(308);

    const first = await run(repo, { closing: { grouped: true } });
    expect(kinds(first)).toEqual({ "create → created": 1, "group-full → none": 1_000 - perGroup });
    expect(repo.refused).toEqual([]);
    expect([...repo.branches.keys()]).toEqual([GROUP_BRANCH]);
    const pull = repo.pulls[0]!;
    expect(pull.title).toBe(`Fermer ${perGroup} offres expirées`);
    expect(pull.body.length).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody.chars);
    expect(Buffer.byteLength(pull.body)).toBeLessThanOrEqual(GITHUB_LIMITS.commentBody.bytes);
    expect(pull.body).toMatch(/- … et \d+ autres\u202F: la liste complète est dans le message du commit\.\n/);
    expect(parseMarkers(pull.body)).toHaveLength(perGroup);
    expect(Object.keys(changes(repo, GROUP_BRANCH))).toHaveLength(perGroup);
    // The most urgent ones: the oldest closing dates.
    const due = (path: string) => /poste_ferme: (\S+)/.exec(repo.files[path]!)![1]!;
    const inGroup = parseMarkers(pull.body).map((m) => due(m.path));
    const waiting = Object.keys(files)
      .filter((p) => !parseMarkers(pull.body).some((m) => m.path === p))
      .map(due);
    expect(inGroup.reduce((a, b) => (a > b ? a : b)) <= waiting.reduce((a, b) => (a < b ? a : b))).toBe(true);

    // The next days, until it is merged: nothing written, nothing refused.
    const writes = repo.writes.length;
    const second = await run(repo, { closing: { grouped: true } });
    expect(kinds(second)).toEqual({ "keep → none": 1, "group-full → none": 1_000 - perGroup });
    expect(repo.writes.length).toBe(writes);

    // Each merge lets the next run open the next group: 308, 308, 308, then the last 76.
    for (let merged = 1; merged < 4; merged++) {
      merge(repo, repo.pulls[merged - 1]!.number);
      const next = await run(repo, { closing: { grouped: true } });
      const left = 1_000 - (merged + 1) * perGroup;
      expect(kinds(next)).toEqual(left > 0 ? { "create → created": 1, "group-full → none": left } : { "create → created": 1 });
    }
    expect(repo.pulls.map((p) => p.title)).toEqual([
      "Fermer 308 offres expirées",
      "Fermer 308 offres expirées",
      "Fermer 308 offres expirées",
      "Fermer 76 offres expirées",
    ]);
    merge(repo, repo.pulls[3]!.number);
    expect(Object.values(repo.files).every((t) => t.includes("open: false #"))).toBe(true);
    expect(repo.refused).toEqual([]);
    expect(gh.invalid).toEqual([]);
  });
});

describe("texts GitHub would refuse", () => {
  it("a posting whose roles run to 300 characters: a title under 256, the pull request opened", async () => {
    const roles = "Chargé·e de mission « données » ".repeat(10).trim();
    expect(roles.length).toBeGreaterThan(300);
    const repo = closingRepo({ [`${FOLDER}/long.md`]: posting({ roles }) });
    const report = await run(repo, {});
    expect(kinds(report)).toEqual({ "create → created": 1 });
    expect(repo.refused).toEqual([]);
    expect(repo.pulls[0]!.title.length).toBeLessThanOrEqual(GITHUB_LIMITS.title.chars);
    expect(repo.pulls[0]!.title).toMatch(/^Fermer l'offre «\u202FChargé·e de mission/);
  });

  it("a pull request GitHub refuses all the same (422 Validation Failed) leaves no branch behind", async () => {
    const repo = closingRepo({ [`${FOLDER}/a.md`]: posting({ roles: "A" }) });
    const refusal: Fault = {
      method: "POST",
      path: /\/pulls$/,
      status: 422,
      body: {
        message: "Validation Failed",
        errors: [{ resource: "PullRequest", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }],
      },
    };
    const report = await run(repo, {}, [refusal]);
    expect(report.results.map((r) => r.outcome)).toEqual([
      { kind: "failed", message: "Validation Failed: body is too long (maximum is 65536 characters)" },
    ]);
    expect(
      gh
        .calls()
        .filter((c) => !c.includes("/issues"))
        .slice(-2),
    ).toEqual([
      "POST /repos/betagouv/offres/pulls",
      `DELETE /repos/betagouv/offres/git/refs/${encodeURIComponent("heads/recrutement-bot/fermeture/a")}`,
    ]);
    expect([...repo.branches.keys()]).toEqual([]);
  });
});

describe("100 pull requests with a plain token (the command line, the Action)", () => {
  const CONFIG = ".github/recrutement-bot.yml";
  const settings = { closing: { "max-pull-requests": 100, "labels": ["fermeture"] } };
  const shortName = (i: number) => `2024-05-${String(i).padStart(3, "0")}-offre.md`;

  /** Runs the command while a fake clock moves on: nothing really waits, the pace is GitHub's. */
  async function closeWithClock(env: Record<string, string>): Promise<{ result: Awaited<ReturnType<typeof runCli>>; elapsedMs: number }> {
    // Requests in flight are counted: the clock moves only when nothing but a wait is left.
    const realFetch = globalThis.fetch;
    let inFlight = 0;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      inFlight++;
      try {
        return await realFetch(...args);
      } finally {
        inFlight--;
      }
    }) as typeof fetch;
    const realTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    const start = Date.now();
    let done = false;
    const settle = async () => {
      for (let i = 0; i < 10 && !done; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const progress = () => `${gh.requests.length}|${inFlight}|${vi.getTimerCount()}`;
    try {
      const pending = runCli(["close", "--repo", "betagouv/offres", "--today", TODAY], { env }).finally(() => (done = true));
      while (!done) {
        await settle();
        if (inFlight > 0 || done) continue;
        // What is due now runs; when nothing moves, not even after a real moment for I/O, the clock jumps to the next wait's end.
        const before = progress();
        await vi.advanceTimersByTimeAsync(0);
        await settle();
        if (progress() !== before || inFlight > 0 || done) continue;
        await new Promise((resolve) => realTimeout(resolve, 2));
        await settle();
        if (progress() !== before || inFlight > 0 || done) continue;
        await vi.advanceTimersToNextTimerAsync();
      }
      const result = await pending;
      return { result, elapsedMs: Date.now() - start };
    } finally {
      vi.useRealTimers();
      globalThis.fetch = realFetch;
    }
  }

  it("without pacing, GitHub's secondary rate limit refuses dozens of writes (what the stand-in does)", async () => {
    const repo = closingRepo({ ...duePostings(100, shortName), [CONFIG]: stringify(settings) });
    const report = await run(repo, settings);
    expect(repo.refused.length).toBeGreaterThan(60);
    expect(new Set(repo.refused.map((r) => r.status))).toEqual(new Set([403]));
    expect(report.results.filter((r) => r.outcome.kind === "failed").length).toBeGreaterThan(60);
  });

  it("paced as the app is: all 100 opened and labelled, no 403, at most 80 writes in any minute, 1 s between writes, 3 s between pull requests", async () => {
    const repo = closingRepo({ ...duePostings(100, shortName), [CONFIG]: stringify(settings) });
    install(repo);
    const { result, elapsedMs } = await closeWithClock({ GITHUB_TOKEN: "ghp_exemple" });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.match(/ouverte$/gm)).toHaveLength(100);
    expect(repo.refused).toEqual([]);
    const open = repo.pulls.filter((p) => p.state === "open");
    expect(open).toHaveLength(100);
    expect(open.every((p) => p.labels.includes("fermeture") && p.labels.some((l) => l.startsWith("contrat: ")))).toBe(true);
    // The pace: writes 1 s apart (the throttling plugin reads the clock before sending, the
    // stand-in when the request arrives: 1 ms either way), 61 in the busiest minute of 80 allowed,
    // pull requests (they notify people) at least 3 s apart.
    const gaps = repo.writes.slice(1).map((t, i) => t - repo.writes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(999);
    const perMinute = Math.max(...repo.writes.map((t) => repo.writes.filter((u) => u >= t && u < t + 60_000).length));
    expect(perMinute).toBe(61);
    expect(perMinute).toBeLessThanOrEqual(FAKE_LIMITS.writesPerMinute);
    const pulls = repo.writeRequests.flatMap((r, i) => (r === "POST /repos/betagouv/offres/pulls" ? [repo.writes[i]!] : []));
    expect(pulls).toHaveLength(100);
    expect(Math.min(...pulls.slice(1).map((t, i) => t - pulls[i]!))).toBeGreaterThanOrEqual(2_999);
    // refs, contents, pull request, labels for each, the two contract labels created once, and
    // the dashboard issue: 403 writes, 6 min 45 s on GitHub's clock (here, a fake one).
    expect(repo.writes.length).toBe(403);
    expect(repo.issues.map((i) => i.title)).toEqual(["Tableau de bord des offres"]);
    expect(elapsedMs).toBeGreaterThanOrEqual(401_000);
    expect(elapsedMs).toBeLessThan(420_000);
    expect(gh.invalid).toEqual([]);
  });

  it("a secondary rate limit answered anyway (another client on the same token): its `retry-after` is waited for, then all complete", async () => {
    const repo = closingRepo({ ...duePostings(10, shortName), [CONFIG]: stringify(settings) });
    let refusedAt = 0;
    const limit: Fault = {
      method: "POST",
      path: /\/pulls$/,
      status: 403,
      body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." },
      headers: { "retry-after": "60" },
      effect: () => (refusedAt = Date.now()),
    };
    install(repo, [limit]);
    const { result } = await closeWithClock({ GITHUB_TOKEN: "ghp_exemple" });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("GitHub secondary rate limit: retrying");
    expect(gh.calls().filter((c) => c === "POST /repos/betagouv/offres/pulls")).toHaveLength(11);
    const retriedAt = repo.writes[repo.writeRequests.indexOf("POST /repos/betagouv/offres/pulls")]!;
    expect(retriedAt - refusedAt).toBeGreaterThanOrEqual(60_000);
    expect(repo.pulls.filter((p) => p.state === "open" && p.labels.includes("fermeture"))).toHaveLength(10);
  });

  it("pull requests left without their labels by a run GitHub stopped are labelled by the next run", async () => {
    const repo = closingRepo({ ...duePostings(100, shortName), [CONFIG]: stringify(settings) });
    // A first run whose labelling GitHub refused after the pull requests were opened (here the 7 first).
    const limit: Fault = {
      method: "POST",
      path: /\/issues\/\d+\/labels$/,
      status: 403,
      times: 7,
      body: { message: "You have exceeded a secondary rate limit." },
      headers: { "retry-after": "60" },
    };
    const first = await run(repo, settings, [limit], { secondaryRateLimit: false });
    const bare = repo.pulls.filter((p) => p.state === "open" && p.labels.length === 0);
    expect(bare).toHaveLength(7);
    expect(first.results.filter((r) => r.outcome.kind === "failed")).toHaveLength(7);

    install(repo);
    const { result } = await closeWithClock({ GITHUB_TOKEN: "ghp_exemple" });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/étiquetée \(ses étiquettes manquaient\)$/gm)).toHaveLength(bare.length);
    const open = repo.pulls.filter((p) => p.state === "open");
    expect(open).toHaveLength(100);
    expect(open.every((p) => p.labels.includes("fermeture"))).toBe(true);
    expect(new Set(open.map((p) => p.head)).size).toBe(100);
  });
});
