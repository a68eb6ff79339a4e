/**
 * The closing report as text (dry-run output, the `close --repo` command) or JSON. Pure.
 */
import type { ClosingAction } from "./plan-closing.js";
import { t, type Lang } from "../../messages/index.js";
import type { ActionOutcome } from "./apply-closing-plan.js";
import type { ClosingReport } from "./run-closing.js";

export function formatClosingReport(report: ClosingReport, lang: Lang, maxPullRequests: number): string {
  if (report.skipped === "disabled") return `${t(lang, "cli-close-disabled", { repo: report.repo })}\n`;
  if (report.skipped === "empty") return `${t(lang, "cli-close-empty", { repo: report.repo })}\n`;
  if (report.skipped === "no-folder") return `${t(lang, "cli-close-no-folder", { repo: report.repo })}\n`;
  const lines = [t(lang, "closing-plan-header", { repo: report.repo, today: report.today, dryRun: report.dryRun ? "yes" : "" })];
  if (report.plan.length === 0) lines.push(`  ${t(lang, "closing-plan-empty")}`);
  report.plan.forEach((action, i) => {
    lines.push(`  ${describeAction(action, lang, maxPullRequests)}`);
    const outcome = report.results[i]?.outcome;
    const text = outcome ? describeOutcome(outcome, lang) : null;
    if (text) lines.push(`    ${text}`);
  });
  return `${lines.join("\n")}\n`;
}

export function describeAction(action: ClosingAction, lang: Lang, maxPullRequests: number): string {
  const paths = (a: { postings: { path: string }[] }) => a.postings.map((d) => d.path).join(", ");
  switch (action.kind) {
    case "create":
      return t(lang, "closing-plan-create", { branch: action.branch, paths: paths(action) });
    case "keep":
      return t(lang, "closing-plan-keep", { pr: action.pr });
    case "update":
      return t(lang, "closing-plan-update", { pr: action.pr, paths: paths(action) });
    case "close": {
      const r = action.reason;
      const reason =
        r.kind === "extended"
          ? t(lang, "closing-reason-extended", { date: r.date })
          : t(
              lang,
              r.kind === "closed-by-hand"
                ? "closing-reason-closed-by-hand"
                : r.kind === "not-due"
                  ? "closing-reason-not-due"
                  : r.kind === "removed"
                    ? "closing-reason-removed"
                    : "closing-reason-nothing-left",
            );
      return t(lang, "closing-plan-close", { pr: action.pr, reason });
    }
    case "skip-declined":
      return t(lang, "closing-plan-skip-declined", { pr: action.pr, path: action.posting.path });
    case "capped":
      return t(lang, "closing-plan-capped", { path: action.posting.path, max: maxPullRequests });
    case "group-full":
      return t(lang, "closing-plan-group-full", { path: action.posting.path });
  }
}

function describeOutcome(outcome: ActionOutcome, lang: Lang): string | null {
  switch (outcome.kind) {
    case "created":
      return t(lang, "closing-outcome-created", { pr: outcome.pr });
    case "updated":
      return t(lang, "closing-outcome-updated", { pr: outcome.pr });
    case "closed":
      return t(lang, "closing-outcome-closed", { pr: outcome.pr });
    case "labelled":
      return t(lang, "closing-outcome-labelled", { pr: outcome.pr });
    case "exists":
      return t(lang, "closing-outcome-exists", { pr: outcome.pr === null ? "" : ` (#${outcome.pr})` });
    case "failed":
      return t(lang, "closing-outcome-failed", { message: outcome.message });
    case "none":
      return null;
  }
}

/** JSON: the plan without the closed texts (they are whole files), with each action's outcome. */
export function closingReportJson(report: ClosingReport): string {
  const posting = (d: { path: string; blob: string; openLine: number; reason: unknown; roles: string | null; contracts: string[] }) => ({
    path: d.path,
    blob: d.blob,
    line: d.openLine,
    roles: d.roles,
    contracts: d.contracts,
    reason: d.reason,
  });
  const actions = report.plan.map((a, i) => {
    const { kind } = a;
    const base: Record<string, unknown> = { kind };
    if ("pr" in a) base.pr = a.pr;
    if ("branch" in a) base.branch = a.branch;
    if ("postings" in a) base.postings = a.postings.map(posting);
    if ("posting" in a) base.posting = posting(a.posting);
    if (a.kind === "close") Object.assign(base, { path: a.path, reason: a.reason });
    const outcome = report.results[i]?.outcome;
    if (outcome) base.outcome = outcome;
    return base;
  });
  const { repo, today, dryRun, skipped, postings, readRequests } = report;
  return `${JSON.stringify({ repo, today, dryRun, skipped, postings, readRequests, actions }, null, 2)}\n`;
}
