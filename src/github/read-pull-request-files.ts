/**
 * The files a pull request changes, from `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`
 * (100 a page; GitHub lists at most 3,000 files). `patch` is GitHub's unified diff of the file,
 * absent when the diff is too large or the file is binary. When GitHub's list may stop short
 * (its last page full at the 3,000th file), `listedAll` is false: the review then finds the
 * postings GitHub did not list by comparing the postings folder's trees (review/read-folder-changes.ts).
 */
import type { GitHub, RepoRef } from "./octokit.js";
import { GITHUB_LIMITS } from "./limits.js";

export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";

export interface PullRequestFile {
  filename: string;
  status: FileStatus;
  previousFilename: string | null;
  patch: string | null;
  /** Found by comparing trees, not in GitHub's list: no diff, no line where a suggestion can go. */
  unlisted?: boolean;
}

export interface PullRequestFiles {
  files: PullRequestFile[];
  /** False when GitHub's list reached its 3,000 files: more may exist that it does not list. */
  listedAll: boolean;
}

const PER_PAGE = GITHUB_LIMITS.pullRequestFilesPerPage;
const MAX_PAGES = GITHUB_LIMITS.pullRequestFilesListed / PER_PAGE;

export async function readPullRequestFiles(octokit: GitHub, repo: RepoRef, pullNumber: number): Promise<PullRequestFiles> {
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
  return { files, listedAll: files.length < GITHUB_LIMITS.pullRequestFilesListed };
}
