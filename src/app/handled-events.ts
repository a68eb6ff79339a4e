/**
 * Which events the app has handlers for, as the jobs register them: the app is handed a view of
 * Probot whose `on` notes each event name ("pull_request.opened", "push"…) before passing it on.
 * The recovery of missed deliveries redelivers only those events (one list, the handlers' own).
 */
import type { Probot } from "probot";

export interface HandledEvents {
  /** Probot as the jobs see it: the same instance, `on` noted. */
  app: Probot;
  /** Whether a handler takes event `event` with action `action` (a delivery of GitHub's list). */
  handles: (event: string, action: string | null | undefined) => boolean;
  /** The names noted, in order. */
  names: () => string[];
}

export function recordHandledEvents(probot: Probot): HandledEvents {
  const names = new Set<string>();
  const on: Probot["on"] = (eventName, callback) => {
    for (const name of Array.isArray(eventName) ? eventName : [eventName]) names.add(name);
    return probot.on(eventName, callback);
  };
  const app = new Proxy(probot, {
    get(target, property) {
      if (property === "on") return on;
      // Probot keeps its state in private fields: its methods and getters run on the instance itself.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    app,
    handles: (event, action) => names.has(event) || (typeof action === "string" && names.has(`${event}.${action}`)),
    names: () => [...names],
  };
}
