/**
 * Replays a recorded webhook against the app, without network or credentials: the app
 * (src/app/create-app.ts) is loaded into a real Probot whose GitHub is the tests' fake (test/support/github:
 * nock, network disabled) serving the repository the fixture describes; the delivery goes through Probot's
 * `receive`, as a webhook from GitHub would. The result is every request the app made, what it
 * logged, and, read from those requests, what it would have done on GitHub.
 *
 * Fixtures: test/fixtures/replay/*.json (see `ReplayFixture`).
 */
import { readFileSync } from "node:fs";
import nock from "nock";
import type { Probot } from "probot";
import app from "../../src/app/create-app.js";
import { createTestProbot, mockInstallationToken } from "../../test/helpers/probot.js";
import {
  createRepository,
  defaultState,
  fakeClosingGitHub,
  fakeGitHub,
  mockGitHub,
  type FakeComment,
  type FakeFile,
  type FakeLabel,
  type RecordedRequest,
} from "../../test/support/github/index.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ReplayFixture {
  /** What the recording shows, in one sentence. */
  description: string;
  /** The replay's clock (ISO time): the closing job compares dates with it. Default: now. */
  now?: string;
  /** Webhook event name (X-GitHub-Event): pull_request, check_run or push. */
  event: string;
  /** Delivery id (X-GitHub-Delivery). */
  delivery: string;
  /** What GitHub holds when the event arrives. Owner, repository, pull request and commits come from the payload. */
  github: {
    /** `.github/recrutement-bot.yml` on the default branch; null: no such file. */
    config: string | null;
    /** Startup ids (`content/_startups/<id>.md`). */
    startups?: string[];
    /** Path → text of the files on the default branch (what the closing job scans). */
    defaultBranch?: Record<string, string>;
    /** The pull request of a pull_request or check_run event. */
    pullRequest?: {
      files: FakeFile[];
      /** Comments already there; `bot: true` for the app's own. */
      comments?: FakeComment[];
      labels?: string[];
      /** Review comments already there (the app's suggestions). */
      reviewComments?: { path: string; line: number; body: string; bot: boolean }[];
    };
    /** Labels of the repository. */
    labels?: FakeLabel[];
  };
  /** The webhook payload, as GitHub sends it (shaped like @octokit/webhooks-examples). */
  payload: Json;
}

export interface ReplayResult {
  fixture: ReplayFixture;
  requests: RecordedRequest[];
  /** Requests outside GitHub's REST description. */
  invalid: string[];
  /** The app's log lines (pino objects). */
  logs: Record<string, unknown>[];
}

export function loadFixture(file: string): ReplayFixture {
  const fixture = JSON.parse(readFileSync(file, "utf8")) as ReplayFixture;
  for (const key of ["description", "event", "delivery", "github", "payload"] as const) {
    if (fixture[key] === undefined) throw new Error(`${file}: "${key}" is missing`);
  }
  return fixture;
}

/** Runs the delivery through the app; GitHub is the fake, the network is off. */
export async function replay(fixture: ReplayFixture): Promise<ReplayResult> {
  const { payload, github } = fixture;
  const owner = String(payload.repository.owner.login);
  const repo = String(payload.repository.name);
  const defaultBranch = String(payload.repository.default_branch);

  const restoreEnv = setEnv({ CLOSING_SCHEDULE: "off", DELIVERY_RECOVERY: "off", REDIS_URL: undefined });
  const restoreClock = fixture.now ? shiftClock(fixture.now) : () => {};
  nock.disableNetConnect();
  try {
    const gh = mockGitHub();
    mockInstallationToken(gh.scope, Number(payload.installation?.id ?? 1));
    if (github.pullRequest) {
      const pr = payload.pull_request ?? {};
      const state = defaultState({
        owner,
        repo,
        defaultBranch,
        number: Number(pr.number ?? payload.check_run?.external_id),
        headSha: String(pr.head?.sha ?? payload.check_run?.head_sha),
        config: github.config,
        startups: github.startups ?? [],
        files: github.pullRequest.files,
        comments: structuredClone(github.pullRequest.comments ?? []),
        pullRequestLabels: [...(github.pullRequest.labels ?? [])],
        repositoryLabels: structuredClone(github.labels ?? []),
        reviewComments: structuredClone(github.pullRequest.reviewComments ?? []),
      });
      fakeGitHub(gh, state);
    } else {
      const files = { ...(github.defaultBranch ?? {}) };
      if (github.config !== null) files[".github/recrutement-bot.yml"] = github.config;
      const head = String(payload.after ?? "1".repeat(40));
      fakeClosingGitHub(
        gh,
        createRepository({
          owner,
          repo,
          defaultBranch,
          files,
          headOid: head,
          treeOid: String(payload.head_commit?.tree_id ?? "2".repeat(40)),
          firstPullNumber: 1,
        }),
      );
    }
    const { probot, logs } = createTestProbot(app);
    await probot.receive({ id: fixture.delivery, name: fixture.event, payload } as unknown as Parameters<Probot["receive"]>[0]);
    return { fixture, requests: [...gh.requests], invalid: [...gh.invalid], logs };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    restoreClock();
    restoreEnv();
  }
}

