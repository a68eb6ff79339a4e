import { describe, expect, it } from "vitest";
import { branchForPosting, CLOSING_BRANCH_PREFIX, GROUP_BRANCH } from "../../../src/core/closing/branch-name.js";
import type { ClosingStatus, DuePosting } from "../../../src/core/closing/find-due.js";
import { CLOSED_BY_APP, isClosedByApp, parseMarkers, renderMarker } from "../../../src/core/closing/marker.js";
import {
  branchesToLookUp,
  markerLength,
  planClosing,
  type ClosingPullRequest,
  type PlanInput,
} from "../../../src/github/closing/plan-closing.js";
import { hourIn, runDayAt } from "../../../src/core/closing/schedule-time.js";

const oid = (c: string) => c.repeat(40);
function due(name: string, blob = oid("a"), date = "2024-01-01"): ClosingStatus {
  const path = `content/_jobs/${name}.md`;
  const posting: DuePosting = {
    path,
    blob,
    roles: name,
    contracts: [],
    openLine: 5,
    reason: { kind: "date", field: "poste_ferme", date },
    closedText: "",
  };
  return { path, blob, state: "due", posting };
}
const pr = (
  number: number,
  branch: string,
  markers: [string, string][],
  state: ClosingPullRequest["state"] = "open",
  extra = "",
): ClosingPullRequest => ({
  number,
  branch,
  state,
  body: `…\n${markers.map(([name, blob]) => renderMarker({ path: `content/_jobs/${name}.md`, blob })).join("\n")}${extra}`,
});
const plan = (over: Partial<PlanInput>) =>
  planClosing({ statuses: [], pullRequests: [], branches: new Set(), grouped: false, maxPullRequests: 10, ...over });
const summary = (input: Partial<PlanInput>) =>
  plan(input).map((a) => {
    if (a.kind === "create")
      return `create ${a.branch.slice(CLOSING_BRANCH_PREFIX.length)}${a.branchExists ? " (reuse)" : ""}: ${a.postings.map((p) => p.roles).join(",")}`;
    if (a.kind === "keep" || a.kind === "update") return `${a.kind} #${a.pr}: ${a.postings.map((p) => p.roles).join(",")}`;
    if (a.kind === "close") return `close #${a.pr}: ${a.reason.kind}`;
    if (a.kind === "skip-declined") return `skip ${a.posting.roles} (#${a.pr})`;
    if (a.kind === "group-full") return `group-full ${a.posting.roles}`;
    return `capped ${a.posting.roles}`;
  });

