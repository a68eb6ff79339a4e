/**
 * The names by which the review finds its own things on GitHub again: its check run, its living
 * comment, its suggestions. Changing one orphans what earlier reviews wrote.
 */
export const CHECK_RUN_NAME = "recrutement-bot";
/** Hidden marker by which the living comment is found again. */
export const COMMENT_MARKER = "<!-- recrutement-bot:review -->";
/** Hidden marker of a suggestion, followed by its hash and ` -->`. */
export const SUGGESTION_MARKER_PREFIX = "<!-- recrutement-bot:suggestion:";
