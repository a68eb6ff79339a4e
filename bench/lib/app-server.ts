/**
 * The app of src/app/create-app.ts in Probot's HTTP server on loopback, as `npm start` runs it (the app's
 * Octokit, pino JSON logs at info level, here counted and dropped) but with Probot's throttling
 * plugin off, so that the app's own time shows, GitHub's pacing aside; alone in its process so
 * that its memory and CPU time are its own. Started by bench/lib/app-process.ts (`unpaced`):
 *   node --import tsx bench/lib/app-server.ts   (forked, with an IPC channel)
 * Environment: PORT, GITHUB_BASE_URL (the stand-in's REST base), WEBHOOK_SECRET, PRIVATE_KEY.
 * Answers the IPC message "stats" with its memory, CPU time and log figures.
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
    Octokit: createAppOctokit({ throttle: { enabled: false } }),
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
  const cpu = process.cpuUsage();
  process.send!({
    peakRssMiB: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    rssMiB: m.rss / 2 ** 20,
    heapMiB: m.heapUsed / 2 ** 20,
    cpuMs: (cpu.user + cpu.system) / 1000,
    logLines,
    logBytes,
    errorLines,
  });
});