describe("planClosing", () => {
  it("one pull request per posting due, in the order given by urgency", () => {
    expect(summary({ statuses: [due("b", oid("b"), "2024-02-01"), due("a")] })).toEqual(["create a: a", "create b: b"]);
  });

  it("keeps, updates, closes the app's open pull requests", () => {
    const statuses: ClosingStatus[] = [
      due("same"),
      due("changed", oid("c")),
      { path: "content/_jobs/extended.md", blob: oid("d"), state: "open-until", field: "poste_ferme", date: "2099-01-01" },
      { path: "content/_jobs/by-hand.md", blob: oid("e"), state: "closed" },
      { path: "content/_jobs/no-date.md", blob: oid("f"), state: "open-no-date" },
      { path: "content/_jobs/broken.md", blob: oid("9"), state: "unreadable" },
    ];
    const pullRequests = [
      pr(1, branchForPosting("same.md"), [["same", oid("a")]]),
      pr(2, branchForPosting("changed.md"), [["changed", oid("a")]]),
      pr(3, branchForPosting("extended.md"), [["extended", oid("a")]]),
      pr(4, branchForPosting("by-hand.md"), [["by-hand", oid("a")]]),
      pr(5, branchForPosting("no-date.md"), [["no-date", oid("a")]]),
      pr(6, branchForPosting("removed.md"), [["removed", oid("a")]]),
      pr(7, branchForPosting("broken.md"), [["broken", oid("a")]]),
      pr(8, branchForPosting("foreign.md"), []),
    ];
    expect(summary({ statuses, pullRequests })).toEqual([
      "keep #1: same",
      "update #2: changed",
      "close #3: extended",
      "close #4: closed-by-hand",
      "close #5: not-due",
      "close #6: removed",
      "keep #7: ",
      "keep #8: ",
    ]);
  });

  it("a refusal (closed without merging, by a person) holds while the blob is the same; the app's own closes and merges are no refusal", () => {
    const statuses = [due("refused"), due("changed", oid("c")), due("app-closed"), due("merged")];
    const pullRequests = [
      pr(1, branchForPosting("refused.md"), [["refused", oid("a")]], "closed"),
      pr(2, branchForPosting("changed.md"), [["changed", oid("a")]], "closed"),
      pr(3, branchForPosting("app-closed.md"), [["app-closed", oid("a")]], "closed", `\n${CLOSED_BY_APP}`),
      pr(4, branchForPosting("merged.md"), [["merged", oid("a")]], "merged"),
    ];
    expect(summary({ statuses, pullRequests, branches: new Set([branchForPosting("changed.md")]) })).toEqual([
      "skip refused (#1)",
      "create app-closed: app-closed",
      "create changed (reuse): changed",
      "create merged: merged",
    ]);
  });

  it("the cap: the first max-pull-requests postings, the others next run", () => {
    expect(summary({ statuses: [due("a"), due("b"), due("c")], maxPullRequests: 2 })).toEqual(["create a: a", "create b: b", "capped c"]);
  });

  it("grouped: one pull request for all; later runs keep it, update it when the set changes, close it when empty", () => {
    const statuses = [due("a"), due("b")];
    expect(summary({ statuses, grouped: true })).toEqual(["create groupe: a,b"]);
    const group = pr(9, GROUP_BRANCH, [
      ["a", oid("a")],
      ["b", oid("a")],
    ]);
    expect(summary({ statuses, grouped: true, pullRequests: [group] })).toEqual(["keep #9: a,b"]);
    expect(summary({ statuses: [due("a"), due("b"), due("c")], grouped: true, pullRequests: [group] })).toEqual(["update #9: a,b,c"]);
    expect(summary({ statuses: [due("a")], grouped: true, pullRequests: [group] })).toEqual(["update #9: a"]);
    expect(summary({ statuses: [], grouped: true, pullRequests: [group] })).toEqual(["close #9: nothing-left"]);
  });

  it("grouped: postings with their own open pull request stay there, refused ones stay out", () => {
    const statuses = [due("a"), due("b"), due("c")];
    const pullRequests = [pr(1, branchForPosting("a.md"), [["a", oid("a")]]), pr(2, GROUP_BRANCH, [["c", oid("a")]], "closed")];
    expect(summary({ statuses, grouped: true, pullRequests })).toEqual(["keep #1: a", "skip c (#2)", "create groupe: b"]);
  });

  it("grouped: as many postings as their markers fit in the body's budget, the most urgent first; the others after the merge", () => {
    const statuses = [due("c", oid("c"), "2024-03-01"), due("a", oid("a"), "2024-01-01"), due("b", oid("b"), "2024-02-01")];
    const one = markerLength({ path: "content/_jobs/a.md", blob: oid("a") });
    expect(one).toBe(renderMarker({ path: "content/_jobs/a.md", blob: oid("a") }).length + 1);
    expect(summary({ statuses, grouped: true, groupMarkersBudget: 2 * one })).toEqual(["create groupe: a,b", "group-full c"]);
    expect(summary({ statuses, grouped: true, groupMarkersBudget: 2 * one - 1 })).toEqual([
      "create groupe: a",
      "group-full b",
      "group-full c",
    ]);
    // An open group over the budget (an older version wrote it) is brought back within it.
    const group = pr(9, GROUP_BRANCH, [
      ["a", oid("a")],
      ["b", oid("b")],
      ["c", oid("c")],
    ]);
    expect(summary({ statuses, grouped: true, groupMarkersBudget: 2 * one, pullRequests: [group] })).toEqual([
      "update #9: a,b",
      "group-full c",
    ]);
    expect(summary({ statuses, grouped: true, groupMarkersBudget: 3 * one, pullRequests: [group] })).toEqual(["keep #9: a,b,c"]);
  });

  it("postings in subfolders: a branch each, named by their path from the postings folder", () => {
    const inFolder = (path: string): ClosingStatus => {
      const s = due("x");
      return { ...s, path, state: "due", posting: { ...(s as Extract<ClosingStatus, { state: "due" }>).posting, path, roles: path } };
    };
    const statuses = [inFolder("content/_jobs/2024/a.md"), inFolder("content/_jobs/2025/a.md"), inFolder("content/_jobs/a.md")];
    const branches = plan({ statuses, postingsFolder: "content/_jobs" }).map((a) => (a.kind === "create" ? a.branch : a.kind));
    expect(branches).toEqual([
      branchForPosting("content/_jobs/2024/a.md", "content/_jobs"),
      branchForPosting("content/_jobs/2025/a.md", "content/_jobs"),
      "recrutement-bot/fermeture/a",
    ]);
    expect(new Set(branches).size).toBe(3);
    expect(branchesToLookUp(statuses, [], false, "content/_jobs")).toEqual([...branches, GROUP_BRANCH].sort());
  });

  it("a group pull request left open after grouping was turned off keeps to its own postings", () => {
    const group = pr(9, GROUP_BRANCH, [
      ["a", oid("a")],
      ["b", oid("a")],
    ]);
    expect(summary({ statuses: [due("a"), due("b"), due("c")], pullRequests: [group] })).toEqual(["keep #9: a,b", "create c: c"]);
  });

  it("looks up the history of the branches it may create, plus the group's", () => {
    const statuses = [due("a"), due("b"), { path: "content/_jobs/c.md", blob: oid("c"), state: "closed" } as ClosingStatus];
    expect(branchesToLookUp(statuses, [pr(1, branchForPosting("a.md"), [["a", oid("a")]])], false)).toEqual([
      branchForPosting("b.md"),
      GROUP_BRANCH,
    ]);
    expect(
      branchesToLookUp(
        statuses,
        [pr(1, branchForPosting("a.md"), [["a", oid("a")]]), pr(2, branchForPosting("b.md"), [["b", oid("a")]])],
        false,
      ),
    ).toEqual([]);
  });
});

