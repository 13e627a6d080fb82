import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { onTestFinished } from "vitest";
import { RepoConfig } from "../../src/config/index.ts";
import { decide } from "../../src/engine/decide.ts";
import type { EngineEvent } from "../../src/engine/events.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import { Plan } from "../../src/plan/index.ts";
import { GitHubCallError } from "../../src/ports/errors.ts";
import type {
  Actor,
  CheckSummary,
  CommentInfo,
  GitHubReads,
  IssueInfo,
  LabelEvent,
  PullRequestInfo,
  RepoReads,
} from "../../src/ports/github.ts";
import type { ReconcileDeps } from "../../src/reconcile/deps.ts";
import { statusMarker } from "../../src/render/index.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";

export const NOW = 1_800_000_000_000;
export const REF = { installationId: 5, owner: "acme", repo: "stats" };
const USAGE = { promptTokens: 1, completionTokens: 1, costUsd: 0, modelCalls: 1 };

const PLAN = Plan.parse({
  summary: "Two tasks.",
  tasks: ["mean", "median"].map((id) => ({
    id,
    title: `Add ${id}`,
    description: `Add ${id}.`,
    files: [{ path: `src/${id}.js`, action: "create" }],
    dependsOn: [],
    acceptanceCriteria: [`${id} works`],
    risk: "low",
  })),
});

function apply(state: WorkflowState | null, event: EngineEvent, at: number): WorkflowState {
  const decision = decide(state, event, at);
  if (!decision || decision.ignored) throw new Error(`fixture event ${event.type} was not applied: ${decision?.ignored ?? "no workflow"}`);
  return decision.state;
}

/** A workflow executing two tasks; `mean` is published as PR #11 with head `aaa…` and waits for CI. */
export function executingWorkflow(): WorkflowState {
  const config = RepoConfig.parse({ planApproval: "auto" });
  let state = apply(
    null,
    { type: "start", ref: REF, issue: 1, issueTitle: "Stats", requester: "maya", config, defaultBranch: "main" },
    NOW,
  );
  state = apply(state, { type: "engineer_done", outcome: { kind: "brief", brief: "Add mean and median." }, usage: USAGE }, NOW + 1);
  state = apply(state, { type: "plan_done", plan: PLAN, notes: [], usage: USAGE }, NOW + 2);
  state = apply(
    state,
    {
      type: "task_published",
      taskId: "mean",
      pr: 11,
      prNodeId: "PR_11",
      headSha: "a".repeat(40),
      risk: { level: "low", reasons: [] },
      usage: USAGE,
    },
    NOW + 3,
  );
  return { ...state, statusCommentId: 100 };
}

const notFound = (what: string): Promise<never> => Promise.reject(new GitHubCallError(`${what} not found`, 404, "not_found", null));
const notRead = (): Promise<never> => Promise.reject(new Error("the reconciler does not read this"));

/** An in-memory GitHub for the reconciler: one installation, one repository. */
export class FakeGitHub implements GitHubReads, RepoReads {
  readonly issues = new Map<number, IssueInfo>();
  readonly commentsOn = new Map<number, CommentInfo[]>();
  readonly pulls = new Map<number, PullRequestInfo>();
  readonly checkRuns = new Map<string, CheckSummary[]>();
  readonly labelers = new Map<number, Actor>();
  /** When the label was last added (NOW unless set). */
  readonly labelledAt = new Map<number, number>();
  /** `.github/foreman.yml` on the default branch. */
  config: string | null = null;
  /** The repository answers 404 (removed, or the app lost access), not only its issue. */
  repositoryGone = false;
  private nextId = 1000;

