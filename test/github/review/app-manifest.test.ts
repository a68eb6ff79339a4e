/** app.yml, the GitHub App manifest: the least permissions that work, the events handled and no more. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REVIEW_EVENTS } from "../../../src/github/review/review-target.js";

const manifest = parse(readFileSync(new URL("../../../app.yml", import.meta.url), "utf8")) as Record<string, unknown>;

describe("app.yml", () => {
  it("asks for exactly the permissions the review and the closing job need", () => {
    expect(manifest.default_permissions).toEqual({
      metadata: "read",
      contents: "write",
      pull_requests: "write",
      checks: "write",
      issues: "write",
    });
  });

  it("subscribes to the events handled, and no more", () => {
    const events = manifest.default_events as string[];
    expect([...events].sort()).toEqual(["check_run", "issue_comment", "issues", "pull_request", "push"]);
    for (const event of REVIEW_EVENTS) expect(events).toContain(event.split(".")[0]);
  });

  it("leaves the webhook and redirect addresses to Probot, and is private", () => {
    expect(manifest).not.toHaveProperty("hook_attributes");
    expect(manifest).not.toHaveProperty("redirect_url");
    expect(manifest.public).toBe(false);
    expect(manifest.name).toBe("recrutement-bot");
    expect(typeof manifest.url).toBe("string");
  });
});

describe(".env.example", () => {
  const example = readFileSync(new URL("../../../.env.example", import.meta.url), "utf8");
  const listed = new Set(Array.from(example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm), (m) => m[1]));

  it("lists Probot's variables and every variable the sources read", () => {
    const probot = [
      "APP_ID",
      "PRIVATE_KEY",
      "PRIVATE_KEY_PATH",
      "WEBHOOK_SECRET",
      "WEBHOOK_PROXY_URL",
      "WEBHOOK_PATH",
      "HOST",
      "PORT",
      "GHE_HOST",
      "GHE_PROTOCOL",
      "GH_ORG",
      "LOG_LEVEL",
      "LOG_FORMAT",
      "REDIS_URL",
      "SENTRY_DSN",
      "NODE_ENV",
    ];
    for (const name of probot) expect(listed, name).toContain(name);
    const sources = execFileSync("git", ["grep", "-hoE", "env\\.[A-Z][A-Z0-9_]+", "--", "src", "bin"], { encoding: "utf8" });
    for (const name of new Set(
      sources
        .split("\n")
        .filter(Boolean)
        .map((s) => s.slice(4)),
    ))
      expect(listed, name).toContain(name);
  });
});
