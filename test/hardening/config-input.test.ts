/**
 * `.github/recrutement-bot.yml` as hostile input, through the real app: whatever the file holds
 * (invalid YAML, wrong types, unknown keys, huge values, aliases, prototype keys, a file too
 * large), the review still happens with the defaults for what is wrong, says so in the check
 * run, and never crashes. And the file is read on the default branch only: a pull request that
 * changes it is reviewed with the rules it cannot change.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import nock from "nock";
import type { Probot } from "probot";
import { registerReview } from "../../src/app/register-review.js";
import { mockGitHub, type GitHubMock, defaultState, fakeGitHub, type FakeFile, type FakeState } from "../support/github/index.js";
import { pullRequestEvent } from "../github/review/payloads.js";
import { appUnderTest, mockToken, overGitHubLimits, type AppUnderTest } from "./harness.js";

const WITH_ERRORS = readFileSync(new URL("../fixtures/review/posting-with-errors.md", import.meta.url), "utf8");
const POSTING: FakeFile = { filename: "content/_jobs/2026-03-01-developpeur-mon-entreprise.md", status: "added", content: WITH_ERRORS };

let app: AppUnderTest;
let gh: GitHubMock;
let n = 0;

beforeAll(() => {
  // Throttling off here (it only spaces requests): the inputs are what is tested.
  app = appUnderTest((probot: Probot) => registerReview(probot), { level: "info", octokit: { throttle: { enabled: false } } });
});
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function reviewWith(config: string | null, files: FakeFile[] = [POSTING]): Promise<FakeState> {
  nock.cleanAll();
  const state = defaultState({ config, files });
  gh = mockGitHub();
  mockToken(gh.scope);
  fakeGitHub(gh, state);
  await app.probot.receive({ id: `config-${++n}`, name: "pull_request", payload: pullRequestEvent(state, "opened") as never });
  expect(app.logs.lines.filter((l) => l.msg === "review crashed" || l.msg === "review failed while reading: neutral check run")).toEqual(
    [],
  );
  expect(overGitHubLimits(gh)).toEqual([]);
  return state;
}

/** The review happened with the defaults: the posting's errors found, the default label set. */
function expectDefaultsKept(state: FakeState): void {
  expect(state.checkRuns).toHaveLength(1);
  expect(state.checkRuns[0]!.conclusion).toBe("failure");
  expect(state.checkRuns[0]!.annotations.map((a) => a.title)).toContain("À corriger (open-not-boolean)");
  expect(state.pullRequestLabels).toEqual(["contrat: indépendant"]);
  expect(state.comments).toHaveLength(1);
}

function billionLaughs(): string {
  let yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  const names = "bcdefghi";
  for (let i = 0; i < names.length; i++)
    yaml += `${names[i]}: &${names[i]} [${Array(9)
      .fill(`*${i === 0 ? "a" : names[i - 1]}`)
      .join(", ")}]\n`;
  return yaml;
}

