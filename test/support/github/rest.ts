/**
 * The REST operations the fake answers, by GitHub's operationId, from the model (model.ts). It
 * behaves as GitHub does when writers race (creating a branch that exists: 422 "Reference already
 * exists"; writing a file whose blob is no longer the one named: 409; a second pull request for
 * the same head: 422) and answers GitHub's limits (limits.ts).
 */
import type { FakeGitHub } from "./fake.js";
import { blobOid } from "./git.js";
import { characters, FAKE_LIMITS, notFound, tooLong, validationFailed, type Reply } from "./limits.js";
import {
  blobByOid,
  filesAt,
  newId,
  now,
  patchOf,
  type Annotation,
  type Comment,
  type Issue,
  type PullRequest,
  type Repository,
} from "./model.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

export interface RepoCall {
  fake: FakeGitHub;
  repo: Repository;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Body;
}

const fullName = (repo: Repository) => `${repo.owner}/${repo.repo}`;
const pullOf = (c: RepoCall): PullRequest | undefined =>
  c.repo.pulls.find((p) => p.number === Number(c.params.pull_number ?? c.params.issue_number));
const issueOf = (c: RepoCall): Issue | undefined => c.repo.issues.find((i) => i.number === Number(c.params.issue_number));
const labelsJson = (names: readonly string[]) => names.map((name) => ({ name }));
const branchName = (ref: string) => ref.replace(/^refs\//, "").replace(/^heads\//, "");

function pullJson(repo: Repository, p: PullRequest) {
  const repository = { full_name: fullName(repo), name: repo.repo, owner: { login: repo.owner } };
  return {
    number: p.number,
    state: p.state === "open" ? "open" : "closed",
    merged: p.state === "merged",
    title: p.title,
    body: p.body,
    changed_files: p.files.length,
    labels: labelsJson(p.labels),
    html_url: `https://github.com/${fullName(repo)}/pull/${p.number}`,
    head: { ref: p.head, sha: p.headSha, repo: repository },
    base: { ref: repo.defaultBranch, sha: p.baseSha, repo: repository },
  };
}

function commentJson(c: Comment) {
  return {
    id: c.id,
    body: c.body,
    created_at: c.created_at,
    user: { login: c.bot ? "recrutement-bot[bot]" : "someone", type: c.bot ? "Bot" : "User" },
  };
}

/** Every comment of the repository, with the list that holds it. */
function findComment(repo: Repository, id: number): { list: Comment[]; comment: Comment } | undefined {
  for (const holder of [...repo.pulls, ...repo.issues]) {
    const comment = holder.comments.find((c) => c.id === id);
    if (comment) return { list: holder.comments, comment };
  }
  return undefined;
}

function ensureLabel(repo: Repository, name: string): void {
  if (!repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) repo.labels.push({ name, color: "ededed", description: null });
}

/** A check run's output as GitHub checks it: the summary in bytes, annotation titles and messages. */
function checkRunOutputRefused(output: { summary?: string; annotations?: Annotation[] }): Reply | null {
  if (Buffer.byteLength(output.summary ?? "") > FAKE_LIMITS.summaryBytes)
    return validationFailed("CheckRun", "output.summary", `summary is too long (maximum is ${FAKE_LIMITS.summaryBytes} characters)`);
  if ((output.annotations ?? []).length > FAKE_LIMITS.annotationsPerRequest)
    return validationFailed(
      "CheckRun",
      "output.annotations",
      `annotations are too many (maximum is ${FAKE_LIMITS.annotationsPerRequest} per request)`,
    );
  for (const a of output.annotations ?? []) {
    if (characters(a.title) > FAKE_LIMITS.annotationTitle)
      return validationFailed(
        "CheckRun",
        "output.annotations.title",
        `title is too long (maximum is ${FAKE_LIMITS.annotationTitle} characters)`,
      );
    if (Buffer.byteLength(a.message) > FAKE_LIMITS.annotationMessageBytes)
      return validationFailed("CheckRun", "output.annotations.message", "message is too long (maximum is 64 KB)");
  }
  return null;
}

/** A title or body GitHub refuses for its length, or null. */
function textRefused(resource: string, body: Body, fields: ("title" | "body")[] = ["title", "body"]): Reply | null {
  for (const field of fields)
    if (String(body[field] ?? "").length > FAKE_LIMITS[field]) return tooLong(resource, field, FAKE_LIMITS[field]);
  return null;
}

const alreadyExists = (message: string): Reply => [
  422,
  { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "custom", message }] },
];
const labelExists: Reply = [422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }];

