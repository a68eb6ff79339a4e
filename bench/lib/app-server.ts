/**
 * Child process of bench/load.ts: the app of src/index.ts in Probot's HTTP server on loopback,
 * as `npm start` runs it (the app's Octokit, pino JSON logs at info level, here counted and
 * dropped), alone in its process so that its memory is measured alone.
 *   node --import tsx bench/lib/app-server.ts   (forked, with an IPC channel)
 * Environment: PORT, GITHUB_BASE_URL (the stand-in), WEBHOOK_SECRET, PRIVATE_KEY,
 * BENCH_THROTTLE=on|off (GitHub's pacing by Probot's throttling plugin).
 * Messages: it sends {ready} once listening; answers "stats" with its memory and log figures.
 */
import { Writable } from "node:stream";
import pino from "pino";
import { Probot, Server } from "probot";
import app from "../../src/app/create-app.js";
import { createAppOctokit } from "../../src/github/create-app-octokit.js";

const env = process.env;
let logLines = 0;
let logBytes = 0;
let errorLines = 0;
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    const text = chunk.toString();
    logBytes += chunk.length;
    for (const line of text.split("\n")) {
      if (!line) continue;
      logLines++;
      if (line.startsWith('{"level":50') || line.startsWith('{"level":60')) errorLines++;
    }
    cb();
  },
});
const log = pino({ level: "info" }, sink);
const server = new Server({
  host: "127.0.0.1",
  port: Number(env.PORT),
  log,
  Probot: Probot.defaults({
    appId: 123,
    privateKey: env.PRIVATE_KEY!,
    secret: env.WEBHOOK_SECRET!,
    baseUrl: env.GITHUB_BASE_URL!,
    log,
    Octokit: createAppOctokit(env.BENCH_THROTTLE === "on" ? {} : { throttle: { enabled: false } }),
  }),
});
await server.load(app);
await server.start();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();

process.on("message", (message) => {
  if (message !== "stats") return;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  process.send!({ peakRssMiB: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20, rssMiB: m.rss / 2 ** 20, heapMiB: m.heapUsed / 2 ** 20, logLines, logBytes, errorLines });
});
process.send!({ ready: true, rssMiB: process.memoryUsage().rss / 2 ** 20 });
