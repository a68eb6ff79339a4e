/** The `title:` of a startup's file (`content/_startups/<id>.md`): how people name the startup. */
import { parsePosting } from "./parse-posting.js";

/** The trimmed `title:` of the file's front matter, null when there is none (never throws). */
export function startupTitle(content: string | Uint8Array): string | null {
  const data = parsePosting(content).data;
  const title = data && Object.hasOwn(data, "title") ? data.title : undefined;
  return typeof title === "string" && title.trim() !== "" ? title.trim() : null;
}