function setEnv(values: Record<string, string | undefined>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  apply(values);
  return () => apply(before);
}

/** Makes `new Date()` and `Date.now()` start from `iso` (and go on ticking); returns the undo. */
function shiftClock(iso: string): () => void {
  const RealDate = Date;
  const offset = RealDate.parse(iso) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`"now": not a date: ${iso}`);
  class ReplayDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ReplayDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

/** What the app wrote, read from its requests: one entry per write, in order. */
export type AppAction =
  | {
      kind: "check-run";
      headSha: string;
      conclusion: string;
      title: string;
      summary: string;
      annotations: { path: string; line: number; level: string; title: string; message: string }[];
    }
  | { kind: "comment"; verb: "created" | "edited" | "deleted"; issue: string; body: string }
  | { kind: "suggestions"; pull: string; comments: { path: string; line: number; body: string }[] }
  | { kind: "threads"; resolved: number }
  | { kind: "labels"; verb: "created" | "added" | "removed"; issue: string; labels: string[] }
  | { kind: "branch"; verb: "created" | "moved" | "deleted"; branch: string; sha: string }
  | { kind: "file"; branch: string; path: string; message: string; text: string }
  | {
      kind: "pull-request";
      verb: "opened" | "edited" | "closed";
      number: string;
      title?: string;
      head?: string;
      base?: string;
      body?: string;
    }
  | { kind: "issue"; verb: "opened" | "edited"; number: string; title?: string; labels?: string[]; body?: string }
  | { kind: "other"; request: string };

