/**
 * What the README (« Fermeture automatique des offres ») and docs/fermeture.md tell people to
 * run, run here: every `npm run cli -- close …` line of their sh blocks (GitHub answered by
 * nock), their workflow examples checked against action.yml, and the Action's entry point
 * spawned as the runner would, against a local fake GitHub.
 */
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nock from "nock";
import { parse } from "yaml";
import { PROJECT_ROOT, runCli, tempTree } from "../../cli/helpers.js";
import { asTyped } from "../../docs/documented-commands.js";
import { mockGitHub, type GitHubMock, assertRequestMatchesOpenApi } from "../../support/github/index.js";
import { mockInstallationToken, testPrivateKey } from "../../helpers/probot.js";
import { actionArgs, ActionInputError, booleanInput } from "../../../src/action/action-args.js";
import { runAction } from "../../../src/action/run-action.js";
import { parseConfig } from "../../../src/config/parse-config.js";
import { DEFAULT_CONFIG } from "../../../src/config/schema.js";
import { GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import { mockAuthors, mockNewDashboard, branch, mockHistory, mockScan, scanAnswer, SEED_CLOSED, SEED_DUE } from "./fixtures.js";

// The command's pace (1 s between writes) is checked in scale.test.ts on a fake clock; here it is shrunk.
vi.mock("../../../src/github/create-app-octokit.js", async (original) =>
  (await import("./fast-octokit.js")).fastOctokitModule(await original()),
);

const read = (rel: string) => readFileSync(path.join(PROJECT_ROOT, rel), "utf8");
const README = read("README.md");
const DOC = read("docs/fermeture.md");
const ACTION = parse(read("action.yml")) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
};

function readmeSection(): string {
  const title = "## Fermeture automatique des offres\n";
  const start = README.indexOf(title);
  if (start < 0) throw new Error("README: section « Fermeture automatique des offres » not found");
  const end = README.indexOf("\n## ", start + title.length);
  return README.slice(start, end < 0 ? undefined : end);
}

function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
}

/** `VAR=value … npm run cli -- close …` → env and arguments. */
function command(line: string): { env: Record<string, string>; args: string[] } {
  const words = line.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [k, ...v] = words.shift()!.split("=");
    env[k!] = v.join("=");
  }
  expect(words.slice(0, 4).join(" "), line).toBe("npm run cli --");
  return { env, args: words.slice(4) };
}

const shLines = [...blocks(readmeSection(), "sh"), ...blocks(DOC, "sh")].flatMap((b) =>
  b.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#")),
);
const R = "/repos/betagouv/beta.gouv.fr";
const SEED_NAME = "2021-06-09-atelier-numerique.md";

