/**
 * `npm test`: the type check (`npm run typecheck`), the lint (`npm run lint`) and every test
 * (`vitest run`, arguments passed on: `npm test -- test/core`), at the same time. tsc and eslint
 * use one CPU each and vitest the others, so on two CPUs the three together take about the time
 * of the tests alone; one after the other, they took about 40 s more (CONTRIBUTING.md).
 * The tests write as they go; what tsc and eslint say is kept and written after the tests.
 * Exit code: 0 when all three pass, 1 otherwise.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Outcome {
  name: string;
  code: number;
  output: string;
}

/** Runs `npm run -s <script>` with its output kept. */
function quiet(script: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (error) => resolve({ name: script, code: 1, output: String(error) }));
    child.on("close", (code, signal) => resolve({ name: script, code: code ?? (signal ? 1 : 0), output }));
  });
}

function vitest(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/vitest"), ["run", ...args], { cwd: ROOT, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const checks = Promise.all([quiet("typecheck"), quiet("lint")]);
const tests = await vitest(process.argv.slice(2));
let failed = tests !== 0;
for (const { name, code, output } of await checks) {
  if (code === 0) {
    console.log(`✓ npm run ${name}${output.trim() ? `\n${output.trimEnd()}` : ""}`);
  } else {
    failed = true;
    console.log(`✗ npm run ${name} (code ${code}):\n${output.trimEnd()}`);
  }
}
process.exitCode = failed ? 1 : 0;
