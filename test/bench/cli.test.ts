/**
 * bench/cli.ts: the commands it times exist and run (the CLI bundle, the sources through tsx, the
 * corpus of the repository), each timed row says what ran, and a command that fails, or does not
 * do the same work every time, stops the benchmark instead of giving figures.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, defaultCommands, measureCommands, ONE_POSTING, renderCli, REPO_ROOT } from "../../bench/cli.js";

describe("npm run bench -- cli", () => {
  it("times Node alone, the bundle and the sources, on one posting and on the corpus of the repository", () => {
    const commands = defaultCommands();
    expect(commands.map((c) => [c.id, c.runs])).toEqual([
      ["node", 10],
      ["bundle-version", 10],
      ["bundle-one", 10],
      ["bundle-corpus", 10],
      ["tsx-one", 3],
      ["tsx-corpus", 3],
    ]);
    expect(defaultCommands(2).every((c) => c.runs === 2)).toBe(true);
    for (const file of [ONE_POSTING, CORPUS, "dist/recrutement-bot.js", "bin/recrutement-bot.ts", "test/fixtures/corpus/startups.txt"])
      expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    for (const c of commands)
      for (const arg of c.args.filter((a) => a.includes("/"))) expect(existsSync(path.resolve(REPO_ROOT, arg)), arg).toBe(true);
  });

  it("gives wall and CPU time of each command, its exit status and output size", async () => {
    const [floor, bundle] = await measureCommands(defaultCommands(2).slice(0, 2));
    expect(floor).toMatchObject({
      id: "node",
      command: "node -e 0",
      exitStatus: 0,
      outputBytes: 0,
      wallMs: { runs: 2 },
      cpuMs: { runs: 2 },
    });
    expect(bundle).toMatchObject({
      id: "bundle-version",
      command: "node dist/recrutement-bot.js --version",
      exitStatus: 0,
      wallMs: { runs: 2 },
    });
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(bundle!.outputBytes).toBe(Buffer.byteLength(`${version}\n`));
    expect(bundle!.cpuMs!.median).toBeGreaterThan(floor!.cpuMs!.median);
    const text = renderCli([floor!, bundle!]);
    expect(text.slice(0, 2)).toEqual([
      "| commande | exécutions | temps écoulé : médiane (min–max) | temps CPU : médiane (min–max) | CPU au-delà de `node -e 0` | sortie |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]);
    expect(text[2]).toMatch(
      /^\| `node -e 0` \(plancher : Node seul\) \| 2 \| \d+ ms( \(\d+–\d+\))? \| \d+ ms( \(\d+–\d+\))? \| {2}\| code 0, 0 o \|$/,
    );
    expect(text[3]!.startsWith("| bundle, `--version` (chargement seul) | 2 | ")).toBe(true);
    expect(text[3]!.endsWith(` | code 0, ${bundle!.outputBytes} o |`)).toBe(true);
    expect(text[3]).toMatch(/ \| \+\d+ ms \| code /);
  }, 60_000);

  it("stops on a command that fails or whose output changes from run to run", async () => {
    await expect(measureCommands([{ id: "usage", label: "", args: ["dist/recrutement-bot.js", "nope"], runs: 1 }])).rejects.toThrow(
      /^usage: exit 2\n/,
    );
    await expect(measureCommands([{ id: "random", label: "", args: ["-p", "Math.random()"], runs: 1 }])).rejects.toThrow(
      "random: a run differs from the first (exit 0)",
    );
  }, 60_000);
});
