/**
 * The closing plan: from the postings' statuses and the app's existing pull requests, what the
 * reconciler must do. Pure, so that dry-run is printing this plan and tests can assert it
 * without HTTP.
 *
 * - An open pull request whose postings are all still due at the same version is kept; if a
 *   posting changed (other blob) or the set changed, it is updated (commit recreated on top of
 *   the default branch); if none is due any more (closed by hand, date moved, file removed), it
 *   is closed with a comment.
 * - A posting due at the version a person refused (a pull request closed without merging, not
 *   by the app) is not proposed again until its file changes.
 * - The other postings due get a new pull request each (at most `maxPullRequests` per run, the
 *   rest next run), or one for all of them when `grouped`: as many as their hidden markers fit
 *   in `groupMarkersBudget` characters of its body, the most urgent first, the others when it
 *   is merged ("group-full").
 */
import { branchForPosting, GROUP_BRANCH } from "../../core/closing/branch-name.js";
import { byUrgency, type ClosingStatus, type DuePosting } from "../../core/closing/find-due.js";
import { isAsked, isClosedByApp, parseMarkers, renderMarker, type ClosingMarker } from "../../core/closing/marker.js";

export interface ClosingPullRequest {
  number: number;
  /** Head branch, without `refs/heads/`. */
  branch: string;
  state: "open" | "closed" | "merged";
  body: string;
  /** Its labels, when read (open pull requests): one found without any is labelled again. */
  labels?: string[];
  /** When it was opened (ISO instant), when read (open pull requests: the dashboard gives their age). */
  createdAt?: string;
}

export interface PlanInput {
  statuses: readonly ClosingStatus[];
  /** Open pull requests of the closing branches, and closed ones of the branches that may be created. */
  pullRequests: readonly ClosingPullRequest[];
  /** Closing branches that exist now (full names). */
  branches: ReadonlySet<string>;
  grouped: boolean;
  maxPullRequests: number;
  /** The postings folder: a posting in a subfolder gets a branch named by its path from it (branchForPosting). */
  postingsFolder?: string;
  /** Characters of markers (one a line) a grouped pull request's body holds; no limit when absent. */
  groupMarkersBudget?: number;
}

export type CloseReason =
  | { kind: "closed-by-hand" }
  | { kind: "extended"; field: string; date: string }
  | { kind: "not-due" }
  | { kind: "removed" }
  /** A grouped pull request none of whose postings is due any more. */
  | { kind: "nothing-left" };

export type ClosingAction =
  | { kind: "create"; branch: string; branchExists: boolean; postings: DuePosting[] }
  | { kind: "keep"; pr: number; branch: string; postings: DuePosting[] }
  | { kind: "update"; pr: number; branch: string; postings: DuePosting[] }
  | { kind: "close"; pr: number; branch: string; body: string; path: string | null; reason: CloseReason }
  | { kind: "skip-declined"; pr: number; posting: DuePosting }
  | { kind: "capped"; posting: DuePosting }
  /** Grouped: not in the grouped pull request, whose body holds no more; next run after its merge. */
  | { kind: "group-full"; posting: DuePosting };

