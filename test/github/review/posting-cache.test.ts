/**
 * The app keeps the readings of postings by blob id from a review to the next: after a push,
 * the review reads only the postings the push changed (head and base versions alike are kept).
 * Readings are counted by content.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { mockGitHub, type GitHubMock } from "../../support/github/index.js";
import { createTestProbot, mockInstallationToken } from "../../helpers/probot.js";
import { registerReview } from "../../../src/app/register-review.js";
import { addedPatch, defaultState, fakeGitHub, type FakeState } from "../../support/github/index.js";
import { pullRequestEvent } from "./payloads.js";

const reads = vi.hoisted(() => [] as string[]);
vi.mock("../../../src/core/parse-posting.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/core/parse-posting.js")>();
  return { ...actual, parsePosting: (content: string | Uint8Array) => (reads.push(String(content)), actual.parsePosting(content)) };
});

vi.setConfig({ testTimeout: 60_000 });

const posting = (roles: string, open = "true") =>
  [
    "---",
    `roles: ${roles}`,
    "startup: mon-entreprise",
    "contrat: CDI",
    "poste_ferme: 2026-07-07",
    `open: ${open}`,
    "---",
    "",
    "Texte.",
    "",
  ].join("\n");
const ADDED = posting("Développeur·se");
const BEFORE = posting("Designer");
const MODIFIED = posting("Designer", "oui");

let gh: GitHubMock;
let probot: Probot;

function setup(state: FakeState): void {
  gh = mockGitHub();
  mockInstallationToken(gh.scope, 1);
  fakeGitHub(gh, state);
  ({ probot } = createTestProbot((app: Probot) => registerReview(app)));
}

beforeEach(() => {
  nock.disableNetConnect();
  reads.length = 0;
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("reviews with the app's cache", () => {
  it("the second review reads only the posting the push changed", async () => {
    const state = defaultState({
      files: [
        { filename: "content/_jobs/2026-03-01-dev.md", status: "added", content: ADDED, patch: addedPatch(ADDED) },
        {
          filename: "content/_jobs/2026-01-01-design.md",
          status: "modified",
          content: MODIFIED,
          baseContent: BEFORE,
          patch: "@@ -6 +6 @@\n-open: true\n+open: oui",
        },
      ],
    });
    setup(state);
    await probot.receive({ id: "c-1", name: "pull_request", payload: pullRequestEvent(state, "opened") as never });
    expect(state.checkRuns[0]!.conclusion).toBe("failure");
    expect(reads.sort()).toEqual([ADDED, BEFORE, MODIFIED].sort());

    reads.length = 0;
    const fixed = BEFORE.replace("Texte.", "Texte revu.");
    state.headSha = "1".repeat(40);
    state.files = [state.files[0]!, { ...state.files[1]!, content: fixed, patch: "@@ -9 +9 @@\n-Texte.\n+Texte revu." }];
    await probot.receive({ id: "c-2", name: "pull_request", payload: pullRequestEvent(state, "synchronize") as never });
    expect(state.checkRuns.at(-1)!.conclusion).toBe("success");
    expect(reads).toEqual([fixed]);
    gh.done();
  });
});
