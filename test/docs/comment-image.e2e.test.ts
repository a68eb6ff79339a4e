/**
 * scripts/render-comment-image.ts, run as CONTRIBUTING.md says (with `--out`, so that the
 * committed picture stays as it is): with Chromium, it makes the picture that
 * docs/images/commentaire.json describes (comment-image.test.ts checks that the description
 * matches the app's comment today).
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, tempTree } from "../cli/helpers.js";
import { asTyped, DOCUMENTED } from "./documented-commands.js";

const IMAGE_SOURCE = "docs/images/commentaire.json";
/** The Chromium the script finds (its chromium(), without loading the script and the app here). */
const browser =
  process.env.CHROMIUM ||
  ["chromium", "chromium-browser", "google-chrome"].find((name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0);
const source = JSON.parse(readFileSync(path.join(PROJECT_ROOT, IMAGE_SOURCE), "utf8")) as {
  fixture: string;
  markdownSha256: string;
  pageSha256: string;
  width: number;
  height: number;
};

describe("scripts/render-comment-image.ts", () => {
  it.skipIf(!browser)(
    asTyped(
      "comment-image",
      "npx tsx scripts/render-comment-image.ts --out <folder>: the same picture from the current output (Chromium headless, no network)",
    ),
    async () => {
      const out = tempTree({}, "recrutement-bot-image-");
      try {
        const r = await new Promise<{ status: number; stderr: string }>((resolve) => {
          execFile(
            "sh",
            ["-c", `${DOCUMENTED["comment-image"].command} --out ${out.dir}`],
            { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 120_000 },
            (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? -1) : 0, stderr }),
          );
        });
        expect(r.status, r.stderr).toBe(0);
        const made = JSON.parse(readFileSync(path.join(out.dir, "commentaire.json"), "utf8")) as typeof source;
        expect(made).toEqual(source);
        const png = readFileSync(path.join(out.dir, "commentaire.png"));
        expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: source.width, height: source.height });
      } finally {
        out.cleanup();
      }
    },
    150_000,
  );
  if (!browser) it("is run by hand (Chromium not found here: the picture was not remade)", () => expect(browser).toBeUndefined());
});