export function appActions(result: ReplayResult): AppAction[] {
  const actions: AppAction[] = [];
  for (const r of result.requests) {
    const b = (r.body ?? {}) as Json;
    const path = r.path.split("?")[0]!;
    const last = decodeURIComponent(path.split("/").pop()!);
    const issue = path.match(/\/(?:issues|pulls)\/(\d+)/)?.[1] ?? "";
    switch (r.operationId) {
      case "checks/create":
        actions.push({
          kind: "check-run",
          headSha: b.head_sha,
          conclusion: b.conclusion,
          title: b.output?.title ?? "",
          summary: b.output?.summary ?? "",
          annotations: (b.output?.annotations ?? []).map((a: Json) => ({
            path: a.path,
            line: a.start_line,
            level: a.annotation_level,
            title: a.title ?? "",
            message: a.message,
          })),
        });
        break;
      case "checks/update": {
        const run = actions.filter((a) => a.kind === "check-run").pop();
        if (run?.kind === "check-run")
          run.annotations.push(
            ...(b.output?.annotations ?? []).map((a: Json) => ({
              path: a.path,
              line: a.start_line,
              level: a.annotation_level,
              title: a.title ?? "",
              message: a.message,
            })),
          );
        break;
      }
      case "issues/create-comment":
        actions.push({ kind: "comment", verb: "created", issue: `#${issue}`, body: b.body });
        break;
      case "issues/update-comment":
        actions.push({ kind: "comment", verb: "edited", issue: `comment ${last}`, body: b.body });
        break;
      case "issues/delete-comment":
        actions.push({ kind: "comment", verb: "deleted", issue: `comment ${last}`, body: "" });
        break;
      case "pulls/create-review":
        actions.push({
          kind: "suggestions",
          pull: `#${issue}`,
          comments: (b.comments ?? []).map((c: Json) => ({ path: c.path, line: c.line, body: c.body })),
        });
        break;
      case "issues/create-label":
        actions.push({ kind: "labels", verb: "created", issue: "", labels: [`${b.name} (#${b.color})`] });
        break;
      case "issues/add-labels":
        actions.push({ kind: "labels", verb: "added", issue: `#${issue}`, labels: b.labels });
        break;
      case "issues/remove-label":
        actions.push({ kind: "labels", verb: "removed", issue: `#${issue}`, labels: [last] });
        break;
      case "git/create-ref":
        actions.push({ kind: "branch", verb: "created", branch: String(b.ref).replace(/^refs\/heads\//, ""), sha: b.sha });
        break;
      case "git/update-ref":
        actions.push({ kind: "branch", verb: "moved", branch: path.split("/git/refs/heads/")[1] ?? last, sha: b.sha });
        break;
      case "git/delete-ref":
        actions.push({ kind: "branch", verb: "deleted", branch: decodeURIComponent(path.split("/git/refs/heads/")[1] ?? last), sha: "" });
        break;
      case "repos/create-or-update-file-contents":
        actions.push({
          kind: "file",
          branch: b.branch,
          path: decodeURIComponent(path.split("/contents/")[1]!),
          message: b.message,
          text: Buffer.from(b.content, "base64").toString("utf8"),
        });
        break;
      case "pulls/create":
        actions.push({ kind: "pull-request", verb: "opened", number: "", title: b.title, head: b.head, base: b.base, body: b.body });
        break;
      case "issues/create":
        actions.push({ kind: "issue", verb: "opened", number: "", title: b.title, labels: b.labels ?? [], body: b.body ?? "" });
        break;
      case "issues/update":
        actions.push({
          kind: "issue",
          verb: "edited",
          number: `#${issue}`,
          ...(b.title ? { title: b.title } : {}),
          ...(b.body ? { body: b.body } : {}),
        });
        break;
      case "pulls/update":
        actions.push({
          kind: "pull-request",
          verb: b.state === "closed" ? "closed" : "edited",
          number: `#${issue}`,
          ...(b.title ? { title: b.title } : {}),
          ...(b.body ? { body: b.body } : {}),
        });
        break;
      case "graphql":
        // The one GraphQL write: suggestion threads resolved once their line is fixed.
        if (typeof b.query === "string" && b.query.startsWith("mutation ResolveThreads"))
          actions.push({ kind: "threads", resolved: Object.keys(b.variables ?? {}).length });
        break;
      default:
        if (r.method !== "GET" && r.operationId !== "graphql" && r.operationId !== "apps/create-installation-access-token")
          actions.push({ kind: "other", request: `${r.method} ${path}` });
    }
  }
  return actions;
}

/** The comment bodies the app wrote (created or edited), last one last. */
export function commentBodies(result: ReplayResult): string[] {
  return appActions(result).flatMap((a) => (a.kind === "comment" && a.verb !== "deleted" ? [a.body] : []));
}

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const RULE = "─".repeat(72);

function indent(text: string, by = "    "): string {
  return text
    .split("\n")
    .map((l) => (l ? by + l : l))
    .join("\n");
}

/** The result in readable form: the requests, then what the app did, then its log. */
export function formatReplay(result: ReplayResult, file: string): string {
  const { fixture } = result;
  const p = fixture.payload;
  const what = [fixture.event, p.action].filter(Boolean).join(".");
  const out: string[] = [];
  out.push(`Rejeu de ${file}`);
  out.push(
    `  ${what} — ${p.repository.full_name}${p.pull_request ? `#${p.pull_request.number}` : p.ref ? ` ${p.ref}` : ""}${fixture.now ? ` — horloge : ${fixture.now}` : ""}`,
  );
  out.push(`  ${fixture.description}`);
  out.push("");
  out.push(`Requêtes à GitHub (${result.requests.length}) :`);
  const width = Math.max(0, ...result.requests.map((r) => `${r.method} ${r.path}`.length));
  result.requests.forEach((r, i) => out.push(`  ${String(i + 1).padStart(2)}. ${`${r.method} ${r.path}`.padEnd(width)}  ${r.operationId}`));
  for (const message of result.invalid) out.push(`  ✗ hors de la description REST de GitHub : ${message}`);
  out.push("");

  const actions = appActions(result);
  out.push(actions.length === 0 ? "Ce que l'application a fait sur GitHub : rien." : "Ce que l'application a fait sur GitHub :");
  const original = { ...(fixture.github.defaultBranch ?? {}) };
  for (const a of actions) {
    out.push("");
    switch (a.kind) {
      case "check-run":
        out.push(`▶ Check run « recrutement-bot » sur ${a.headSha.slice(0, 7)} : ${a.conclusion} — ${a.title}`);
        out.push(indent(a.summary));
        if (a.annotations.length > 0) {
          out.push(`  Annotations (${a.annotations.length}) :`);
          for (const n of a.annotations) out.push(`    ${n.path}:${n.line}  ${n.level}  ${n.title}\n${indent(n.message, "      ")}`);
        }
        break;
      case "comment":
        if (a.verb === "deleted") out.push(`▶ Commentaire supprimé : ${a.issue}`);
        else
          out.push(
            `▶ Commentaire ${a.verb === "created" ? `publié sur ${a.issue}` : `modifié (${a.issue})`} :`,
            RULE,
            a.body.replace(/\n$/, ""),
            RULE,
          );
        break;
      case "threads":
        out.push(`▶ Fils de suggestion résolus : ${a.resolved}`);
        break;
      case "suggestions":
        out.push(`▶ Revue sur ${a.pull} : ${a.comments.length} commentaire(s) de ligne`);
        for (const c of a.comments) out.push(`  ${c.path}:${c.line}`, indent(c.body));
        break;
      case "labels":
        out.push(
          a.verb === "created"
            ? `▶ Étiquette créée : ${a.labels.join(", ")}`
            : `▶ Étiquettes ${a.verb === "added" ? "posées sur" : "retirées de"} ${a.issue} : ${a.labels.join(", ")}`,
        );
        break;
      case "branch":
        out.push(
          `▶ Branche ${a.verb === "created" ? "créée" : a.verb === "moved" ? "déplacée" : "supprimée"} : ${a.branch}${a.sha ? ` (${a.sha.slice(0, 7)})` : ""}`,
        );
        break;
      case "file": {
        out.push(`▶ Fichier écrit sur ${a.branch} : ${a.path}`, `  commit : ${a.message}`);
        const before = original[a.path];
        if (before !== undefined) {
          const [was, now] = [before.split("\n"), a.text.split("\n")];
          now.forEach((line, i) => {
            if (line !== was[i]) out.push(`  ligne ${i + 1} : - ${was[i] ?? ""}`, `  ligne ${i + 1} : + ${line}`);
          });
          if (was.length !== now.length) out.push(`  (${was.length} lignes avant, ${now.length} après)`);
        }
        break;
      }
      case "pull-request":
        if (a.verb === "opened") out.push(`▶ Pull request ouverte : « ${a.title} » (${a.head} → ${a.base})`, RULE, a.body ?? "", RULE);
        else
          out.push(
            `▶ Pull request ${a.number} ${a.verb === "closed" ? "fermée" : "modifiée"}${a.title ? ` : « ${a.title} »` : ""}`,
            ...(a.body ? [RULE, a.body, RULE] : []),
          );
        break;
      case "issue":
        if (a.verb === "opened")
          out.push(
            `▶ Issue ouverte : « ${a.title} »${a.labels?.length ? ` (étiquettes : ${a.labels.join(", ")})` : ""}`,
            RULE,
            a.body ?? "",
            RULE,
          );
        else out.push(`▶ Issue ${a.number} modifiée${a.title ? ` : « ${a.title} »` : ""}`, ...(a.body ? [RULE, a.body, RULE] : []));
        break;
      case "other":
        out.push(`▶ ${a.request}`);
        break;
    }
  }
  out.push("");
  const shown = result.logs.filter((l) => Number(l.level) >= 30);
  out.push(`Journal de l'application (${shown.length} ligne(s), info et plus) :`);
  for (const l of shown) {
    const { level, msg, time: _t, pid: _p, hostname: _h, name: _n, ...rest } = l;
    const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : "";
    out.push(`  ${(LEVELS[Number(level)] ?? String(level)).padEnd(5)} ${String(msg)}${fields}`);
  }
  return `${out.join("\n")}\n`;
}

/** Whether the replay shows a problem: a request outside GitHub's description, or an error logged. */
export function replayFailed(result: ReplayResult): boolean {
  return result.invalid.length > 0 || result.logs.some((l) => Number(l.level) >= 50);
}