/** Operations on a repository (`/repos/{owner}/{repo}/…`), by operationId. */
export const REPOSITORY_OPERATIONS: Record<string, (c: RepoCall) => Reply> = {
  "repos/get": ({ repo }) => [
    200,
    { name: repo.repo, full_name: fullName(repo), default_branch: repo.defaultBranch, owner: { login: repo.owner } },
  ],

  "repos/get-content": ({ repo, params, query }) => {
    const files = filesAt(repo, query.get("ref") ?? repo.defaultBranch);
    const text = files?.get(params.path!);
    if (text === undefined) return notFound;
    const bytes = Buffer.from(text);
    return [
      200,
      {
        type: "file",
        name: params.path!.split("/").pop(),
        path: params.path,
        size: bytes.length,
        sha: blobOid(text),
        encoding: "base64",
        content: bytes.toString("base64"),
      },
    ];
  },

  "repos/create-or-update-file-contents": ({ fake, repo, params, body }) => {
    const files = repo.branches.get(body.branch);
    if (!files) return [404, { message: "Branch not found" }];
    const current = files[params.path!];
    if (current === undefined) return notFound;
    if (body.sha !== blobOid(current)) return [409, { message: `${params.path} does not match ${body.sha}` }];
    files[params.path!] = Buffer.from(body.content, "base64").toString("utf8");
    return [200, { content: { path: params.path, sha: blobOid(files[params.path!]!) }, commit: { sha: fake.newSha() } }];
  },

  "git/get-ref": ({ repo, params }) => {
    const name = branchName(params.ref!);
    if (name === repo.defaultBranch) return [200, { ref: `refs/heads/${name}`, object: { sha: repo.headOid, type: "commit" } }];
    const files = repo.branches.get(name);
    // A branch's commit id: changes with what the branch holds.
    return files ? [200, { ref: `refs/heads/${name}`, object: { sha: blobOid(JSON.stringify(files)), type: "commit" } }] : notFound;
  },

  "git/create-ref": ({ repo, body }) => {
    const name = branchName(body.ref);
    if (repo.branches.has(name)) return [422, { message: "Reference already exists" }];
    repo.branches.set(name, { ...(repo.objects.get(body.sha) ?? repo.files) });
    return [201, { ref: body.ref, object: { sha: body.sha, type: "commit" } }];
  },

  "git/update-ref": ({ repo, params, body }) => {
    const name = branchName(params.ref!);
    if (!repo.branches.has(name)) return [422, { message: "Reference does not exist" }];
    repo.branches.set(name, { ...(repo.objects.get(body.sha) ?? repo.files) });
    return [200, { ref: `refs/heads/${name}`, object: { sha: body.sha, type: "commit" } }];
  },

  "git/delete-ref": ({ repo, params }) =>
    repo.branches.delete(branchName(params.ref!)) ? [204, ""] : [422, { message: "Reference does not exist" }],

  "git/create-tree": ({ fake, repo, body }) => {
    const files = { ...(repo.objects.get(body.base_tree) ?? repo.files) };
    for (const entry of body.tree as { path: string; content?: string; sha?: string | null }[]) {
      if (entry.sha === null) delete files[entry.path];
      else if (entry.content !== undefined) files[entry.path] = entry.content;
    }
    const sha = fake.newSha();
    repo.objects.set(sha, files);
    return [201, { sha }];
  },

  "git/create-commit": ({ fake, repo, body }) => {
    const sha = fake.newSha();
    repo.commitMessages.set(sha, body.message);
    repo.objects.set(sha, repo.objects.get(body.tree) ?? {});
    return [201, { sha }];
  },

  "git/get-blob": ({ repo, params }) => {
    const bytes = blobByOid(repo, params.file_sha!);
    if (bytes === undefined) return notFound;
    const b = Buffer.from(bytes);
    return [200, { sha: params.file_sha, node_id: "B_1", size: b.length, url: "", content: b.toString("base64"), encoding: "base64" }];
  },

  "pulls/list": ({ repo, query }) => {
    const head = query.get("head")?.split(":").pop();
    const state = query.get("state") ?? "open";
    const found = repo.pulls.filter(
      (p) => (head === undefined || p.head === head) && (state === "all" || pullJson(repo, p).state === state),
    );
    return [200, found.map((p) => pullJson(repo, p))];
  },

  "pulls/get": (c) => {
    const pull = pullOf(c);
    return pull ? [200, pullJson(c.repo, pull)] : notFound;
  },

  "pulls/create": ({ repo, body }) => {
    const refused = textRefused("PullRequest", body);
    if (refused) return refused;
    if (!repo.branches.has(body.head)) return alreadyExists(`No commits between ${repo.defaultBranch} and ${body.head}`);
    if (repo.pulls.some((p) => p.head === body.head && p.state === "open"))
      return alreadyExists(`A pull request already exists for ${repo.owner}:${body.head}.`);
    const number = Math.max(repo.firstPullNumber - 1, ...repo.pulls.map((p) => p.number)) + 1;
    const pull: PullRequest = {
      number,
      head: body.head,
      state: "open",
      title: body.title,
      body: body.body ?? "",
      headSha: blobOid(JSON.stringify(repo.branches.get(body.head))),
      baseSha: repo.headOid,
      labels: [],
      files: [],
      comments: [],
      reviewComments: [],
      labelEvents: [],
      reviewRequests: [],
      createdAt: new Date(Date.now()).toISOString(),
    };
    repo.pulls.push(pull);
    return [201, pullJson(repo, pull)];
  },

  "pulls/update": (c) => {
    const pull = pullOf(c);
    if (!pull) return notFound;
    const refused = textRefused("PullRequest", c.body);
    if (refused) return refused;
    for (const key of ["title", "body", "state"] as const) if (c.body[key] !== undefined) pull[key] = c.body[key];
    return [200, pullJson(c.repo, pull)];
  },

  "pulls/request-reviewers": (c) => {
    const pull = pullOf(c);
    if (!pull) return notFound;
    const reviewers: string[] = c.body.reviewers ?? [];
    // GitHub refuses the whole request when one of them is not a collaborator.
    if (reviewers.some((r) => !c.repo.collaborators.has(r) || c.repo.collaborators.get(r) === "none")) {
      return [
        422,
        {
          message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${fullName(c.repo)} repository.`,
        },
      ];
    }
    pull.reviewRequests.push(...reviewers);
    return [201, pullJson(c.repo, pull)];
  },

  "pulls/list-files": (c) => {
    const pull = pullOf(c);
    if (!pull) return notFound;
    if (pull.failFiles) {
      pull.failFiles--;
      return [502, { message: "Bad Gateway" }];
    }
    const page = Number(c.query.get("page") ?? 1);
    const perPage = Number(c.query.get("per_page") ?? 30);
    // GitHub lists at most 3,000 files.
    const all = pull.files.slice(0, FAKE_LIMITS.filesListed).map((f) => {
      const patch = patchOf(f);
      return {
        sha: typeof f.content === "string" ? blobOid(f.content) : "0".repeat(40),
        filename: f.filename,
        status: f.status,
        additions: 1,
        deletions: 0,
        changes: 1,
        blob_url: "",
        raw_url: "",
        contents_url: "",
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
        ...(patch !== undefined ? { patch } : {}),
      };
    });
    const headers: Record<string, string> = {};
    if (page * perPage < all.length)
      headers.link = `<https://api.github.com/repos/${fullName(c.repo)}/pulls/${pull.number}/files?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    return [200, all.slice((page - 1) * perPage, page * perPage), headers];
  },

  "pulls/create-review": (c) => {
    const pull = pullOf(c);
    if (!pull) return notFound;
    const comments: { path: string; line: number; body: string }[] = c.body.comments ?? [];
    // One comment over the limit and GitHub refuses the whole review.
    if ((c.body.body ?? "").length > FAKE_LIMITS.body || comments.some((x) => x.body.length > FAKE_LIMITS.body)) {
      return validationFailed("PullRequestReviewComment", "body", `body is too long (maximum is ${FAKE_LIMITS.body} characters)`);
    }
    for (const x of comments) pull.reviewComments.push({ ...x, bot: true, threadId: `PRRT_${newId()}`, resolved: false });
    return [200, { id: newId(), state: "COMMENTED" }];
  },

  "repos/check-collaborator": ({ repo, params }) => {
    const permission = repo.collaborators.get(params.username!);
    return permission && permission !== "none" ? [204, ""] : notFound;
  },

  "repos/get-collaborator-permission-level": ({ repo, params }) => {
    const permission = repo.collaborators.get(params.username!) ?? "none";
    return [200, { permission, role_name: permission, user: { login: params.username, type: "User" } }];
  },

  "issues/create-label": ({ repo, body }) => {
    if (characters(body.name) > FAKE_LIMITS.labelName) return tooLong("Label", "name", FAKE_LIMITS.labelName);
    if (characters(body.description) > FAKE_LIMITS.labelDescription) return tooLong("Label", "description", FAKE_LIMITS.labelDescription);
    if (repo.labels.some((l) => l.name.toLowerCase() === String(body.name).toLowerCase())) return labelExists;
    repo.labels.push({ name: body.name, color: body.color ?? "ededed", description: body.description ?? null });
    return [201, { name: body.name, color: body.color, description: body.description ?? null }];
  },

  "issues/list-for-repo": ({ repo, query }) => {
    const labels = (query.get("labels") ?? "").split(",").filter(Boolean);
    const wanted = query.get("state") ?? "open";
    const found = repo.issues.filter((i) => (wanted === "all" || i.state === wanted) && labels.every((l) => i.labels.includes(l)));
    return [200, found.map((i) => ({ number: i.number, title: i.title, body: i.body, state: i.state, labels: labelsJson(i.labels) }))];
  },

  "issues/create": ({ repo, body }) => {
    const refused = textRefused("Issue", body);
    if (refused) return refused;
    const issue: Issue = {
      number: Math.max(0, ...repo.issues.map((i) => i.number)) + 1,
      title: body.title,
      body: body.body ?? "",
      labels: body.labels ?? [],
      state: "open",
      comments: [],
    };
    repo.issues.push(issue);
    // GitHub creates the labels an issue is created with when the repository does not have them.
    for (const l of issue.labels) ensureLabel(repo, l);
    return [201, { number: issue.number, html_url: `https://github.com/${fullName(repo)}/issues/${issue.number}` }];
  },

  "issues/update": (c) => {
    const issue = issueOf(c);
    if (!issue) return notFound;
    const refused = textRefused("Issue", c.body, ["body"]);
    if (refused) return refused;
    for (const key of ["title", "body", "state", "labels"] as const) if (c.body[key] !== undefined) issue[key] = c.body[key];
    return [200, { number: issue.number }];
  },

  "issues/create-comment": (c) => {
    const holder = pullOf(c) ?? issueOf(c);
    if (!holder) return notFound;
    const text = String(c.body.body ?? "");
    if (text.length > FAKE_LIMITS.body) return tooLong("IssueComment", "body", FAKE_LIMITS.body);
    if ("beforeCommentCreate" in holder) holder.beforeCommentCreate?.();
    const comment: Comment = { id: newId(), body: text, created_at: now(), bot: true };
    holder.comments.push(comment);
    return [201, commentJson(comment)];
  },

  "issues/update-comment": ({ repo, params, body }) => {
    const found = findComment(repo, Number(params.comment_id));
    if (!found) return notFound;
    if (String(body.body).length > FAKE_LIMITS.body) return tooLong("IssueComment", "body", FAKE_LIMITS.body);
    found.comment.body = String(body.body);
    return [200, commentJson(found.comment)];
  },

  "issues/delete-comment": ({ repo, params }) => {
    const found = findComment(repo, Number(params.comment_id));
    if (!found) return notFound;
    found.list.splice(found.list.indexOf(found.comment), 1);
    return [204, ""];
  },

  "issues/add-labels": (c) => {
    const holder = pullOf(c) ?? issueOf(c);
    if (!holder) return notFound;
    for (const name of c.body.labels as string[]) {
      // GitHub creates a label it does not have yet.
      ensureLabel(c.repo, name);
      if (!holder.labels.some((l) => l.toLowerCase() === name.toLowerCase())) holder.labels.push(name);
    }
    return [200, labelsJson(holder.labels)];
  },

  "issues/remove-label": (c) => {
    const holder = pullOf(c) ?? issueOf(c);
    const index = holder?.labels.indexOf(c.params.name!) ?? -1;
    if (!holder || index < 0) return [404, { message: "Label does not exist" }];
    holder.labels.splice(index, 1);
    return [200, labelsJson(holder.labels)];
  },

  "checks/create": ({ repo, body }) => {
    const output = body.output as { title: string; summary: string; annotations?: Annotation[] };
    const refused = checkRunOutputRefused(output);
    if (refused) return refused;
    const run = {
      id: newId(),
      head_sha: body.head_sha,
      conclusion: body.conclusion,
      title: output.title,
      summary: output.summary,
      annotations: [...(output.annotations ?? [])],
      ...(body.external_id ? { external_id: body.external_id } : {}),
    };
    repo.checkRuns.push(run);
    return [201, { id: run.id, head_sha: run.head_sha, name: body.name, status: "completed", conclusion: run.conclusion }];
  },

  "checks/update": ({ repo, params, body }) => {
    const run = repo.checkRuns.find((r) => r.id === Number(params.check_run_id));
    if (!run) return notFound;
    const refused = body.output && checkRunOutputRefused(body.output);
    if (refused) return refused;
    run.annotations.push(...((body.output?.annotations ?? []) as Annotation[]));
    return [200, { id: run.id }];
  },
};
