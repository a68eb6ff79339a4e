/**
 * The closing run reads each posting once, and the next run with the same cache (the app keeps
 * one) reads only the postings whose blob changed. Readings are counted by content.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { mockGitHub, type GitHubMock } from "../../support/github/index.js";
import { runClosing } from "../../../src/github/closing/run-closing.js";
import { findDue } from "../../../src/core/closing/find-due.js";
import { planDashboard } from "../../../src/core/closing/dashboard.js";
import { PostingCache } from "../../../src/core/posting-cache.js";
import { checkOptionsFor } from "../../../src/config/check-options.js";
import type { GitHub } from "../../../src/github/octokit.js";
import { blobOid, config, memoryLogger, mockScan, posting } from "./fixtures.js";

const reads = vi.hoisted(() => [] as string[]);
vi.mock("../../../src/core/parse-posting.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/core/parse-posting.js")>();
  return { ...actual, parsePosting: (content: string | Uint8Array) => (reads.push(String(content)), actual.parsePosting(content)) };
});

const REPO = { owner: "betagouv", repo: "offres" };
const OPEN = posting({ roles: "Ouverte", closing: "2031-01-01" });
const CLOSED = posting({ roles: "Fermée", open: false });
const NO_DATE = posting({ roles: "Sans date", closing: null });

let gh: GitHubMock;
beforeEach(() => {
  nock.disableNetConnect();
  gh = mockGitHub();
  reads.length = 0;
});
afterEach(() => nock.cleanAll());

function octokit(): GitHub {
  return new Octokit({ auth: "ghs_test", log: { debug() {}, info() {}, warn() {}, error() {} } });
}

async function run(cache: PostingCache) {
  const { log } = memoryLogger();
  return runClosing(octokit(), REPO, {
    config: config(),
    now: new Date("2030-01-01T00:00:00Z"),
    today: "2030-01-01",
    dryRun: true,
    log,
    cache,
  });
}

describe("closing runs with the app's cache", () => {
  it("the second scan reads no unchanged posting; a changed one is read again", async () => {
    const cache = new PostingCache();
    mockScan(gh.scope, [
      { name: "2030-01-01-ouverte.md", text: OPEN },
      { name: "2020-01-01-fermee.md", text: CLOSED },
    ]);
    const first = await run(cache);
    expect(first.postings).toBe(2);
    expect(reads.sort()).toEqual([CLOSED, OPEN].sort());

    reads.length = 0;
    mockScan(gh.scope, [
      { name: "2030-01-01-ouverte.md", text: OPEN },
      { name: "2020-01-01-fermee.md", text: CLOSED },
    ]);
    const second = await run(cache);
    expect(second.plan).toEqual(first.plan);
    expect(reads).toEqual([]);

    const changed = OPEN.replace("2031-01-01", "2032-01-01");
    mockScan(gh.scope, [
      { name: "2030-01-01-ouverte.md", text: changed },
      { name: "2020-01-01-fermee.md", text: CLOSED },
    ]);
    await run(cache);
    expect(reads).toEqual([changed]);
    gh.done();
  });

  it("in one run, the dashboard reads none of the postings the due list has just read", () => {
    const cache = new PostingCache();
    const postings = [OPEN, CLOSED, NO_DATE].map((text, i) => ({
      path: `content/_jobs/2030-01-0${i + 1}-p.md`,
      blob: blobOid(text),
      text,
    }));
    const options = checkOptionsFor(config(), null, false);
    findDue(postings, options, "2030-01-01", cache);
    expect(reads).toHaveLength(3);
    const board = planDashboard({ postings, options, today: "2030-01-01", noticeDays: 7, staleDays: 90, pullRequests: [], cache });
    expect(board.openCount).toBe(2);
    expect(reads).toHaveLength(3);
  });
});
