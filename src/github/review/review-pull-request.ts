/**
 * One review of one pull request at one head commit: read (the files, then one GraphQL query
 * with the config, the postings and the state), run the engine, plan, then reconcile the check
 * run, the living comment, the suggestions and the labels. When reading fails, a neutral check
 * run says so; a failing write is logged and the other writes still happen.
 *
 * The config is read in the same GraphQL query as the postings, so the postings folder is not
 * known yet when the query is written: it uses the config last seen for the repository (the
 * defaults the first time) and, when the config turns out to say otherwise, reads again.
 *
 * GitHub lists at most 3,000 files: when the pull request changes more (its `changed_files`,
 * from the event or the query), the postings it changes are found by comparing the postings
 * folder's trees; what still cannot be seen or read is named in a check run that is never green.
 */
import type { Logger } from "pino";
import { PostingCache } from "../../core/posting-cache.js";
import type { Diagnostic } from "../../core/types.js";
import { statusOf, type GitHub, type RepoRef } from "../octokit.js";
import { readPullRequestFiles } from "../read-pull-request-files.js";
import { readStartupTitles, type StartupTitlesCache } from "../read-startup-titles.js";
import {
  MAX_THREAD_PAGES,
  readBotComments,
  readOlderThreads,
  readReviewState,
  type BlobRead,
  type BotThread,
  type ReviewState,
} from "../read-review-state.js";
import { readFolderChanges } from "./read-folder-changes.js";
import { DEFAULT_CONFIG, type Config } from "../../config/schema.js";
import { notTextConfig, parseConfig, tooLargeConfig, type ParsedConfig } from "../../config/parse-config.js";
import { reconcileLabels } from "../labels/reconcile-labels.js";
import { checkChangedPostings } from "./check-changed-postings.js";
import { checkOptionsFor } from "../../config/check-options.js";
import { planReview, suggestionHashes, wantedSuggestionHashes, type ReviewPlan } from "./plan-review.js";
import { checkRunKey, reconcileCheckRun } from "./reconcile-check-run.js";
import { reconcileComment } from "./reconcile-comment.js";
import { reconcileSuggestions } from "./reconcile-suggestions.js";
import { reconcileThreads } from "./reconcile-threads.js";
import { canWrite } from "./read-write-access.js";
import { renderFailedCheckRun, type OverrideState } from "./render-check-run.js";
import { selectPostings, type PostingSelection } from "./select-postings.js";
import { CHECK_RUN_NAME, COMMENT_MARKER } from "./review-markers.js";
import { counts, introduced } from "./reviewed-posting.js";

export interface ReviewTarget extends RepoRef {
  pullNumber: number;
  headSha: string;
  /** The commit the pull request is compared with: problems already there are not its own. */
  baseSha: string;
  defaultBranch: string;
  /** Files the pull request changes, as the event counts them (GitHub lists at most 3,000). */
  changedFiles?: number;
  /** A new check run even when the latest one on the commit says the same (a "Re-run"). */
  forceCheckRun?: boolean;
}

export interface ReviewOutcome {
  status: "reviewed" | "read-failed";
  plan?: ReviewPlan;
  /** Writes that failed (logged), by step. */
  failedSteps: string[];
}

/** Config last seen per repository: the guess the next review's single query is written with. */
export type ConfigMemory = Map<string, Config>;

/** What one app instance keeps from review to review. */
export interface ReviewMemory {
  configs: ConfigMemory;
  startupTitles: StartupTitlesCache;
  /** Readings of postings by blob id: a posting unchanged since the last review is not read again. */
  postings: PostingCache;
}

export function newReviewMemory(): ReviewMemory {
  return { configs: new Map(), startupTitles: new Map(), postings: new PostingCache() };
}
const MEMORY_SIZE = 1000;