  installations(): Promise<number[]> {
    return Promise.resolve([REF.installationId]);
  }
  repositories(): Promise<Array<{ owner: string; repo: string }>> {
    return Promise.resolve([{ owner: REF.owner, repo: REF.repo }]);
  }
  forRepo(): Promise<RepoReads> {
    return Promise.resolve(this);
  }
  getIssue(number: number): Promise<IssueInfo> {
    const issue = this.issues.get(number);
    return issue ? Promise.resolve(issue) : notFound(`issue #${number}`);
  }
  listComments(issue: number): Promise<CommentInfo[]> {
    return Promise.resolve(this.commentsOn.get(issue) ?? []);
  }
  /** Node ids of comments edited within the second they were written, which the REST timestamps do not show. */
  readonly editedWithinTheSecond = new Set<string>();
  editedComments(nodeIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(nodeIds.filter((id) => this.editedWithinTheSecond.has(id))));
  }
  getPullRequest(number: number): Promise<PullRequestInfo> {
    const pull = this.pulls.get(number);
    return pull ? Promise.resolve(pull) : notFound(`pull request #${number}`);
  }
  checksFor(sha: string): Promise<CheckSummary[]> {
    return Promise.resolve(this.checkRuns.get(sha) ?? []);
  }
  commitParents = notRead;
  recentCommitTitles = notRead;
  commitAuthor(): Promise<string | null> {
    return Promise.resolve("ana");
  }
  openIssuesWithLabel(label: string): Promise<IssueInfo[]> {
    return Promise.resolve([...this.issues.values()].filter((issue) => issue.state === "open" && issue.labels.includes(label)));
  }
  labeledBy(issue: number): Promise<LabelEvent | null> {
    const by = this.labelers.get(issue);
    return Promise.resolve(by ? { by, at: this.labelledAt.get(issue) ?? NOW } : null);
  }
  readFile(ref: string, path: string): Promise<string | null> {
    return Promise.resolve(ref === "HEAD" && path === ".github/foreman.yml" ? this.config : null);
  }
  /** `.github/foreman.yml` in the owner's `.github` repository: the organisation's defaults. */
  organisationConfig: string | null = null;
  readRepositoryFile(repository: { owner: string; repo: string }, path: string): Promise<string | null> {
    const defaults = repository.owner === REF.owner && repository.repo === ".github" && path === ".github/foreman.yml";
    return Promise.resolve(defaults ? this.organisationConfig : null);
  }
  permissionOf = notRead;
  repository(): Promise<{ defaultBranch: string; headSha: string; mergeQueue: boolean }> {
    return this.repositoryGone
      ? notFound("repository")
      : Promise.resolve({ defaultBranch: "main", headSha: "0".repeat(40), mergeQueue: false });
  }
  listPullFiles = notRead;
  pullMergeable = notRead;
  mergeRequirements = notRead;
  compareCommits = notRead;
  requiredChecks = notRead;
  readFiles = notRead;
  listFiles = notRead;
  branchHead = notRead;
  failureEvidence = notRead;

  addComment(issue: number, author: string, body: string, at: number): CommentInfo {
    this.nextId += 1;
    const comment = {
      id: this.nextId,
      nodeId: `IC_${this.nextId}`,
      author,
      authorType: author.endsWith("[bot]") ? "Bot" : "User",
      body,
      createdAt: at,
      updatedAt: at,
    };
    this.commentsOn.set(issue, [...(this.commentsOn.get(issue) ?? []), comment]);
    return comment;
  }

  /** The app's status comment with the state's hidden snapshot, written at `at`. */
  addStatus(state: WorkflowState, at: number): CommentInfo {
    return this.addComment(state.issue, "foreman[bot]", `Status\n\n${statusMarker(state)}\n\n<!-- foreman:comment status -->`, at);
  }
}

/** Reconciler dependencies over a fresh store and a fake GitHub, cleaned up after the test. */
export function reconcileWorld(): { deps: ReconcileDeps; store: SqliteStore; github: FakeGitHub; woken: { count: number } } {
  const dir = mkdtempSync(join(tmpdir(), "foreman-reconcile-"));
  const store = new SqliteStore(join(dir, "foreman.db"), () => NOW + 10_000);
  const github = new FakeGitHub();
  const woken = { count: 0 };
  onTestFinished(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps: ReconcileDeps = {
    store,
    github,
    log: pino({ level: "silent" }),
    now: () => NOW + 10_000,
    botLogin: "foreman[bot]",
    notify: () => (woken.count += 1),
  };
  return { deps, store, github, woken };
}

export function openIssue(github: FakeGitHub, labels: string[] = ["foreman"]): void {
  github.issues.set(1, { number: 1, title: "Stats", body: "Add mean and median.", author: "maya", state: "open", labels });
}

export function openPull(github: FakeGitHub, number: number, headSha: string, overrides: Partial<PullRequestInfo> = {}): void {
  github.pulls.set(number, {
    number,
    nodeId: `PR_${number}`,
    state: "open",
    merged: false,
    mergeCommitSha: null,
    headSha,
    headRef: `foreman/1/mean`,
    baseRef: "main",
    body: `<!-- foreman:task {"v":1,"issue":1,"task":"mean","attempt":1} -->`,
    ...overrides,
  });
}

/** The engine events queued as jobs, in order. */
export function queuedEvents(store: SqliteStore): string[] {
  const events: string[] = [];
  for (let job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1); job; job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1)) {
    const payload = job.payload as { event?: { type: string }; kind?: string; body?: string; sender?: { login: string } };
    events.push(
      job.kind === "event"
        ? `event:${payload.event?.type ?? ""}`
        : job.kind === "intake"
          ? `intake:${payload.kind ?? ""}:${payload.sender?.login ?? ""}`
          : job.kind,
    );
    store.completeJob(job, "test");
  }
  return events;
}
