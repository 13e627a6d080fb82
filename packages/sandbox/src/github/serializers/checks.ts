import type { CommitInfo } from "../git/types.ts";
import type { Annotation, CheckRun, CheckSuite, Repository, SandboxApp } from "../state/types.ts";
import { serializeApp } from "./issue.ts";
import { repositoryFullName, serializeRepository } from "./repository.ts";
import { repoApi, repoHtml, type Urls } from "./urls.ts";

/** What a check run's payload needs besides the run: its app, suite and matching pull requests. */
export interface CheckRunParts {
  app: SandboxApp;
  suite: CheckSuite;
  pulls: Array<Record<string, unknown>>;
  /** GitHub Actions runs link to their job page instead of `/runs/{id}`. */
  htmlUrl?: string;
}

export interface CheckSuiteParts {
  app: SandboxApp;
  pulls: Array<Record<string, unknown>>;
  headCommit: CommitInfo;
  latestRunCount: number;
}

/** Events GitHub leaves out of an app's `events` list (they are delivered to every app). */
const IMPLICIT_EVENTS = new Set([
  "installation",
  "installation_repositories",
  "installation_target",
  "meta",
  "security_advisory",
  "github_app_authorization",
]);

/** The `app` object of webhook payloads: no `client_id`, no implicit events. */
function webhookApp(urls: Urls, app: SandboxApp): Record<string, unknown> {
  const { client_id: _clientId, ...rest } = serializeApp(urls, app);
  return { ...rest, events: app.events.filter((event) => !IMPLICIT_EVENTS.has(event)) };
}

export function serializeSimpleCommit(commit: CommitInfo): Record<string, unknown> {
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

const checkRunUrl = (urls: Urls, repo: Repository, id: number): string => `${repoApi(urls, repositoryFullName(repo))}/check-runs/${id}`;
const checkSuiteUrl = (urls: Urls, repo: Repository, id: number): string => `${repoApi(urls, repositoryFullName(repo))}/check-suites/${id}`;

/** Check suites only know queued, in_progress and completed in webhook payloads. */
function webhookSuiteStatus(status: CheckSuite["status"]): string {
  return status === "in_progress" || status === "completed" ? status : "queued";
}

/** Fields a check run has in REST answers and webhook payloads alike. */
function checkRunCore(urls: Urls, repo: Repository, run: CheckRun, parts: CheckRunParts): Record<string, unknown> {
  const url = checkRunUrl(urls, repo, run.id);
  const htmlUrl = parts.htmlUrl ?? `${repoHtml(urls, repositoryFullName(repo))}/runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: run.nodeId,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: htmlUrl,
    details_url: run.detailsUrl ?? `${urls.html}/apps/${parts.app.slug}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    pull_requests: parts.pulls,
  };
}

export function serializeCheckRun(urls: Urls, repo: Repository, run: CheckRun, parts: CheckRunParts): Record<string, unknown> {
  return { ...checkRunCore(urls, repo, run, parts), check_suite: { id: run.suiteId }, app: serializeApp(urls, parts.app) };
}

export function checkRunWebhook(urls: Urls, repo: Repository, run: CheckRun, parts: CheckRunParts): Record<string, unknown> {
  const { suite } = parts;
  return {
    ...checkRunCore(urls, repo, run, parts),
    app: webhookApp(urls, parts.app),
    check_suite: {
      id: suite.id,
      node_id: suite.nodeId,
      head_branch: suite.headBranch,
      head_sha: suite.headSha,
      status: webhookSuiteStatus(suite.status),
      conclusion: suite.conclusion,
      url: checkSuiteUrl(urls, repo, suite.id),
      before: null,
      after: suite.headSha,
      pull_requests: parts.pulls,
      app: webhookApp(urls, parts.app),
      created_at: suite.createdAt,
      updated_at: suite.updatedAt,
    },
  };
}

function checkSuiteCore(urls: Urls, repo: Repository, suite: CheckSuite, parts: CheckSuiteParts): Record<string, unknown> {
  const url = checkSuiteUrl(urls, repo, suite.id);
  return {
    id: suite.id,
    node_id: suite.nodeId,
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url,
    before: null,
    after: suite.headSha,
    pull_requests: parts.pulls,
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    rerequestable: true,
    runs_rerequestable: true,
    latest_check_runs_count: parts.latestRunCount,
    check_runs_url: `${url}/check-runs`,
    head_commit: serializeSimpleCommit(parts.headCommit),
  };
}

export function serializeCheckSuite(
  urls: Urls,
  repo: Repository,
  suite: CheckSuite,
  parts: CheckSuiteParts,
  openIssues = 0,
): Record<string, unknown> {
  return {
    ...checkSuiteCore(urls, repo, suite, parts),
    app: serializeApp(urls, parts.app),
    repository: serializeRepository(urls, repo, openIssues),
  };
}

/** The `check_suite` of a webhook; `rerequested` payloads carry no `rerequestable` flags. */
export function checkSuiteWebhook(
  urls: Urls,
  repo: Repository,
  suite: CheckSuite,
  parts: CheckSuiteParts,
  action: string,
): Record<string, unknown> {
  const { rerequestable, runs_rerequestable, ...rest } = checkSuiteCore(urls, repo, suite, parts);
  const flags = action === "rerequested" ? {} : { rerequestable, runs_rerequestable };
  return { ...rest, ...flags, status: webhookSuiteStatus(suite.status), app: webhookApp(urls, parts.app) };
}

export function serializeAnnotation(urls: Urls, repo: Repository, run: CheckRun, annotation: Annotation): Record<string, unknown> {
  const blob = `${repoHtml(urls, repositoryFullName(repo))}/blob/${run.headSha}/${annotation.path}`;
  return {
    path: annotation.path,
    blob_href: blob,
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    start_column: null,
    end_column: null,
    annotation_level: annotation.level,
    title: annotation.title,
    message: annotation.message,
    raw_details: null,
  };
}
