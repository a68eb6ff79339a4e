/**
 * Reads `.github/recrutement-bot.yml` from the repository's default branch only: a pull
 * request can never change the rules it is checked with. A missing file means defaults.
 */
import { statusOf, type GitHub, type RepoRef } from "./octokit.js";
import { CONFIG_PATH } from "../config/schema.js";
import { MAX_CONFIG_BYTES, parseConfig, tooLargeConfig, type ParsedConfig } from "../config/parse-config.js";

export async function loadConfig(octokit: GitHub, repo: RepoRef, defaultBranch: string): Promise<ParsedConfig> {
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: CONFIG_PATH,
      ref: defaultBranch,
    });
    const data = res.data as { type?: string; size?: number; content?: string; encoding?: string };
    if (data.type !== "file" || typeof data.content !== "string") return parseConfig(null);
    if ((data.size ?? 0) > MAX_CONFIG_BYTES) return tooLargeConfig();
    return parseConfig(Buffer.from(data.content, "base64").toString("utf8"));
  } catch (error) {
    if (statusOf(error) === 404) return parseConfig(null);
    throw error;
  }
}