export async function reviewPullRequest(
  octokit: GitHub,
  target: ReviewTarget,
  log: Logger,
  kept: ReviewMemory = newReviewMemory(),
): Promise<ReviewOutcome> {
  const memory = kept.configs;
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const where = { repo: `${target.owner}/${target.repo}`, pull: target.pullNumber, sha: target.headSha };
  const repoKey = `${target.owner}/${target.repo}`.toLowerCase();

  let plan: ReviewPlan;
  let externalId: string;
  let latestCheckRun: string | null;
  // A late delivery (redelivered after a newer push) still gets its commit's check run, but the
  // comment, suggestions and labels follow the pull request's current head only.
  let outdated = false;
  try {
    const listing = await readPullRequestFiles(octokit, repo, target.pullNumber);
    let files = listing.files;
    const guess = memory.get(repoKey) ?? DEFAULT_CONFIG;
    let selection = selectPostings(files, guess.postings, guess["max-files"]);
    let state = await readState(octokit, repo, target, guess, selection);
    const { config, problems } = configOf(state.config);
    remember(memory, repoKey, config);
    if (problems.length > 0)
      log.warn({ ...where, problems: problems.map((p) => p.key || "(file)") }, "invalid config: defaults apply to these keys");
    // More files than GitHub lists: the postings folder's trees at base and head say which postings changed.
    let unlisted = 0;
    const changed = Math.max(target.changedFiles ?? 0, state.changedFiles ?? 0);
    if (!listing.listedAll || changed > files.length) {
      try {
        const listed = new Set(files.map((f) => f.filename));
        const found = await readFolderChanges(octokit, repo, { baseSha: target.baseSha, headSha: target.headSha, folder: config.postings });
        files = [...files, ...found.filter((f) => !listed.has(f.filename))];
        log.info(
          { ...where, listed: listed.size, changed, found: found.length },
          "more files than GitHub lists: postings found from the folder's trees",
        );
      } catch (error) {
        unlisted = Math.max(1, changed - files.length);
        log.warn(
          { ...where, listed: files.length, changed, err: describe(error) },
          "more files than GitHub lists, and the folder's trees could not be read",
        );
      }
    }
    const needed = selectPostings(files, config.postings, config["max-files"]);
    if (!readsCover(guess, config, selection, needed)) {
      state = { ...(await readState(octokit, repo, target, config, needed)), config: state.config };
    }
    selection = needed;
    // Postings whose answer was over the size cap are named, not judged.
    const unread = selection.postings.filter((p) => state.blobs.get(p.path)?.kind === "unread").map((p) => p.path);
    const readable = selection.postings.filter((p) => state.blobs.get(p.path)?.kind !== "unread");
    let options = checkOptionsFor(config, state.startupIds, false);
    let postings = checkChangedPostings(readable, state.blobs, options, state.baseBlobs, kept.postings);
    // A startup named otherwise than by its id may be named by its title: read the titles, judge again.
    // Only for a name the pull request wrote (what was there before blocks nothing anyway) and that
    // is not a near miss of an id (then the id is what was meant).
    const byTitle = (d: Diagnostic) =>
      d.rule === "startup-unknown" && (d.messageId === "startup-unknown" || d.messageId === "startup-unknown-friend");
    if (state.startupsTree !== null && postings.some((p) => introduced(p).some(byTitle))) {
      options = { ...options, startupTitles: await readStartupTitles(octokit, repo, state.startupsTree, kept.startupTitles) };
      postings = checkChangedPostings(readable, state.blobs, options, state.baseBlobs, kept.postings);
    }
    const threads = await threadsToSee(octokit, repo, target.pullNumber, state, wantedSuggestionHashes(postings, config));
    const override = await readOverride(octokit, repo, config, state, counts(postings).errors > 0);
    plan = planReview({
      config,
      configProblems: problems,
      postings,
      skipped: selection.skipped,
      existing: {
        comments: state.botComments,
        pullRequestLabels: state.pullRequestLabels,
        repositoryLabels: state.repositoryLabels,
        reviewCommentBodies: threads.map((th) => th.body),
        threads,
      },
      override,
      unread,
      unlisted,
    });
    externalId = checkRunKey(target.pullNumber, plan.checkRun);
    latestCheckRun = state.latestCheckRun;
    outdated = state.currentHead !== null && state.currentHead !== target.headSha;
    const total = counts(postings);
    log.info(
      {
        ...where,
        postings: postings.length,
        skipped: selection.skipped.length,
        ...(unread.length + unlisted > 0 ? { unread: unread.length, unlisted } : {}),
        ...(plan.droppedSuggestions > 0 ? { droppedSuggestions: plan.droppedSuggestions } : {}),
        errors: total.errors,
        warnings: total.warnings,
        comment: plan.comment.action,
      },
      "pull request reviewed",
    );
  } catch (error) {
    log.error({ ...where, err: describe(error) }, "review failed while reading: neutral check run");
    try {
      const lang = memory.get(repoKey)?.language ?? "fr";
      await reconcileCheckRun(octokit, repo, target.headSha, renderFailedCheckRun(lang), String(target.pullNumber));
    } catch (again) {
      log.error({ ...where, err: describe(again) }, "could not report the failure in a check run");
    }
    return { status: "read-failed", failedSteps: ["read"] };
  }

  const failedSteps: string[] = [];
  const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      failedSteps.push(name);
      log.error({ ...where, step: name, err: describe(error) }, "review step failed");
    }
  };
  // The latest check run on this commit already says this (same output, same pull request): not twice.
  if (target.forceCheckRun || latestCheckRun !== externalId) {
    await step("check-run", () => reconcileCheckRun(octokit, repo, target.headSha, plan.checkRun, externalId));
  }
  if (outdated) {
    log.info({ ...where }, "pull request has a newer head commit: only this commit's check run is written");
    return { status: "reviewed", plan, failedSteps };
  }
  await step("comment", () =>
    reconcileComment(octokit, repo, target.pullNumber, plan.comment, plan.deleteComments, () =>
      readBotComments(octokit, repo, target.pullNumber, COMMENT_MARKER),
    ),
  );
  await step("suggestions", () => reconcileSuggestions(octokit, repo, target.pullNumber, target.headSha, plan.suggestions));
  if (plan.resolveThreads.length > 0) await step("threads", () => reconcileThreads(octokit, plan.resolveThreads));
  if (plan.labels) {
    const labels = plan.labels;
    await step("labels", () => reconcileLabels(octokit, repo, target.pullNumber, labels));
  }
  return { status: "reviewed", plan, failedSteps };
}