const CONFIGS: [string, string, RegExp][] = [
  ["invalid YAML", "postings: [content/_jobs\nlabels: {\n", /YAML invalide/],
  ["wrong types", "max-files: beaucoup\ncomment: oui\npostings: 42\nlabels: [a, b]\nclosing:\n  hour: 25\n", /`max-files` \(ligne 1\)/],
  [
    "unknown keys, nested too",
    "unknown: 1\nlabels:\n  colour: red\nrules:\n  not-a-rule: error\nclosing:\n  heure: 7\n",
    /`labels\.colour` \(ligne 3\)\u202F: clé inconnue/,
  ],
  ["a 60,000-character label prefix", `labels:\n  prefix: ${"x".repeat(60_000)}\n`, /`labels\.prefix` \(ligne 2\)/],
  ["over 64 KiB", `# ${"commentaire ".repeat(6_000)}\npostings: content/_jobs\n`, /trop volumineux/],
  ["a billion laughs", billionLaughs(), /YAML illisible/],
  ["10,000 nested lists", `rules: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, /YAML invalide/],
  [
    "prototype keys",
    "__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\nlabels:\n  __proto__:\n    enabled: false\n",
    /clé inconnue/,
  ],
  ["control bytes", "postings: content/_jobs\u0001\u0002\u001b\n", /`postings` \(ligne 1\)/],
  // A NUL byte among the first 8,000 makes the file binary for git, and GitHub answers no text:
  // the file as a whole is reported.
  ["a NUL byte (GitHub: a binary file)", "postings: content/_jobs\u0000\u0001\u0002\n", /^- le fichier\u202F?: /m],
  ["a list instead of a mapping", "- postings\n- labels\n", /table de clés/],
  ["a scalar", "bonjour\n", /table de clés/],
  ["paths that climb out of the repository", "postings: ../../etc\nstartups: /etc/passwd\n", /`postings` \(ligne 1\)/],
  [
    "a time zone and reviewers that are not",
    "closing:\n  time-zone: ../../../etc/localtime\n  reviewers: ['@everyone', 'a b', '../x']\n",
    /`closing\.time-zone`/,
  ],
];

describe("the config file as hostile input", () => {
  it.each(CONFIGS)("%s: reported in the check run, the defaults kept, no crash", async (_name, config, problem) => {
    const state = await reviewWith(config);
    expectDefaultsKept(state);
    const summary = state.checkRuns[0]!.summary;
    expect(summary).toContain("### Configuration");
    expect(summary).toMatch(problem);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keys and values that try to ping or inject HTML are escaped where the problems are listed", async () => {
    const state = await reviewWith("'@everyone <img src=x onerror=alert(1)>': 1\nlabels:\n  '**gras** @org/team': 1\n");
    expectDefaultsKept(state);
    const summary = state.checkRuns[0]!.summary;
    const outsideCode = summary.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
    expect(outsideCode).not.toMatch(/@everyone|@org\/team|<img|\*\*gras\*\*/);
  });

  it("a config that is too big on GitHub (over 64 KiB, 600 KB here): defaults, said once, nothing of it echoed", async () => {
    const state = await reviewWith(`labels:\n  prefix: '${"z".repeat(600_000)}'\n`);
    expectDefaultsKept(state);
    expect(state.checkRuns[0]!.summary).toMatch(/trop volumineux/);
    expect(state.checkRuns[0]!.summary).not.toContain("zzzzzzzzzz");
  });
});

describe("the config is never read from the pull request's branch", () => {
  it("a pull request that changes .github/recrutement-bot.yml is reviewed with the default branch's file", async () => {
    // The pull request tries to switch the rules off, move the postings and drop the labels.
    const sneaky =
      "postings: ailleurs\nrules:\n  open-not-boolean: off\n  startup-unknown: off\nlabels:\n  enabled: false\ncomment: false\n";
    const state = await reviewWith("labels:\n  prefix: 'contrat: '\n", [
      POSTING,
      { filename: ".github/recrutement-bot.yml", status: "modified", content: sneaky, patch: "@@ -1 +1,7 @@\n+postings: ailleurs" },
    ]);
    const queries = gh.requests
      .filter((r) => r.path === "/graphql")
      .map((r) => (r.body as { variables: Record<string, unknown> }).variables);
    expect(queries[0]!.config).toBe(`${state.defaultBranch}:.github/recrutement-bot.yml`);
    // No read of any file at the head commit other than the postings.
    const headReads = queries.flatMap((v) =>
      Object.entries(v)
        .filter(([k]) => /^p\d+$/.test(k))
        .map(([, e]) => String(e)),
    );
    expect(headReads).toEqual([`${state.headSha}:${POSTING.filename}`]);
    expectDefaultsKept(state);
    expect(state.checkRuns[0]!.annotations.map((a) => a.title)).toContain("À corriger (startup-unknown)");
  });
});
