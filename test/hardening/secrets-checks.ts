/**
 * What secrets.test.ts and secrets-production.e2e.test.ts look for in logs and in what is written
 * to GitHub: no secret, no text of the posting, JSON lines.
 */
import { expect } from "vitest";
import { testPrivateKey } from "../helpers/probot.js";
import { INSTALLATION_TOKEN, WEBHOOK_SECRET, type CapturedLogs } from "./harness.js";

export const DISTINCTIVE_BODY = "Une phrase que seule cette offre contient : 7f3c-lamantin-bleu.";
export const DISTINCTIVE_VALUE = "ornithorynque-9e1d";
export const POSTING = [
  "---",
  `roles: Développeur·se ${DISTINCTIVE_VALUE}`,
  "startup: mon-entreprize",
  "contrat: independent",
  "open: oui",
  "---",
  "",
  DISTINCTIVE_BODY,
  "",
].join("\n");
export const PATH = "content/_jobs/2026-03-01-offre.md";
export const GITHUB_TOKEN = "ghp_cliTokenThatMustNeverShow0123456789abcd";

/** Lines of the private key long enough to be recognised (not the BEGIN/END markers). */
const keyLines = () =>
  testPrivateKey()
    .split("\n")
    .filter((l) => l.length > 40);

export function expectNoSecret(text: string): void {
  expect(text).not.toContain(INSTALLATION_TOKEN);
  expect(text).not.toContain(WEBHOOK_SECRET);
  expect(text).not.toContain(GITHUB_TOKEN);
  for (const line of keyLines()) expect(text).not.toContain(line);
  expect(text).not.toMatch(/BEGIN (RSA )?PRIVATE KEY/);
}

export function expectNoPostingText(text: string): void {
  expect(text).not.toContain(DISTINCTIVE_BODY);
  expect(text).not.toContain("7f3c-lamantin-bleu");
  expect(text).not.toContain(Buffer.from(POSTING).toString("base64").slice(0, 24));
}

export function expectJsonLines(logs: CapturedLogs): void {
  const raw = logs
    .text()
    .split("\n")
    .filter((l) => l.trim());
  expect(raw.length).toBeGreaterThan(5);
  for (const line of raw) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(typeof parsed.level).toBe("number");
    expect(typeof parsed.time).toBe("number");
  }
}
