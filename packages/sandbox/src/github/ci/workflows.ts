import type { SandboxCore } from "../core.ts";
import type { WorkflowInfo, WorkflowRunParts } from "../serializers/actions.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Repository, WorkflowRun } from "../state/types.ts";
import { pullsByNumber } from "./payload-parts.ts";

export const WORKFLOW_NAME = "CI";
export const WORKFLOW_PATH = ".github/workflows/ci.yml";

/**
 * The workflow each repository's checks run as, and who asked for each run attempt: what a
 * workflow run's payload needs that the store does not keep.
 */
export class WorkflowRegistry {
  private readonly workflows = new Map<number, WorkflowInfo>();
  private readonly triggeringActors = new Map<number, Account>();
  private readonly core: SandboxCore;

  constructor(core: SandboxCore) {
    this.core = core;
  }

  workflowFor(repo: Repository): WorkflowInfo {
    const existing = this.workflows.get(repo.id);
    if (existing) return existing;
    const id = this.core.store.nextId();
    const workflow: WorkflowInfo = {
      id,
      nodeId: encodeNodeId("W", id),
      name: WORKFLOW_NAME,
      path: WORKFLOW_PATH,
      createdAt: repo.createdAt,
    };
    this.workflows.set(repo.id, workflow);
    return workflow;
  }

  setTriggeringActor(run: WorkflowRun, account: Account): void {
    this.triggeringActors.set(run.id, account);
  }

  /** Who the run is for: the pull request's author, the merge queue, or the repository owner. */
  actorOf(repo: Repository, run: WorkflowRun): Account {
    const { store } = this.core;
    if (run.event === "merge_group") return store.ensureAccount("github-merge-queue[bot]", "Bot");
    const first = run.pullNumbers[0];
    const issue = first === undefined ? undefined : store.issue(repo.id, first);
    return issue?.user ?? repo.owner;
  }

  async parts(repo: Repository, run: WorkflowRun): Promise<WorkflowRunParts> {
    const headCommit = await repo.git.getCommit(run.headSha);
    const first = run.pullNumbers[0];
    const pullTitle = run.event === "pull_request" && first !== undefined ? this.core.store.issue(repo.id, first)?.title : undefined;
    const actor = this.actorOf(repo, run);
    return {
      workflow: this.workflowFor(repo),
      headCommit,
      pulls: pullsByNumber(this.core, repo, run.pullNumbers),
      actor,
      triggeringActor: this.triggeringActors.get(run.id) ?? actor,
      displayTitle: pullTitle ?? headCommit.message.split("\n")[0] ?? "",
      openIssues: this.core.openIssueCount(repo),
    };
  }
}