describe("README and docs/fermeture.md: every close command, as typed", () => {
  let gh: GitHubMock;
  beforeEach(() => {
    nock.disableNetConnect();
    gh = mockGitHub();
  });
  afterEach(() => nock.cleanAll());

  it("the documents give the local and the GitHub forms", () => {
    const lines = shLines.map((l) => command(l).args.join(" "));
    expect(lines).toContain("close ../beta.gouv.fr/content/_jobs --root ../beta.gouv.fr --today 2024-08-28");
    expect(lines).toContain("close ../beta.gouv.fr/content/_jobs --root ../beta.gouv.fr --today 2024-08-28 --write");
    expect(lines).toContain("close --repo betagouv/beta.gouv.fr --dry-run");
    expect(lines.every((l) => l.startsWith("close "))).toBe(true);
  });

  it.each(shLines.map((l) => [l]))(asTyped("cli-close"), async (line) => {
    const { env, args } = command(line);
    const ws = tempTree({
      [`beta.gouv.fr/content/_jobs/${SEED_NAME}`]: SEED_DUE,
      "beta.gouv.fr/content/_jobs/2021-06-10-ellesfontlaculture.md": SEED_CLOSED,
      "main/cle-privee.pem": testPrivateKey(),
      "main/package.json": "{}",
    });
    try {
      const remote = args.includes("--repo");
      if (remote) {
        if (env.APP_ID) {
          gh.scope.get(`${R}/installation`).reply(200, { id: 5 });
          mockInstallationToken(gh.scope, 5);
        }
        gh.scope.get(R).reply(200, { default_branch: "main" });
        gh.scope
          .get(`${R}/contents/${encodeURIComponent(".github/recrutement-bot.yml")}`)
          .query({ ref: "main" })
          .reply(404, { message: "Not Found" });
        mockScan(gh.scope, [{ name: SEED_NAME, text: SEED_DUE }]);
        mockHistory(gh.scope, [branch("2021-06-09-atelier-numerique"), GROUP_BRANCH]);
        if (!args.includes("--dry-run")) {
          mockAuthors(gh.scope, [`content/_jobs/${SEED_NAME}`]);
          gh.scope.post(`${R}/git/refs`).reply(201, {});
          gh.scope.put(`${R}/contents/${encodeURIComponent(`content/_jobs/${SEED_NAME}`)}`).reply(200, {});
          gh.scope.post(`${R}/pulls`).reply(201, { number: 12 });
          gh.scope.post(`${R}/labels`).reply(201, {});
          gh.scope.post(`${R}/issues/12/labels`).reply(200, []);
          mockNewDashboard(gh.scope, R);
        }
      }
      const r = await runCli(args, { cwd: path.join(ws.dir, "main"), env });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      if (remote) {
        expect(r.stdout).toContain("ouvrir une pull request (recrutement-bot/fermeture/2021-06-09-atelier-numerique)");
        expect(r.stdout).toContain(args.includes("--dry-run") ? "simulation (dry-run)" : "→ #12 ouverte");
        gh.done();
        return;
      }
      expect(gh.requests).toEqual([]);
      if (args.includes("json"))
        expect(JSON.parse(r.stdout).due).toMatchObject([{ path: `../beta.gouv.fr/content/_jobs/${SEED_NAME}`, line: 13 }]);
      else expect(r.stdout).toContain(`../beta.gouv.fr/content/_jobs/${SEED_NAME}:13`);
      const after = readFileSync(path.join(ws.dir, "beta.gouv.fr/content/_jobs", SEED_NAME), "utf8");
      expect(after).toBe(args.includes("--write") ? SEED_DUE.replace("\nopen: true\n", "\nopen: false\n") : SEED_DUE);
    } finally {
      ws.cleanup();
    }
  });

  it("the configuration example of docs/fermeture.md is valid and says the defaults", () => {
    const [example] = blocks(DOC, "yaml").filter((b) => b.startsWith("closing:"));
    const { config, problems } = parseConfig(example);
    expect(problems).toEqual([]);
    expect(config.closing).toEqual(DEFAULT_CONFIG.closing);
  });
});

