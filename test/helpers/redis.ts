/**
 * Starts a throwaway `redis-server` (Debian package) on loopback for a test file, or says
 * clearly why the Redis tests are skipped. `.ci/run` installs redis-server, so CI runs them.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

export const redisServerPath: string | null = (() => {
  const r = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
})();

if (!redisServerPath) {
  console.warn("redis-server est absent : les tests Redis sont ignorés (apt-get install redis-server ; .ci/run l'installe).");
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  if (!redisServerPath) throw new Error("redis-server absent");
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rb-redis-"));
  const child: ChildProcess = spawn(
    redisServerPath,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start")), 5000);
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
