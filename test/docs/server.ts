/**
 * Starts the app the way the docs do, in throwaway folders, and waits until it answers:
 * for test/docs/start.e2e.test.ts and test/docs/deploy*.test.ts. Children and folders are removed
 * by `cleanup()` (call it in afterAll).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { freePort } from "../helpers/free-port.js";

export { freePort };

const children: ChildProcess[] = [];
const folders: string[] = [];

/** Stops every server started (its whole process group: npm, tsx and node), removes the folders. */
export function cleanup(): void {
  for (const c of children) {
    if (c.exitCode !== null || c.pid === undefined) continue;
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  for (const f of folders) rmSync(f, { recursive: true, force: true });
}

export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** A folder like a fresh checkout after `npm ci`, without `.env`: app.yml and package.json copied, dist, src and node_modules linked. */
export function checkout(): string {
  const dir = tempFolder("recrutement-bot-start-");
  for (const f of ["app.yml", "package.json", "tsconfig.json"]) copyFileSync(path.join(PROJECT_ROOT, f), path.join(dir, f));
  for (const d of ["dist", "src", "node_modules"]) symlinkSync(path.join(PROJECT_ROOT, d), path.join(dir, d));
  return dir;
}

/** A folder laid out as the image's /app (Dockerfile): package.json, app.yml and dist/, no node_modules. */
export function imageFolder(): string {
  const dir = tempFolder("recrutement-bot-image-");
  for (const f of ["app.yml", "package.json"]) copyFileSync(path.join(PROJECT_ROOT, f), path.join(dir, f));
  cpSync(path.join(PROJECT_ROOT, "dist"), path.join(dir, "dist"), { recursive: true });
  return dir;
}

/** The environment of a fresh shell: none of Probot's variables, nor the test runner's. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn", ...extra };
}

/** Spawns `command` in `cwd` and resolves once GET /ping answers on `port`. */
export async function start(command: string[], cwd: string, env: NodeJS.ProcessEnv, port: number): Promise<{ output: () => string }> {
  // Its own process group, so that cleanup() stops npm's children too (npm does not pass the signal on).
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`http://localhost:${port}/ping`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${command.join(" ")}: no answer on port ${port}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { output: () => output };
}