export function planClosing(input: PlanInput): ClosingAction[] {
  const status = new Map(input.statuses.map((s) => [s.path, s]));
  const due = new Map(input.statuses.flatMap((s) => (s.state === "due" ? [[s.path, s.posting] as const] : [])));
  const open = input.pullRequests.filter((p) => p.state === "open").sort((a, b) => a.number - b.number);
  const refused = input.pullRequests.filter((p) => p.state === "closed" && !isClosedByApp(p.body));
  const declinedBy = (d: DuePosting) => refused.find((p) => parseMarkers(p.body).some((m) => m.path === d.path && m.blob === d.blob));

  const actions: ClosingAction[] = [];
  const covered = new Set<string>();
  const openBranches = new Set(open.map((p) => p.branch));

  /** A pull request that keeps to the postings its markers name. */
  const maintain = (pr: ClosingPullRequest, markers: ClosingMarker[]) => {
    const still = markers.flatMap((m) => {
      const d = due.get(m.path);
      return d && !covered.has(d.path) ? [d] : [];
    });
    if (still.length === 0) {
      const only = markers.length === 1 ? markers[0]!.path : null;
      const state = only === null ? undefined : status.get(only)?.state;
      if (isAsked(pr.body) && (state === "open-until" || state === "open-no-date")) {
        // Asked from the dashboard before its date: kept while the posting is open.
        covered.add(only!);
        actions.push({ kind: "keep", pr: pr.number, branch: pr.branch, postings: [] });
        return;
      }
      actions.push({
        kind: "close",
        pr: pr.number,
        branch: pr.branch,
        body: pr.body,
        path: only,
        reason: only ? closeReason(status.get(only)) : { kind: "nothing-left" },
      });
      return;
    }
    reconcile(pr, markers, still);
  };
  const reconcile = (pr: ClosingPullRequest, markers: ClosingMarker[], wanted: DuePosting[]) => {
    for (const d of wanted) covered.add(d.path);
    const same = wanted.length === markers.length && wanted.every((d) => markers.some((m) => m.path === d.path && m.blob === d.blob));
    actions.push({ kind: same ? "keep" : "update", pr: pr.number, branch: pr.branch, postings: wanted });
  };

  let group: ClosingPullRequest | undefined;
  for (const pr of open) {
    if (pr.branch === GROUP_BRANCH) {
      group = pr;
      continue;
    }
    const markers = parseMarkers(pr.body);
    const unreadable = markers.length === 1 && status.get(markers[0]!.path)?.state === "unreadable";
    if (markers.length === 0 || unreadable) {
      // Not ours to judge: a pull request on our branch without our marker, or a posting the
      // engine cannot read any more (its YAML broke): left as it is.
      for (const m of markers) covered.add(m.path);
      actions.push({ kind: "keep", pr: pr.number, branch: pr.branch, postings: [] });
      continue;
    }
    maintain(pr, markers);
  }

  const remaining = [...due.values()]
    .filter((d) => !covered.has(d.path) && !openBranches.has(branchForPosting(d.path, input.postingsFolder)))
    .sort(byUrgency);
  const fresh: DuePosting[] = [];
  for (const d of remaining) {
    const refusal = declinedBy(d);
    if (refusal) actions.push({ kind: "skip-declined", pr: refusal.number, posting: d });
    else fresh.push(d);
  }

  const waiting: ClosingAction[] = [];
  if (input.grouped) {
    // The most urgent that fit in one body; the others wait for the group's merge.
    const budget = input.groupMarkersBudget ?? Infinity;
    let used = 0;
    let fitting = 0;
    while (fitting < fresh.length && used + markerLength(fresh[fitting]!) <= budget) used += markerLength(fresh[fitting++]!);
    for (const d of fresh.splice(fitting)) waiting.push({ kind: "group-full", posting: d });
  }
  if (group) {
    const markers = parseMarkers(group.body);
    if (input.grouped) {
      if (fresh.length === 0)
        actions.push({
          kind: "close",
          pr: group.number,
          branch: group.branch,
          body: group.body,
          path: null,
          reason: { kind: "nothing-left" },
        });
      else reconcile(group, markers, fresh.splice(0));
    } else maintain(group, markers);
  }
  const left = fresh.filter((d) => !covered.has(d.path));
  if (input.grouped) {
    if (left.length > 0)
      actions.push({ kind: "create", branch: GROUP_BRANCH, branchExists: input.branches.has(GROUP_BRANCH), postings: left });
    return [...actions, ...waiting];
  }
  left.forEach((d, i) => {
    const branch = branchForPosting(d.path, input.postingsFolder);
    if (i < input.maxPullRequests) actions.push({ kind: "create", branch, branchExists: input.branches.has(branch), postings: [d] });
    else actions.push({ kind: "capped", posting: d });
  });
  return actions;
}

/** The postings an action is about (for logs and reports). */
export function actionPaths(action: ClosingAction): string[] {
  if ("postings" in action) return action.postings.map((d) => d.path);
  if ("posting" in action) return [action.posting.path];
  return action.kind === "close" && action.path !== null ? [action.path] : [];
}

/** A posting's marker in a body, its line break included. */
export function markerLength(d: Pick<DuePosting, "path" | "blob">): number {
  return renderMarker({ path: d.path, blob: d.blob }).length + 1;
}

function closeReason(s: ClosingStatus | undefined): CloseReason {
  if (!s) return { kind: "removed" };
  if (s.state === "closed") return { kind: "closed-by-hand" };
  if (s.state === "open-until") return { kind: "extended", field: s.field, date: s.date };
  return { kind: "not-due" };
}

/** Branches whose closed pull requests the plan needs: those it may create. */
export function branchesToLookUp(
  statuses: readonly ClosingStatus[],
  openPullRequests: readonly ClosingPullRequest[],
  grouped: boolean,
  postingsFolder?: string,
): string[] {
  const covered = new Set(openPullRequests.flatMap((p) => parseMarkers(p.body).map((m) => m.path)));
  const openBranches = new Set(openPullRequests.map((p) => p.branch));
  const branches = new Set<string>();
  for (const s of statuses) {
    if (s.state !== "due" || covered.has(s.path)) continue;
    const b = branchForPosting(s.path, postingsFolder);
    if (!openBranches.has(b)) branches.add(b);
  }
  if (branches.size > 0 || grouped) branches.add(GROUP_BRANCH);
  return [...branches].sort();
}