describe("branch names and markers", () => {
  it("branch: the file name without .md, made a valid ref when it is not (with a hash, so names never collide)", () => {
    expect(branchForPosting("content/_jobs/2021-06-09-atelier-numerique.md")).toBe(
      "recrutement-bot/fermeture/2021-06-09-atelier-numerique",
    );
    expect(branchForPosting("content/_jobs/développeur.md")).toBe("recrutement-bot/fermeture/développeur");
    const spaced = branchForPosting("content/_jobs/offre  dev.md");
    expect(spaced).toMatch(/^recrutement-bot\/fermeture\/offre--dev-[0-9a-f]{8}$/);
    // "offre -dev" sanitizes to the same text: the hash keeps the branches apart.
    expect(branchForPosting("content/_jobs/offre -dev.md")).toMatch(/^recrutement-bot\/fermeture\/offre--dev-[0-9a-f]{8}$/);
    expect(branchForPosting("content/_jobs/offre -dev.md")).not.toBe(spaced);
    expect(branchForPosting("content/_jobs/.x..y~z.lock.md")).toMatch(/^recrutement-bot\/fermeture\/-x\.y-z--[0-9a-f]{8}$/);
    expect(branchForPosting("content/_jobs/groupe.md")).toMatch(/^recrutement-bot\/fermeture\/groupe-[0-9a-f]{8}$/);
  });

  it("branch of a posting in a subfolder: its path from the folder, `/` as `-`, with a hash; directly in the folder, unchanged", () => {
    expect(branchForPosting("content/_jobs/a.md", "content/_jobs")).toBe("recrutement-bot/fermeture/a");
    const a2024 = branchForPosting("content/_jobs/2024/a.md", "content/_jobs");
    expect(a2024).toMatch(/^recrutement-bot\/fermeture\/2024-a-[0-9a-f]{8}$/);
    expect(branchForPosting("content/_jobs/2025/a.md", "content/_jobs")).toMatch(/^recrutement-bot\/fermeture\/2025-a-[0-9a-f]{8}$/);
    // A file named "2024-a.md" in the folder itself does not take the subfolder's branch.
    expect(branchForPosting("content/_jobs/2024-a.md", "content/_jobs")).toBe("recrutement-bot/fermeture/2024-a");
    expect(branchForPosting("content/_jobs/2024/06/b.md", "content/_jobs")).toMatch(/^recrutement-bot\/fermeture\/2024-06-b-[0-9a-f]{8}$/);
  });

  it("markers round-trip, paths with any character included", () => {
    const m = { path: "content/_jobs/offre dev --> x.md", blob: oid("a") };
    expect(parseMarkers(`text\n${renderMarker(m)}\n<!-- recrutement-bot:fermeture path=%E0%A4%A blob=${oid("b")} -->`)).toEqual([m]);
    expect(isClosedByApp(`x\n${CLOSED_BY_APP}`)).toBe(true);
    expect(isClosedByApp("x")).toBe(false);
  });
});

describe("the daily hour", () => {
  it("is the local hour of the configured zone, across daylight-saving changes", () => {
    expect(hourIn("Europe/Paris", new Date("2024-03-30T06:10:00Z"))).toBe(7); // CET
    expect(hourIn("Europe/Paris", new Date("2024-03-31T05:10:00Z"))).toBe(7); // CEST
    expect(hourIn("Europe/Paris", new Date("2024-10-27T06:10:00Z"))).toBe(7); // CET again
    expect(hourIn("Europe/Paris", new Date("2024-06-01T22:10:00Z"))).toBe(0);
  });

  it("gives the local day of the run during the configured hour only", () => {
    const at7 = new Date("2024-03-31T05:10:00Z");
    expect(runDayAt(at7, "Europe/Paris", 7)).toBe("2024-03-31");
    expect(runDayAt(at7, "Europe/Paris", 8)).toBeNull();
    expect(runDayAt(new Date("2024-03-31T22:30:00Z"), "Europe/Paris", 0)).toBe("2024-04-01");
  });
});
