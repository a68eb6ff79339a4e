/**
 * `npx tsx scripts/render-comment-image.ts [--out DOSSIER]`: the README's picture, docs/images/commentaire.png,
 * made from the app's own output. The comment is the one the app posts when replaying
 * test/fixtures/replay/posting-with-errors.json (scripts/lib/replay.ts); its markdown is rendered
 * to an HTML page (scripts/lib/comment-page.ts), which headless Chromium turns into a PNG.
 * Beside the PNG, docs/images/commentaire.json keeps the sha256 of the markdown and of the page:
 * test/docs/comment-image.test.ts compares them with the current output, so a stale picture fails.
 *
 * `--out` writes commentaire.png and commentaire.json to another folder (the test does).
 * Needs Chromium (Debian: apt-get install chromium fonts-noto-color-emoji), or CHROMIUM=path.
 * Run by hand when the comment changes; see CONTRIBUTING.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { commentPage, PAGE_WIDTH, sha256 } from "./lib/comment-page.js";
import { commentBodies, loadFixture, replay } from "./lib/replay.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const IMAGE_FIXTURE = "test/fixtures/replay/posting-with-errors.json";
export const IMAGE = "docs/images/commentaire.png";
export const IMAGE_SOURCE = "docs/images/commentaire.json";
const SCALE = 2;

/** The comment the picture shows: the app's first comment on the fixture's pull request. */
export async function imageComment(): Promise<string> {
  const [body] = commentBodies(await replay(loadFixture(path.join(ROOT, IMAGE_FIXTURE))));
  if (body === undefined) throw new Error(`${IMAGE_FIXTURE}: the app posted no comment`);
  return body;
}

export function chromium(): string | null {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    if (spawnSync("sh", ["-c", `command -v ${name}`]).status === 0) return name;
  }
  return null;
}

/** Headless Chromium, no network, a fresh profile each time. */
function runChromium(args: string[], profile: string): string {
  const base = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    `--user-data-dir=${profile}`,
  ];
  const browser = chromium();
  if (!browser) throw new Error("Chromium introuvable : apt-get install chromium fonts-noto-color-emoji, ou CHROMIUM=chemin");
  const r = spawnSync(browser, [...base, ...args], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`chromium ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" } } });
  const outDir = values.out ? path.resolve(values.out) : null;
  const target = (rel: string) => (outDir ? path.join(outDir, path.basename(rel)) : path.join(ROOT, rel));
  const markdown = await imageComment();
  const page = commentPage(markdown);
  const work = mkdtempSync(path.join(tmpdir(), "recrutement-bot-image-"));
  try {
    // First pass: the page's height, written into the DOM by a script of the measuring copy.
    const measure = path.join(work, "measure.html");
    writeFileSync(
      measure,
      page.replace(
        "</body>",
        `<script>document.body.setAttribute("data-height", String(Math.ceil(document.querySelector(".comment").getBoundingClientRect().bottom) + 16))</script></body>`,
      ),
    );
    const dom = runChromium([`--window-size=${PAGE_WIDTH},2000`, "--dump-dom", pathToFileURL(measure).href], path.join(work, "profile-1"));
    const height = Number(dom.match(/data-height="(\d+)"/)?.[1]);
    if (!height) throw new Error("page height not found");

    const html = path.join(work, "commentaire.html");
    writeFileSync(html, page);
    const png = target(IMAGE);
    runChromium(
      [`--force-device-scale-factor=${SCALE}`, `--window-size=${PAGE_WIDTH},${height}`, `--screenshot=${png}`, pathToFileURL(html).href],
      path.join(work, "profile-2"),
    );
    writeFileSync(
      target(IMAGE_SOURCE),
      `${JSON.stringify({ fixture: IMAGE_FIXTURE, markdownSha256: sha256(markdown), pageSha256: sha256(page), width: PAGE_WIDTH * SCALE, height: height * SCALE }, null, 2)}\n`,
    );
    console.log(`${path.relative(process.cwd(), png)} : ${PAGE_WIDTH * SCALE}×${height * SCALE} px, commentaire de ${IMAGE_FIXTURE}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
