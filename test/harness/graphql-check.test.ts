/**
 * The GraphQL check every GitHub test relies on (test/support/github/graphql-description.ts)
 * validates a query against the part of GitHub's schema the query reaches, rebuilt from a compact
 * index. Here, and only here, the whole schema (@octokit/graphql-schema) judges the same queries:
 * the app's own, and queries that break each validation rule the app's could break. Same verdicts.
 */
import { validate } from "@octokit/graphql-schema";
import { describe, expect, it } from "vitest";
import { graphqlErrors } from "../support/github/index.js";
import { REFS_QUERY, SCAN_QUERY, SUBTREE_QUERY } from "../../src/github/closing/scan-postings.js";
import { reviewStateQuery } from "../../src/github/read-review-state.js";
import { authorsQuery } from "../../src/github/closing/find-authors.js";
import { historyQuery } from "../../src/github/closing/list-closing-prs.js";

const REPO = "repository(owner: $owner, name: $name)";
const VARS = "$owner: String!, $name: String!";

const APP_QUERIES = [SCAN_QUERY, REFS_QUERY, SUBTREE_QUERY, reviewStateQuery(0), reviewStateQuery(3, 2), authorsQuery(2), historyQuery(3)];

const BROKEN: [string, string][] = [
  ["an unknown field", `query Q(${VARS}) { ${REPO} { defaultBranchRef { nom } } }`],
  [
    "a field of another type in a fragment",
    `query Q(${VARS}) { ${REPO} { object(expression: "HEAD:a") { ... on Blob { entries { name } } } } }`,
  ],
  ["an unknown argument", `query Q(${VARS}) { ${REPO} { labels(premier: 10) { nodes { name } } } }`],
  ["a required argument missing", `query Q { repository(owner: "a") { id } }`],
  ["a variable of the wrong type", `query Q($owner: Int!, $name: String!) { ${REPO} { id } }`],
  ["an undefined variable", `query Q($owner: String!) { ${REPO} { id } }`],
  ["an unused variable", `query Q(${VARS}, $x: Int) { ${REPO} { id } }`],
  [
    "an unknown enum value",
    `query Q(${VARS}) { ${REPO} { labels(first: 1, orderBy: { field: NAME, direction: UP }) { nodes { name } } } }`,
  ],
  ["an unknown input field", `mutation M($id: ID!) { resolveReviewThread(input: { thread: $id }) { thread { id } } }`],
  ["a fragment on a type that cannot be there", `query Q(${VARS}) { ${REPO} { object(expression: "HEAD:a") { ... on User { login } } } }`],
  ["an unknown type", `query Q(${VARS}) { ${REPO} { object(expression: "HEAD:a") { ... on Blobb { text } } } }`],
  ["an object without a selection", `query Q(${VARS}) { ${REPO} { defaultBranchRef } }`],
  ["a selection on a scalar", `query Q(${VARS}) { ${REPO} { name { length } } }`],
  ["an unknown directive argument", `query Q(${VARS}) { ${REPO} { id @include(iff: true) } }`],
  ["a syntax error", `query Q(${VARS}) { ${REPO} { id }`],
];

const VALID: [string, string][] = [
  [
    "fragments on interfaces that overlap through their objects",
    `query Q { node(id: "x") { ... on GitObject { oid } ... on Node { id } } }`,
  ],
  [
    "a named fragment and a directive",
    `query Q(${VARS}, $skip: Boolean!) { ${REPO} { ...R @skip(if: $skip) } } fragment R on Repository { name labels(first: 1) { nodes { name } } }`,
  ],
  [
    "the mutation the review sends",
    `mutation ResolveThreads($t0: ID!) { t0: resolveReviewThread(input: { threadId: $t0 }) { thread { id isResolved } } }`,
  ],
];

const full = (query: string): string[] => {
  try {
    return validate(query).map((e: Error) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
};

describe("the GraphQL check against GitHub's whole schema", () => {
  it.each(APP_QUERIES.map((q) => [q.slice(0, q.indexOf("(")), q]))("%s: valid for both", (_name, query) => {
    expect(full(query)).toEqual([]);
    expect(graphqlErrors(query)).toEqual([]);
  });

  it.each(VALID)("%s: valid for both", (_name, query) => {
    expect(full(query)).toEqual([]);
    expect(graphqlErrors(query)).toEqual([]);
  });

  it.each(BROKEN)("%s: refused by both, as many errors", (_name, query) => {
    const expected = full(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(graphqlErrors(query)).toHaveLength(expected.length);
  });
});
