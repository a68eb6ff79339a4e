/**
 * The replay command of the README and CONTRIBUTING.md, as typed, from the project folder: one
 * process (npm, tsx, the app) replays the three fixtures, and prints what the in-process replay
 * prints (replay.test.ts checks that text).
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../scripts/replay.js";
import { PROJECT_ROOT } from "../cli/helpers.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";

describe("npm run replay", () => {
  it(
    asTyped("replay"),
    async () => {
      const command = DOCUMENTED.replay.command;
      // Spawned (not spawnSync): the in-process replay below runs meanwhile.
      const child = spawn("sh", ["-c", command], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, APP_ID: "", PRIVATE_KEY: "", NO_COLOR: "1" },
      });
      let [stdout, stderr] = ["", ""];
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const status = new Promise<number | null>((resolve) => child.on("close", resolve));

      let expected = "";
      // Every fixture, in the order of the shell's glob.
      const files = readdirSync(path.join(PROJECT_ROOT, "test/fixtures/replay"))
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => `test/fixtures/replay/${f}`);
      expect(files).toHaveLength(3);
      expect(await main(files, { cwd: PROJECT_ROOT, stdout: (t) => (expected += t), stderr: () => {} })).toBe(0);

      expect(await status, stderr).toBe(0);
      for (const f of files) expect(stdout).toContain(`Rejeu de ${f}\n`);
      // npm's banner (`> recrutement-bot@… replay`), then the three reports, in the shell's order;
      // the stacks of logged errors aside (tsx and vitest name async frames differently).
      const withoutStacks = (text: string) => text.replace(/,"stack":"(?:[^"\\]|\\.)*"/g, "");
      expect(withoutStacks(stdout.slice(stdout.indexOf("Rejeu de ")))).toBe(withoutStacks(expected));
    },
    90_000,
  );
});
