/**
 * The review as data: from the engine's reports, the config, the pull request's facts and what
 * already exists on GitHub, what the check run, the living comment, the suggestions and the
 * labels should be. Pure: tests assert plans without HTTP; reconcilers carry them out.
 */
import { createHash } from "node:crypto";
import type { Diagnostic } from "../../core/types.js";
import type { Config } from "../../config/schema.js";
import { DEFAULT_LABEL_COLOURS } from "../../config/schema.js";
import type { ConfigProblem } from "../../config/parse-config.js";
import { t } from "../../messages/index.js";
import type { BotComment, BotThread } from "../read-review-state.js";
import { planLabels, type LabelPlan } from "../labels/plan-labels.js";
import { fencedBlock } from "../markdown/escape.js";
import { renderMessageMarkdown } from "../markdown/render-message.js";
import { GITHUB_LIMITS, fits } from "../limits.js";
import { isClosingOnly, renderCheckRun, type CheckRunOutput, type OverrideState } from "./render-check-run.js";
import { renderComment } from "./render-comment.js";
import { SUGGESTION_MARKER_PREFIX } from "./review-markers.js";
import type { ReviewedPosting } from "./reviewed-posting.js";

/** Suggestions posted in one review at most (the rest wait for the next push). */
export const MAX_SUGGESTIONS = 50;

export interface ExistingState {
  /** The app's comments carrying the marker, oldest first. */
  comments: readonly BotComment[];
  pullRequestLabels: readonly string[];
  repositoryLabels: readonly string[];
  /** Bodies of the app's review comments (carrying suggestion markers). */
  reviewCommentBodies: readonly string[];
  /** The app's review threads (its suggestions), to resolve those whose line is fixed. */
  threads?: readonly BotThread[];
}

export interface ReviewInput {
  config: Config;
  configProblems: readonly ConfigProblem[];
  postings: readonly ReviewedPosting[];
  /** Postings beyond `max-files`, not reviewed. */
  skipped: readonly string[];
  existing: ExistingState;
  /** The override label on the pull request and who put it there, when it is there. */
  override?: OverrideState | null;
  /** Postings not read (GitHub's answer over the size cap): named in the check run, never green. */
  unread?: readonly string[];
  /** Files GitHub did not list (beyond 3,000) and that could not be seen otherwise. */
  unlisted?: number;
}

export type CommentPlan = { action: "none" } | { action: "create"; body: string } | { action: "update"; commentId: number; body: string };

export interface SuggestionComment {
  path: string;
  line: number;
  body: string;
  hash: string;
}

export interface ReviewPlan {
  checkRun: CheckRunOutput;
  comment: CommentPlan;
  /** Duplicates of the living comment (a race in the past): removed, the oldest is kept. */
  deleteComments: number[];
  /** One review with these suggestions, or null. */
  suggestions: { body: string; comments: SuggestionComment[] } | null;
  /** Suggestions left out because their comment would be over GitHub's limit (the others are posted). */
  droppedSuggestions: number;
  /** The app's unresolved suggestion threads whose problem is gone: resolved. */
  resolveThreads: string[];
  labels: LabelPlan | null;
}

