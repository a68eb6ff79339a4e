/**
 * The files a pull request changes, from `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`
 * (100 a page; GitHub lists at most 3,000 files). `patch` is GitHub's unified diff of the file,
 * absent when the diff is too large or the file is binary.
 */
import type { GitHub, RepoRef } from "./octokit.js";

export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export interface PullRequestFile {
  filename: string;
  status: FileStatus;
  previousFilename: string | null;
  patch: string | null;
}

const PER_PAGE = 100;
const MAX_PAGES = 30;

export async function readPullRequestFiles(octokit: GitHub, repo: RepoRef, pullNumber: number): Promise<PullRequestFile[]> {
  const files: PullRequestFile[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...repo,
      pull_number: pullNumber,
      per_page: PER_PAGE,
      page,
    });
    for (const f of res.data) {
      files.push({
        filename: f.filename,
        status: f.status,
        previousFilename: f.previous_filename ?? null,
        patch: f.patch ?? null,
      });
    }
    // GitHub announces a next page in the Link header; without it this page was the last.
    if (res.data.length < PER_PAGE || !/rel="next"/.test(res.headers.link ?? "")) break;
  }
  return files;
}
