/** `.env` as Probot's setup writes it, for the tests of docs/deploy.md. */
import { testPrivateKey } from "../helpers/probot.js";

/** The file probot/lib/helpers/update-env.js writes: the key quoted, its newlines as \n. */
export function probotDotEnv(secret: string): string {
  const lines = {
    APP_ID: "123456",
    PRIVATE_KEY: `"${testPrivateKey()}"`,
    WEBHOOK_SECRET: secret,
    GITHUB_CLIENT_ID: "Iv1.abc",
    GITHUB_CLIENT_SECRET: "def",
  };
  return Object.entries(lines)
    .map(([k, v]) => `${k}=${v.replace(/\n/g, "\\n")}`)
    .join("\n");
}
