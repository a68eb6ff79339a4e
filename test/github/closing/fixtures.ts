/**
 * GitHub answers for the closing job's tests: the GraphQL scan and history queries (checked against
 * GitHub's schema), blob oids computed as git does, postings built from the seeds.
 */
import { readFileSync } from "node:fs";
import type nock from "nock";
import type pino from "pino";
import { assertValidGraphql, blobOid } from "../../support/github/index.js";
import { captureLogs } from "../../support/logs.js";
import { CLOSING_BRANCH_PREFIX } from "../../../src/core/closing/branch-name.js";
import { configSchema, type Config, type ConfigInput } from "../../../src/config/schema.js";
import { SEEDS_DIR } from "../../cli/helpers.js";

export const SEED_DUE = readFileSync(`${SEEDS_DIR}/000_98b50e31014be289.txt`, "utf8");
export const SEED_CLOSED = readFileSync(`${SEEDS_DIR}/003_f3dddee9d80a1e5f.txt`, "utf8");

export const HEAD = "1".repeat(40);
export const TREE = "2".repeat(40);

export { blobOid };

/** A posting like the due seed, with its own roles, closing date and open value. */
export function posting(
  opts: { roles?: string; closing?: string | null; open?: boolean; filled?: boolean; contract?: string; crlf?: boolean } = {},
): string {
  const lines = [
    "---",
    `roles: ${opts.roles ?? "Développeur·se"}`,
    `contrat: ${opts.contract ?? "CDI"}`,
    "startup: exemple",
    "post_ouvert: 2021-06-09",
    ...(opts.closing === null ? [] : [`poste_ferme: ${opts.closing ?? "2021-07-07"}`]),
    ...(opts.filled ? ["poste_pourvu: true"] : []),
    `open: ${opts.open ?? true} # affichée sur le site`,
    "---",
    "",
    "Texte de l'offre.",
    "",
  ];
  return lines.join(opts.crlf ? "\r\n" : "\n");
}

export interface ScanPosting {
  name: string;
  text: string;
}
export interface ScanBranch {
  /** Name after `recrutement-bot/fermeture/`. */
  name: string;
  /** Open pull requests; `labels` as GitHub lists them (absent: the answer has no labels field). */
  openPrs?: { number: number; body: string; labels?: string[] }[];
}

/** Labels the fake repository has: the closing label and the contract labels, except `stage` and `indépendant`. */
export const REPOSITORY_LABELS = ["contrat: CDD", "contrat: CDI", "fermeture"];

export function scanAnswer(postings: readonly ScanPosting[], branches: readonly ScanBranch[] = [], head = HEAD, tree = TREE) {
  return {
    data: {
      repository: {
        defaultBranchRef: {
          name: "main",
          target: {
            oid: head,
            tree: { oid: tree },
            file: {
              type: "tree",
              object: {
                entries: postings.map((p) => ({
                  name: p.name,
                  type: "blob",
                  mode: 33188,
                  oid: blobOid(p.text),
                  object: { text: p.text, byteSize: Buffer.byteLength(p.text), isBinary: false, isTruncated: false },
                })),
              },
            },
          },
        },
        labels: { nodes: REPOSITORY_LABELS.map((name) => ({ name })) },
        refs: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: branches.map((b) => ({
            name: b.name,
            associatedPullRequests: {
              nodes: (b.openPrs ?? []).map(({ labels, ...p }) =>
                labels ? { ...p, labels: { nodes: labels.map((name) => ({ name })) } } : p,
              ),
            },
          })),
        },
      },
    },
  };
}

/** Intercepts the scan query (and checks its variables). */
export function mockScan(
  scope: nock.Scope,
  postings: readonly ScanPosting[],
  branches: readonly ScanBranch[] = [],
  folder = "content/_jobs",
): void {
  scope
    .post("/graphql", (body: { query: string; variables: Record<string, unknown> }) => {
      assertValidGraphql(body.query);
      return body.query.includes("query ClosingScan") && body.variables.folder === folder;
    })
    .reply(200, scanAnswer(postings, branches));
}

/** Intercepts the history query: `closed` maps a branch (full name) to its closed pull requests. */
export function mockHistory(
  scope: nock.Scope,
  branches: readonly string[],
  closed: Record<string, { number: number; body: string }[]> = {},
): void {
  scope
    .post("/graphql", (body: { query: string; variables: Record<string, unknown> }) => {
      assertValidGraphql(body.query);
      if (!body.query.includes("query ClosingHistory")) return false;
      const asked = Object.entries(body.variables)
        .filter(([k]) => /^b\d+$/.test(k))
        .map(([, v]) => v);
      return JSON.stringify(asked) === JSON.stringify(branches);
    })
    .reply(200, () => {
      const repository: Record<string, unknown> = {};
      branches.forEach((b, i) => (repository[`b${i}`] = { nodes: (closed[b] ?? []).map((p) => ({ ...p, state: "CLOSED" })) }));
      return { data: { repository } };
    });
}

export const branch = (name: string) => `${CLOSING_BRANCH_PREFIX}${name}`;

export function config(input: ConfigInput = {}): Config {
  return configSchema.parse(input);
}

/** A pino logger that keeps its lines. */
export function memoryLogger(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const { log, logs } = captureLogs("debug");
  return { log, lines: logs.lines };
}

/** Changed lines between two texts of the same line count: [line number, new text]. */
export function changedLines(before: string, after: string): [number, string][] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length !== b.length) throw new Error("line count changed");
  return b.flatMap((line, i) => (line === a[i] ? [] : [[i + 1, line] as [number, string]]));
}

/**
 * Intercepts the authors query: `paths` in the order asked; `authors` maps a path to who added it
 * (`{ pr: login }`: through a merged pull request; `{ commit: login }`: a commit without one).
 */
export function mockAuthors(
  scope: nock.Scope,
  paths: readonly string[],
  authors: Record<string, { pr?: string; commit?: string }> = {},
): void {
  scope
    .post("/graphql", (body: { query: string; variables: Record<string, unknown> }) => {
      assertValidGraphql(body.query);
      if (!body.query.includes("query ClosingAuthors")) return false;
      const asked = Object.entries(body.variables)
        .filter(([k]) => /^p\d+$/.test(k))
        .map(([, v]) => v);
      return JSON.stringify(asked) === JSON.stringify(paths) && body.variables.head === HEAD;
    })
    .reply(200, () => {
      const object: Record<string, unknown> = {};
      paths.forEach((p, i) => {
        const a = authors[p];
        object[`p${i}`] = {
          nodes: a
            ? [
                {
                  author: { user: a.commit ? { login: a.commit } : null },
                  associatedPullRequests: { nodes: a.pr ? [{ merged: true, author: { __typename: "User", login: a.pr } }] : [] },
                },
              ]
            : [],
        };
      });
      return { data: { repository: { object } } };
    });
}

/** The dashboard issue's requests at a first run: looked for by its label (none yet), then created as number `issue`. */
export function mockNewDashboard(scope: nock.Scope, repoPath: string, issue = 1): void {
  scope.get(`${repoPath}/issues`).query({ labels: "tableau de bord", state: "all", per_page: "100" }).reply(200, []);
  scope
    .post(
      `${repoPath}/issues`,
      (b: { title: string; labels: string[] }) =>
        b.title === "Tableau de bord des offres" && JSON.stringify(b.labels) === '["tableau de bord"]',
    )
    .reply(201, { number: issue });
}