describe("the GitHub Action", () => {
  it("action.yml: a JavaScript action on Node 24 running the committed bundle of src/action/main.ts", () => {
    // Run as a runner runs it (review and closing): test/action/bundled-action.e2e.test.ts.
    expect(ACTION.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(Object.keys(ACTION.inputs).sort()).toEqual(["dry-run", "lang", "repository", "today", "token"]);
    expect(ACTION.inputs.token!.default).toBe("${{ github.token }}");
  });

  it("inputs → command line", () => {
    expect(actionArgs({ INPUT_REPOSITORY: "o/r", INPUT_DRY_RUN: "false", INPUT_TODAY: "", INPUT_LANG: "" })).toEqual([
      "close",
      "--repo",
      "o/r",
    ]);
    expect(actionArgs({ INPUT_REPOSITORY: "a/b", INPUT_DRY_RUN: "true", INPUT_TODAY: " 2021-07-08 ", INPUT_LANG: "en" })).toEqual([
      "close",
      "--repo",
      "a/b",
      "--dry-run",
      "--today",
      "2021-07-08",
      "--lang",
      "en",
    ]);
  });

  it("boolean inputs are read as @actions/core's getBooleanInput reads them: true|True|TRUE|false|False|FALSE, nothing else", () => {
    for (const value of ["true", "True", "TRUE", " true "])
      expect(booleanInput({ INPUT_DRY_RUN: value }, "dry-run", "fr"), value).toBe(true);
    for (const value of ["false", "False", "FALSE"]) expect(booleanInput({ INPUT_DRY_RUN: value }, "dry-run", "fr"), value).toBe(false);
    for (const value of ["yes", "no", "on", "1", "0", "tRUE", "ture", "flase", "true.", "", "y"]) {
      expect(() => booleanInput({ INPUT_DRY_RUN: value }, "dry-run", "fr"), value).toThrow(ActionInputError);
    }
    expect(() => booleanInput({}, "dry-run", "fr")).toThrow(ActionInputError);
    expect(() => actionArgs({ INPUT_REPOSITORY: "o/r", INPUT_DRY_RUN: "yes" })).toThrow(
      "Entrée dry-run de l'Action\u202F: «\u202Fyes\u202F» n'est pas un booléen. Valeurs acceptées\u202F: true, True, TRUE, false, False, FALSE. Rien n'a été lu ni écrit.",
    );
    expect(() => actionArgs({ INPUT_REPOSITORY: "o/r", INPUT_DRY_RUN: "Yes", INPUT_LANG: "en" })).toThrow(
      "Action input dry-run: “Yes” is not a boolean. Accepted values: true, True, TRUE, false, False, FALSE. Nothing was read or written.",
    );
    expect(actionArgs({ INPUT_REPOSITORY: "o/r", INPUT_DRY_RUN: "TRUE" })).toEqual(["close", "--repo", "o/r", "--dry-run"]);
    expect(actionArgs({ INPUT_REPOSITORY: "o/r", INPUT_DRY_RUN: "False" })).toEqual(["close", "--repo", "o/r"]);
  });

  it.each(["yes", "oui", "ture", "1", ""])(
    "dry-run: %j stops the Action before any request: an error annotation, exit code 2",
    async (value) => {
      nock.disableNetConnect();
      const gh = mockGitHub();
      try {
        let stdout = "";
        let stderr = "";
        const code = await runAction({
          cwd: PROJECT_ROOT,
          env: { GITHUB_TOKEN: "ghs_action", INPUT_REPOSITORY: "betagouv/offres", INPUT_DRY_RUN: value, INPUT_TODAY: "", INPUT_LANG: "" },
          stdout: { write: (s: string) => (stdout += s) },
          stderr: { write: (s: string) => (stderr += s) },
        });
        expect(code).toBe(2);
        expect(stdout).toBe("");
        expect(stderr).toBe(
          `::error title=recrutement-bot::Entrée dry-run de l'Action\u202F: «\u202F${value}\u202F» n'est pas un booléen. Valeurs acceptées\u202F: true, True, TRUE, false, False, FALSE. Rien n'a été lu ni écrit.\n`,
        );
        expect(gh.requests).toEqual([]);
      } finally {
        nock.cleanAll();
      }
    },
  );

  it("the workflow examples use this action with its own inputs and the permissions it needs", () => {
    const workflows = [...blocks(readmeSection(), "yaml"), ...blocks(DOC, "yaml")].filter((b) => b.includes("jobs:"));
    expect(workflows.length).toBe(2);
    for (const text of workflows) {
      const wf = parse(text) as {
        on: { schedule: { cron: string }[] };
        permissions: Record<string, string>;
        jobs: Record<string, { steps: { uses: string; with?: Record<string, unknown> }[] }>;
      };
      expect(wf.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
      expect(wf.permissions).toEqual({ "contents": "write", "pull-requests": "write" });
      const step = Object.values(wf.jobs)[0]!.steps[0]!;
      expect(step.uses).toMatch(/^OWNER\/recrutement-bot@/);
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(ACTION.inputs)).toContain(key);
    }
  });

  it("its entry point, spawned as the runner does, closes against GITHUB_API_URL / GITHUB_GRAPHQL_URL", async () => {
    const seen: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const url = req.url ?? "";
        seen.push(`${req.method} ${url.split("?")[0]}`);
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        if (url === "/graphql") {
          const { query } = JSON.parse(raw) as { query: string };
          if (query.includes("ClosingScan")) return json(200, scanAnswer([{ name: SEED_NAME, text: SEED_DUE }]));
          return json(200, { data: { repository: { b0: { nodes: [] }, b1: { nodes: [] } } } });
        }
        assertRequestMatchesOpenApi(req.method ?? "GET", url, undefined);
        if (url === "/repos/betagouv/offres") return json(200, { default_branch: "main" });
        return json(404, { message: "Not Found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        // The Action as GitHub runs it (action.yml: dist/action.js).
        const child = spawn(process.execPath, ["dist/action.js"], {
          cwd: PROJECT_ROOT,
          env: {
            PATH: process.env.PATH,
            GITHUB_TOKEN: "ghs_action",
            GITHUB_API_URL: base,
            GITHUB_GRAPHQL_URL: `${base}/graphql`,
            INPUT_REPOSITORY: "betagouv/offres",
            INPUT_DRY_RUN: "true",
            INPUT_TODAY: "2021-07-08",
            INPUT_LANG: "",
          },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(
        [
          "betagouv/offres, le 2021-07-08 — simulation (dry-run)\u202F: rien n'est écrit",
          `  ouvrir une pull request (recrutement-bot/fermeture/2021-06-09-atelier-numerique)\u202F: content/_jobs/${SEED_NAME}`,
          "",
        ].join("\n"),
      );
      expect(result.code).toBe(0);
      expect(seen).toEqual([
        "GET /repos/betagouv/offres",
        "GET /repos/betagouv/offres/contents/.github%2Frecrutement-bot.yml",
        "POST /graphql",
        "POST /graphql",
      ]);
    } finally {
      server.close();
    }
  });
});
