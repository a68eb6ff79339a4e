/**
 * Refuses unsafe start-up settings before the server listens. Pure: takes the environment.
 * Probot falls back to a well-known development secret when WEBHOOK_SECRET is empty, which
 * would let anyone forge deliveries: in production (NODE_ENV=production) that is refused.
 * A recovery setting that is not understood is refused everywhere (a typo must not silently
 * turn it off or make it run every few seconds).
 */
import { recoverySettings } from "./delivery-recovery.js";

export interface EnvironmentProblem {
  variable: string;
  message: string;
}

export function checkEnvironment(env: Readonly<Record<string, string | undefined>>): EnvironmentProblem[] {
  const problems: EnvironmentProblem[] = [];
  const production = env.NODE_ENV === "production";
  const secret = env.WEBHOOK_SECRET ?? "";
  if (production) {
    if (secret === "" || secret === "development") {
      problems.push({
        variable: "WEBHOOK_SECRET",
        message:
          "WEBHOOK_SECRET est obligatoire en production (NODE_ENV=production) : sans lui, n'importe qui pourrait envoyer de faux événements.",
      });
    } else if (secret.length < 16) {
      problems.push({ variable: "WEBHOOK_SECRET", message: "WEBHOOK_SECRET est trop court (16 caractères au moins)." });
    }
    if (env.WEBHOOK_PROXY_URL) {
      problems.push({ variable: "WEBHOOK_PROXY_URL", message: "WEBHOOK_PROXY_URL (smee.io) est réservé au développement." });
    }
  }
  problems.push(...recoverySettings(env).problems);
  return problems;
}
