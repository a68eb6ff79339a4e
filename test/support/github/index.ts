/**
 * One fake GitHub for the tests, the replay script (scripts/lib/replay.ts) and the benchmarks.
 *
 * - model.ts: what it holds (repositories: files, branches, pull requests, issues, labels, check
 *   runs…); scenarios.ts: the review's and the closing's ways to describe it.
 * - fake.ts: the answer to any request, routed by GitHub's REST description (rest.ts) or to
 *   GraphQL (graphql.ts), with GitHub's limits (limits.ts) and object ids (git.ts).
 * - serve-nock.ts / serve-http.ts: reached through nock in the test's process, or over a
 *   loopback HTTP server (another process, real sockets).
 * - recorder.ts: every request recorded and checked against GitHub's REST description and
 *   GraphQL schema (rest-description.ts, graphql-description.ts), read once per run from compact
 *   indexes (descriptions.ts, built by the vitest global setup).
 */
export { addedPatch, blobOid, BLOB_TEXT_LIMIT, githubBlob, treeOid, type BlobNode } from "./git.js";
export { assertRequestMatchesOpenApi, findOperation, type OpenApiMatch } from "./rest-description.js";
export { assertValidGraphql, graphqlErrors } from "./graphql-description.js";
export { mockGitHub, RequestLog, type GitHubMock, type RecordedRequest } from "./recorder.js";
export { FakeGitHub, type FakeGitHubOptions } from "./fake.js";
export { FAKE_LIMITS, validationFailed } from "./limits.js";
export {
  addedBy,
  commentBodies,
  createPullRequest,
  createRepository,
  newId,
  now,
  type Annotation,
  type CheckRun,
  type Comment,
  type Issue,
  type Label,
  type Permission,
  type PullFile,
  type PullRequest,
  type Repository,
  type ReviewComment,
} from "./model.js";
export {
  closingRepo,
  DEFAULT_STARTUPS,
  defaultState,
  startupFiles,
  fakeClosingGitHub,
  fakeGitHub,
  type ClosingRepo,
  type FakeComment,
  type FakeFile,
  type FakeLabel,
  type FakeOptions,
  type FakeState,
} from "./scenarios.js";
export { fakeHookDeliveries, serveFakeGitHub } from "./serve-nock.js";
export { startGitHubServer, type GitHubServer, type GitHubServerOptions } from "./serve-http.js";
export { HookDeliveries, type SentEvent } from "./hook-deliveries.js";
