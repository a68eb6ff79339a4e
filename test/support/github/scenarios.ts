/**
 * The two ways tests describe GitHub, both over the one model (model.ts):
 * - the review's: one pull request under review and its repository, as one object (`FakeState`,
 *   made by `defaultState`), whose fields read and write the repository and the pull request
 *   (the config and the startups are files of the default branch);
 * - the closing's: a repository (`closingRepo`) with its default branch's files.
 * `fakeGitHub` / `fakeClosingGitHub` put them behind a `mockGitHub()` scope.
 */
import { serveFakeGitHub } from "./serve-nock.js";
import type { FakeGitHubOptions } from "./fake.js";
import type { GitHubMock } from "./recorder.js";
import {
  createPullRequest,
  createRepository,
  type CheckRun,
  type Comment,
  type Label,
  type Permission,
  type PullFile,
  type PullRequest,
  type Repository,
  type ReviewComment,
} from "./model.js";

export type FakeFile = PullFile;
export type FakeComment = Comment;
export type FakeLabel = Label;
export type ClosingRepo = Repository;
export type FakeOptions = FakeGitHubOptions;

const CONFIG_PATH = ".github/recrutement-bot.yml";
const STARTUPS = "content/_startups";

/** A pull request under review and its repository, as the review's tests describe them. */
export interface FakeState {
  readonly repository: Repository;
  readonly pull: PullRequest;
  owner: string;
  repo: string;
  defaultBranch: string;
  number: number;
  headSha: string;
  /** The base commit of the pull request. */
  baseSha: string;
  /** The pull request's head now, when a test delivers an older commit's event (default: headSha). */
  currentHead?: string;
  /** `.github/recrutement-bot.yml` on the default branch (null: absent). */
  config: string | null;
  files: FakeFile[];
  /** Startup ids (`content/_startups/<id>.md`, beside an `images` folder) on the default branch. */
  startups: string[];
  /** Titles of some startups (`title:` of their file). */
  startupTitles?: Record<string, string>;
  comments: FakeComment[];
  pullRequestLabels: string[];
  repositoryLabels: FakeLabel[];
  reviewComments: ReviewComment[];
  labelEvents: { label: string; actor: string }[];
  /** Repository permission of users (`GET …/collaborators/{username}/permission`); others: none. */
  permissions: Record<string, Permission>;
  checkRuns: CheckRun[];
  /** GraphQL queries received (text), for the budget and tests. */
  graphqlQueries: string[];
  /** Other files of the default branch, at the base and head commits alike (the postings folder's other files). */
  unchangedFiles?: Record<string, string>;
  /** Make the next n reads of the pull request's files fail with a 502. */
  failFiles?: number;
  /** Called when the app creates a comment, before it is stored (to simulate another instance). */
  beforeCommentCreate?: () => void;
}

type Init = Partial<Omit<FakeState, "repository" | "pull">>;

/** The startups folder of beta.gouv.fr's repository: `<id>.md` with a title, and an `images` folder. */
export function startupFiles(ids: readonly string[], titles: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = Object.fromEntries(
    ids.map((id) => [`${STARTUPS}/${id}.md`, `---\ntitle: ${titles[id] ?? id}\nmission: Une mission\n---\n\nTexte.\n`]),
  );
  files[`${STARTUPS}/images/logo.svg`] = "<svg/>";
  return files;
}

/** The startups the review's tests know unless told. */
export const DEFAULT_STARTUPS = ["mon-entreprise", "api-gouv", "mes-aides"];

/** The review's pull request #2 of Codertocat/Hello-World (as in @octokit/webhooks-examples), `overrides` applied. */
export function defaultState(overrides: Init = {}): FakeState {
  const pull = createPullRequest({
    number: 2,
    headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    baseSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
    head: "patch-1",
  });
  const repository = createRepository({ owner: "Codertocat", repo: "Hello-World", defaultBranch: "master", pulls: [pull] });
  let startups: string[] = [];
  let titles: Record<string, string> | undefined;
  const writeStartups = () => {
    for (const path of Object.keys(repository.files)) if (path.startsWith(`${STARTUPS}/`)) delete repository.files[path];
    Object.assign(repository.files, startupFiles(startups, titles));
  };
  const state = { repository, pull } as FakeState;
  const on = <T extends object>(target: T, keys: readonly (keyof T & keyof FakeState)[]) => {
    for (const key of keys)
      Object.defineProperty(state, key, { enumerable: true, get: () => target[key], set: (v: never) => (target[key] = v) });
  };
  on(repository, ["owner", "repo", "defaultBranch", "checkRuns", "graphqlQueries"]);
  on(pull, [
    "number",
    "headSha",
    "baseSha",
    "currentHead",
    "files",
    "comments",
    "reviewComments",
    "labelEvents",
    "failFiles",
    "beforeCommentCreate",
  ]);
  const alias = (key: keyof FakeState, get: () => unknown, set: (v: never) => void) =>
    Object.defineProperty(state, key, { enumerable: true, get, set });
  alias(
    "pullRequestLabels",
    () => pull.labels,
    (v) => (pull.labels = v),
  );
  alias(
    "repositoryLabels",
    () => repository.labels,
    (v) => (repository.labels = v),
  );
  alias(
    "config",
    () => repository.files[CONFIG_PATH] ?? null,
    (v: string | null) => (v === null ? delete repository.files[CONFIG_PATH] : (repository.files[CONFIG_PATH] = v)),
  );
  alias(
    "startups",
    () => startups,
    (v: string[]) => ((startups = v), writeStartups()),
  );
  alias(
    "startupTitles",
    () => titles,
    (v: Record<string, string> | undefined) => ((titles = v), writeStartups()),
  );
  alias(
    "permissions",
    () => Object.fromEntries(repository.collaborators),
    (v: Record<string, Permission>) => (repository.collaborators = new Map(Object.entries(v))),
  );
  alias(
    "unchangedFiles",
    () => repository.files,
    (v: Record<string, string> | undefined) => Object.assign(repository.files, v),
  );
  state.startups = [...DEFAULT_STARTUPS];
  return Object.assign(state, overrides);
}

/** Installs the review's repository on `gh`'s fake GitHub (several states: several repositories). */
export function fakeGitHub(gh: GitHubMock, state: FakeState, options: FakeGitHubOptions = {}): void {
  serveFakeGitHub(gh, options).add(state.repository);
}

/** The closing's repository: betagouv/offres, branch main, these files on it. */
export function closingRepo(files: Record<string, string>): Repository {
  return createRepository({ owner: "betagouv", repo: "offres", defaultBranch: "main", files });
}

/** Installs a repository on `gh`'s fake GitHub. */
export function fakeClosingGitHub(gh: GitHubMock, repo: Repository, options: FakeGitHubOptions = {}): void {
  serveFakeGitHub(gh, options).add(repo);
}
