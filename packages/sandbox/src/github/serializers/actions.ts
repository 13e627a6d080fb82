import type { CommitInfo } from "../git/types.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Repository, WorkflowJob, WorkflowRun } from "../state/types.ts";
import { serializeSimpleCommit } from "./checks.ts";
import { repositoryFullName, serializeRepository } from "./repository.ts";
import { repoApi, repoHtml, type Urls } from "./urls.ts";
import { serializeUser } from "./user.ts";

/** The one workflow (`.github/workflows/ci.yml`) the sandbox runs a repository's checks with. */
export interface WorkflowInfo {
  id: number;
  nodeId: string;
  name: string;
  path: string;
  createdAt: string;
}

export interface WorkflowRunParts {
  workflow: WorkflowInfo;
  headCommit: CommitInfo;
  pulls: Array<Record<string, unknown>>;
  actor: Account;
  triggeringActor: Account;
  displayTitle: string;
  openIssues: number;
}

/** Keys of GitHub's `repository-lite` webhook object (a repository without counts and flags). */
const REPOSITORY_LITE_KEYS = [
  "archive_url",
  "assignees_url",
  "blobs_url",
  "branches_url",
  "collaborators_url",
  "comments_url",
  "commits_url",
  "compare_url",
  "contents_url",
  "contributors_url",
  "deployments_url",
  "description",
  "downloads_url",
  "events_url",
  "fork",
  "forks_url",
  "full_name",
  "git_commits_url",
  "git_refs_url",
  "git_tags_url",
  "hooks_url",
  "html_url",
  "id",
  "issue_comment_url",
  "issue_events_url",
  "issues_url",
  "keys_url",
  "labels_url",
  "languages_url",
  "merges_url",
  "milestones_url",
  "name",
  "node_id",
  "notifications_url",
  "owner",
  "private",
  "pulls_url",
  "releases_url",
  "stargazers_url",
  "statuses_url",
  "subscribers_url",
  "subscription_url",
  "tags_url",
  "teams_url",
  "trees_url",
  "url",
];

function repositoryLite(urls: Urls, repo: Repository): Record<string, unknown> {
  const full = serializeRepository(urls, repo);
  return Object.fromEntries(REPOSITORY_LITE_KEYS.map((key) => [key, full[key]]));
}

const workflowRunUrl = (urls: Urls, repo: Repository, runId: number): string =>
  `${repoApi(urls, repositoryFullName(repo))}/actions/runs/${runId}`;

export const jobHtmlUrl = (urls: Urls, repo: Repository, runId: number, jobId: number): string =>
  `${repoHtml(urls, repositoryFullName(repo))}/actions/runs/${runId}/job/${jobId}`;

/** When the current attempt started: its first job's start, or the run's creation. */
function runStartedAt(run: WorkflowRun): string {
  const starts = run.jobs.filter((job) => job.runAttempt === run.runAttempt).map((job) => job.startedAt);
  return starts.sort()[0] ?? run.createdAt;
}

/** Fields a workflow run has in REST answers and webhook payloads alike. */
function workflowRunCore(urls: Urls, repo: Repository, run: WorkflowRun, parts: WorkflowRunParts): Record<string, unknown> {
  const api = repoApi(urls, repositoryFullName(repo));
  const url = workflowRunUrl(urls, repo, run.id);
  return {
    id: run.id,
    name: run.name,
    node_id: run.nodeId,
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: encodeNodeId("CS", run.checkSuiteId),
    head_sha: run.headSha,
    path: run.path,
    display_title: parts.displayTitle,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: parts.workflow.id,
    url,
    html_url: `${repoHtml(urls, repositoryFullName(repo))}/actions/runs/${run.id}`,
    pull_requests: parts.pulls,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: serializeUser(urls, parts.actor),
    triggering_actor: serializeUser(urls, parts.triggeringActor),
    run_started_at: runStartedAt(run),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${url}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${api}/actions/workflows/${parts.workflow.id}`,
    head_commit: serializeSimpleCommit(parts.headCommit),
  };
}

export function serializeWorkflowRun(urls: Urls, repo: Repository, run: WorkflowRun, parts: WorkflowRunParts): Record<string, unknown> {
  const repository = serializeRepository(urls, repo, parts.openIssues);
  return {
    ...workflowRunCore(urls, repo, run, parts),
    head_branch: run.headBranch,
    repository,
    head_repository: repository,
    head_repository_id: repo.id,
  };
}

export function workflowRunWebhook(urls: Urls, repo: Repository, run: WorkflowRun, parts: WorkflowRunParts): Record<string, unknown> {
  const repository = repositoryLite(urls, repo);
  return { ...workflowRunCore(urls, repo, run, parts), head_branch: run.headBranch ?? "", repository, head_repository: repository };
}

/** The `workflow` object of `workflow_run` payloads. */
export function workflowWebhook(urls: Urls, repo: Repository, workflow: WorkflowInfo): Record<string, unknown> {
  const api = repoApi(urls, repositoryFullName(repo));
  const html = repoHtml(urls, repositoryFullName(repo));
  return {
    id: workflow.id,
    node_id: workflow.nodeId,
    name: workflow.name,
    path: workflow.path,
    state: "active",
    created_at: workflow.createdAt,
    updated_at: workflow.createdAt,
    url: `${api}/actions/workflows/${workflow.id}`,
    html_url: `${html}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${html}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

type StepStatus = "queued" | "in_progress" | "completed";

function step(name: string, number: number, status: StepStatus, conclusion: string | null, job: WorkflowJob): Record<string, unknown> {
  return {
    name,
    status,
    conclusion: status === "completed" ? conclusion : null,
    number,
    started_at: status === "queued" ? null : job.startedAt,
    completed_at: status === "completed" ? (job.completedAt ?? job.startedAt) : null,
  };
}

/** GitHub lists a job's steps; the sandbox's jobs have one command between set-up and clean-up. */
function jobSteps(job: WorkflowJob, command: string): Array<Record<string, unknown>> {
  const running = job.status === "in_progress";
  const done = job.status === "completed";
  return [
    step("Set up job", 1, job.status === "queued" ? "queued" : "completed", "success", job),
    step(`Run ${command}`, 2, done ? "completed" : running ? "in_progress" : "queued", job.conclusion, job),
    step("Complete job", 3, done ? "completed" : "queued", "success", job),
  ];
}

export function serializeJob(urls: Urls, repo: Repository, run: WorkflowRun, job: WorkflowJob, command: string): Record<string, unknown> {
  const api = repoApi(urls, repositoryFullName(repo));
  const assigned = job.status !== "queued";
  return {
    id: job.id,
    run_id: run.id,
    run_url: workflowRunUrl(urls, repo, run.id),
    run_attempt: job.runAttempt,
    node_id: job.nodeId,
    head_sha: run.headSha,
    url: `${api}/actions/jobs/${job.id}`,
    html_url: jobHtmlUrl(urls, repo, run.id, job.id),
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.startedAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: jobSteps(job, command),
    check_run_url: `${api}/check-runs/${job.checkRunId}`,
    labels: ["ubuntu-latest"],
    runner_id: assigned ? 1 : null,
    runner_name: assigned ? "sandbox-runner" : null,
    runner_group_id: assigned ? 1 : null,
    runner_group_name: assigned ? "Default" : null,
    workflow_name: run.name,
    head_branch: run.headBranch,
  };
}
