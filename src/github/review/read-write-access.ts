/**
 * Can this GitHub user write to the repository? `GET /repos/{owner}/{repo}/collaborators/{username}/permission`
 * (`admin`, `write`; `maintain` is reported as `write`). A user GitHub does not know as a
 * collaborator (404), a bot, or an unreadable answer: no.
 */
import { statusOf, type GitHub, type RepoRef } from "../octokit.js";

export async function canWrite(octokit: GitHub, repo: RepoRef, login: string): Promise<boolean> {
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...repo, username: login });
    return res.data.permission === "admin" || res.data.permission === "write";
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
