/**
 * The environment Probot will run with: `process.env` overlaid with `<cwd>/.env`, read the way
 * Probot's own `applyEnv` does (node:util parseEnv, `.env` values win). The start-up check must
 * judge this, not `process.env` alone, or a production set in `.env` would go unchecked.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

export function effectiveEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseEnv(readFileSync(path.join(cwd, ".env"), "utf8")) as Record<string, string>;
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  return { ...env, ...fromFile };
}