function readState(
  octokit: GitHub,
  repo: RepoRef,
  target: ReviewTarget,
  config: Config,
  selection: PostingSelection,
): Promise<ReviewState> {
  return readReviewState(octokit, repo, {
    pullNumber: target.pullNumber,
    headSha: target.headSha,
    baseSha: target.baseSha,
    defaultBranch: target.defaultBranch,
    postingPaths: selection.postings.map((p) => p.path),
    basePaths: new Map(selection.postings.flatMap((p) => (p.basePath !== null ? [[p.path, p.basePath] as const] : []))),
    startupsDir: config.startups,
    labelPrefix: config.labels.prefix,
    marker: COMMENT_MARKER,
    checkRunName: CHECK_RUN_NAME,
  });
}

/** Did the query written with `guess` read everything `config` needs? */
function readsCover(guess: Config, config: Config, read: PostingSelection, needed: PostingSelection): boolean {
  if (guess.startups !== config.startups || guess.labels.prefix !== config.labels.prefix) return false;
  const readPaths = new Set(read.postings.map((p) => p.path));
  return needed.postings.every((p) => readPaths.has(p.path));
}

/**
 * The app's review threads, read further back (100 a page) until every suggestion this review
 * would make is found among them or the first thread is reached: a suggestion made long ago is
 * not made twice, however many threads the pull request has.
 */
async function threadsToSee(
  octokit: GitHub,
  repo: RepoRef,
  pullNumber: number,
  state: ReviewState,
  wanted: readonly string[],
): Promise<BotThread[]> {
  let threads = state.botThreads;
  let cursor = state.threadsCursor;
  const seen = new Set(threads.flatMap((th) => suggestionHashes(th.body)));
  const missing = () => wanted.some((h) => !seen.has(h));
  for (let page = 0; cursor !== null && missing() && page < MAX_THREAD_PAGES; page++) {
    const older = await readOlderThreads(octokit, repo, pullNumber, cursor);
    threads = [...older.threads, ...threads];
    for (const th of older.threads) for (const h of suggestionHashes(th.body)) seen.add(h);
    cursor = older.cursor;
  }
  return threads;
}

/**
 * The override label, when it is on the pull request and the verdict would fail: who put it
 * there (the pull request's timeline) and whether that person can write to the repository.
 */
async function readOverride(
  octokit: GitHub,
  repo: RepoRef,
  config: Config,
  state: ReviewState,
  failing: boolean,
): Promise<OverrideState | null> {
  const wanted = config["override-label"].toLowerCase();
  const label = state.pullRequestLabels.find((l) => l.toLowerCase() === wanted);
  if (!failing || label === undefined) return null;
  const login = [...state.labelledBy].find(([name]) => name.toLowerCase() === wanted)?.[1];
  if (login === undefined) return { label, login: "?", allowed: false };
  return { label, login, allowed: await canWrite(octokit, repo, login) };
}

function configOf(blob: BlobRead): ParsedConfig {
  if (blob.kind === "missing") return parseConfig(null);
  if (blob.kind === "binary") return notTextConfig();
  // Over the size limit, or GitHub's answer with it over the app's cap: the defaults.
  if (blob.kind !== "text") return tooLargeConfig();
  return parseConfig(blob.text);
}

function remember(memory: ConfigMemory, key: string, config: Config): void {
  memory.delete(key);
  memory.set(key, config);
  if (memory.size > MEMORY_SIZE) memory.delete(memory.keys().next().value as string);
}

/** What to log of an error: its status and message, never a request body (it may hold posting text). */
function describe(error: unknown): { status?: number; message: string } {
  const status = statusOf(error);
  return { ...(status !== undefined ? { status } : {}), message: String((error as { message?: string }).message ?? error).slice(0, 300) };
}
