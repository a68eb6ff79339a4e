/**
 * The real app in its own process, receiving signed webhooks on loopback and calling the GitHub
 * at `githubOrigin` (laid out as GitHub Enterprise Server: REST under /api/v3, GraphQL at
 * /api/graphql). Two ways:
 *
 * - `deployed`: `node dist/server.js`, the bundle `npm start` and the Docker image run, with
 *   production settings (NODE_ENV=production, GHE_HOST pointing at the stand-in), hence Probot's
 *   throttling plugin: per installation, 1 s between writes (GraphQL queries included) and 3 s
 *   between comments and reviews, as GitHub asks of integrations. What people wait for.
 * - `unpaced`: the sources (bench/lib/app-server.ts through tsx) with the throttling plugin off:
 *   the app's own time, GitHub's pacing aside; it reports its memory and CPU time over IPC.
 *
 * Delivery recovery and the daily closing timer are off in both (they would call GitHub on their
 * own while the benchmark counts requests).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/helpers/free-port.js";

export type AppMode = "deployed" | "unpaced";

export const WEBHOOK_SECRET = "bench-webhook-secret-0123456789abcdef";
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface AppStats {
  /** Memory and CPU time (user + system, ms, since the start) of the app process: `unpaced` only. */
  peakRssMiB: number | null;
  rssMiB: number | null;
  heapMiB: number | null;
  cpuMs: number | null;
  /** Log lines it wrote, and those at error level or above. */
  logLines: number;
  logBytes: number;
  errorLines: number;
}

export interface AppProcess {
  mode: AppMode;
  /** Where GitHub would post the webhooks. */
  webhookUrl: string;
  stats(): Promise<AppStats>;
  stop(): Promise<void>;
}

let key: string | undefined;
/** An app private key (generated once per run: the stand-in accepts any signed token). */
export function privateKey(): string {
  key ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return key;
}

export async function startApp(mode: AppMode, githubOrigin: string): Promise<AppProcess> {
  const port = await freePort();
  const common = {
    PATH: process.env.PATH,
    PORT: String(port),
    WEBHOOK_SECRET,
    PRIVATE_KEY: privateKey(),
    NODE_ENV: "production",
    DELIVERY_RECOVERY: "off",
    CLOSING_SCHEDULE: "off",
  };
  const webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
  let child: ChildProcess;
  const logs = { logLines: 0, logBytes: 0, errorLines: 0 };
  if (mode === "deployed") {
    const github = new URL(githubOrigin);
    child = spawn(process.execPath, ["dist/server.js"], {
      cwd: REPO_ROOT,
      env: {
        ...common,
        APP_ID: "123",
        HOST: "127.0.0.1",
        GHE_HOST: github.host,
        GHE_PROTOCOL: github.protocol.replace(":", ""),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let rest = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      logs.logBytes += chunk.length;
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop()!;
      for (const line of lines) {
        logs.logLines++;
        if (/^\{"level":[56]0\b/.test(line)) logs.errorLines++;
      }
    });
  } else {
    child = fork(fileURLToPath(new URL("./app-server.ts", import.meta.url)), [], {
      cwd: REPO_ROOT,
      execArgv: ["--import", "tsx"],
      env: { ...common, GITHUB_BASE_URL: `${githubOrigin}/api/v3` },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
  }
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the app (${mode}) exited with ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([listening(webhookUrl), exited]);
  return {
    mode,
    webhookUrl,
    stats: () =>
      mode === "deployed"
        ? Promise.resolve({ peakRssMiB: null, rssMiB: null, heapMiB: null, cpuMs: null, ...logs })
        : new Promise((resolve) => {
            child.once("message", (m) => resolve(m as AppStats));
            child.send("stats");
          }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/** Resolves once the server answers HTTP (any status), within 60 s. */
async function listening(url: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`the app does not answer on ${url}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
