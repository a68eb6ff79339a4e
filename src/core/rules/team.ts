/** Who is hiring: a known startup id, or a partner team (`friend`, `equipe`). */
import { diagnostic } from "../diagnostic.js";
import { NearIndex } from "../text-fold.js";
import type { CheckOptions, Diagnostic } from "../types.js";
import { FRONT_MATTER_START, isBlank, shown, valueFix, valueOf, valuePlace, type PostingView } from "./posting-view.js";

const indexes = new WeakMap<ReadonlySet<string>, NearIndex>();

function indexFor(ids: ReadonlySet<string>): NearIndex {
  let index = indexes.get(ids);
  if (!index) {
    index = new NearIndex(ids);
    indexes.set(ids, index);
  }
  return index;
}

function checkStartup(posting: PostingView, id: string, ids: ReadonlySet<string>): Diagnostic[] {
  if (ids.has(id)) return [];
  const near = indexFor(ids).match(id);
  const at = valuePlace(posting, "startup");
  if (!near) return [diagnostic("startup-unknown", "error", at, "startup-unknown", { value: shown(id) }, { key: "startup" })];
  const suggestion = near.matches.slice(0, 3).join(" », « ");
  const certain = near.kind !== "edit" && near.matches.length === 1 && near.matches[0] !== undefined;
  return [
    diagnostic("startup-unknown", "error", at, "startup-unknown-suggestion", { value: shown(id), suggestion }, {
      key: "startup",
      fix: certain ? valueFix(posting, "startup", near.matches[0] ?? id) : undefined,
    }),
  ];
}

export function checkTeam(posting: PostingView, options: CheckOptions): Diagnostic[] {
  const startup = valueOf(posting, "startup");
  if (typeof startup === "string" && startup.trim() !== "") {
    return options.startupIds ? checkStartup(posting, startup.trim(), options.startupIds) : [];
  }
  if (!isBlank(startup)) return []; // not text: the schema reports it
  if (!isBlank(valueOf(posting, "friend")) || !isBlank(valueOf(posting, "equipe"))) return [];
  return [diagnostic("team-missing", "error", FRONT_MATTER_START, "team-missing")];
}