export function planReview(input: ReviewInput): ReviewPlan {
  const { config } = input;
  const lang = config.language;

  // A closing pull request (only `open: false` written) is not the place for remarks on the rest of the posting.
  const closing = isClosingOnly(input.postings);
  const candidates = closing ? [] : suggestionCandidates(input.postings, config.suggestions);
  const already = new Set(input.existing.reviewCommentBodies.flatMap(suggestionHashes));
  const unposted = candidates
    .filter((c) => !already.has(c.hash))
    .map((c) => ({
      ...c,
      body: [
        renderMessageMarkdown(lang, c.diagnostic.messageId, c.diagnostic.params, c.diagnostic.rule),
        ...(c.diagnostic.fix!.certain === false ? ["", t(lang, "suggestion-proposal")] : []),
        "",
        fencedBlock("suggestion", c.diagnostic.fix!.text),
        `${SUGGESTION_MARKER_PREFIX}${c.hash} -->`,
      ].join("\n"),
    }));
  // A suggestion is a whole line: one too long for a review comment cannot be cut, it is left out
  // alone (GitHub would refuse the whole review); the comment's table still says what to write.
  const fresh = unposted.filter((c) => fits(c.body, GITHUB_LIMITS.reviewCommentBody)).slice(0, MAX_SUGGESTIONS);
  const droppedSuggestions = unposted.filter((c) => !fits(c.body, GITHUB_LIMITS.reviewCommentBody)).length;
  // The comment points at the one-click fix when it is there (posted now or before).
  const suggested = new Set([...candidates.filter((c) => already.has(c.hash)), ...fresh].map((c) => c.diagnostic));
  const suggestions =
    fresh.length === 0
      ? null
      : {
          body: t(lang, "suggestions-review-body"),
          comments: fresh.map((c) => ({ path: c.path, line: c.diagnostic.fix!.line, hash: c.hash, body: c.body })),
        };
  const unread = input.unread ?? [];
  const unlisted = input.unlisted ?? 0;

  const checkRun = renderCheckRun({
    lang,
    postingsDir: config.postings,
    postings: input.postings,
    skipped: input.skipped,
    maxFiles: config["max-files"],
    configProblems: input.configProblems,
    override: input.override ?? null,
    unread,
    unlisted,
  });

  const [kept, ...duplicates] = input.existing.comments;
  let comment: CommentPlan = { action: "none" };
  if (config.comment) {
    const body =
      closing && !kept
        ? null
        : renderComment({
            lang,
            postings: input.postings,
            suggested,
            skipped: input.skipped,
            maxFiles: config["max-files"],
            previous: kept?.body ?? null,
            unseen: unread.length + unlisted,
          });
    if (body !== null)
      comment = !kept
        ? { action: "create", body }
        : kept.body === body
          ? { action: "none" }
          : { action: "update", commentId: kept.id, body };
  }

  // A suggestion thread of the app is resolved once its problem is gone from a posting that was read.
  const live = new Set(suggestionCandidates(input.postings, true, false).map((c) => c.hash));
  const read = new Set(input.postings.filter((p) => p.lines !== null).map((p) => p.path));
  const resolveThreads = (input.existing.threads ?? [])
    .filter((th) => !th.isResolved && read.has(th.path))
    .filter((th) => {
      const hashes = suggestionHashes(th.body);
      return hashes.length > 0 && hashes.every((h) => !live.has(h));
    })
    .map((th) => th.id);

  const labels = config.labels.enabled
    ? planLabels({
        contracts: input.postings.flatMap((p) => p.report.contracts),
        complete: input.skipped.length === 0 && unread.length === 0 && unlisted === 0 && input.postings.every((p) => p.lines !== null),
        prefix: config.labels.prefix,
        colours: config.labels.colours,
        defaultColours: DEFAULT_LABEL_COLOURS,
        lang,
        pullRequestLabels: input.existing.pullRequestLabels,
        repositoryLabels: input.existing.repositoryLabels,
      })
    : null;

  return {
    checkRun,
    comment,
    deleteComments: duplicates.map((c) => c.id),
    suggestions,
    droppedSuggestions,
    resolveThreads,
    labels: labels && isEmpty(labels) ? null : labels,
  };
}

function isEmpty(plan: LabelPlan): boolean {
  return plan.add.length === 0 && plan.remove.length === 0 && plan.create.length === 0;
}

interface Candidate {
  path: string;
  diagnostic: Diagnostic;
  hash: string;
}

/** Hashes of the suggestions this review would want posted (to find those already made, however old). */
export function wantedSuggestionHashes(postings: readonly ReviewedPosting[], config: Config): string[] {
  return isClosingOnly(postings) ? [] : suggestionCandidates(postings, config.suggestions).map((c) => c.hash);
}

export function suggestionHashes(body: string): string[] {
  return Array.from(body.matchAll(/<!-- recrutement-bot:suggestion:([0-9a-f]+) -->/g), (m) => m[1]!);
}

/**
 * Diagnostics with a fix on a line of the diff (any line with `onDiff` false), one per line (the
 * first wins). Proposals count too: they say they are to be checked.
 */
function suggestionCandidates(postings: readonly ReviewedPosting[], enabled: boolean, onDiff = true): Candidate[] {
  if (!enabled) return [];
  const out: Candidate[] = [];
  for (const p of postings) {
    if (p.lines === null) continue;
    const taken = new Set<number>();
    for (const d of p.report.diagnostics) {
      const fix = d.fix;
      if (!fix || taken.has(fix.line) || fix.line < 1 || fix.line > p.lines.length) continue;
      if (onDiff && p.diffLines !== "all" && !p.diffLines.has(fix.line)) continue;
      const original = p.lines[fix.line - 1]!;
      if (original === fix.text) continue;
      taken.add(fix.line);
      out.push({ path: p.path, diagnostic: d, hash: suggestionHash(p.path, d.rule, original, fix.text) });
    }
  }
  return out;
}

/** Same file, same rule, same line text, same fix: the same suggestion, wherever the line moved. */
export function suggestionHash(path: string, rule: string, original: string, replacement: string): string {
  return createHash("sha256").update([path, rule, original, replacement].join("\u0000")).digest("hex").slice(0, 16);
}
