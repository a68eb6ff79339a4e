/**
 * vitest's global setup: GitHub's REST description and GraphQL schema reduced to their compact
 * indexes once, before any test file runs (descriptions.ts), so that test files in parallel
 * never each read the 13 MB and 5 MB descriptions.
 */
import { ensureIndex } from "./descriptions.js";
import { GRAPHQL_DESCRIPTION } from "./graphql-index.js";
import { REST_DESCRIPTION } from "./rest-index.js";

export default function setup(): void {
  ensureIndex(REST_DESCRIPTION);
  ensureIndex(GRAPHQL_DESCRIPTION);
}
