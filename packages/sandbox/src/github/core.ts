import type { Logger } from "pino";
import type { RequestLog } from "./request-log.ts";
import type { SandboxStore } from "./state/store.ts";
import type { Account, PullRequest, Repository, SandboxApp } from "./state/types.ts";
import { serializeRepository } from "./serializers/repository.ts";
import { serializeUser } from "./serializers/user.ts";
import type { Urls } from "./serializers/urls.ts";
import type { WebhookDispatcher } from "./webhooks.ts";

/** What the CI service is asked to run: the repository's own checks on one commit. */
export interface CiRequest {
  repo: Repository;
  sha: string;
  event: "pull_request" | "merge_group" | "push";
  headBranch: string | null;
  pullNumbers: number[];
}

export interface CiResult {
  repoId: number;
  sha: string;
  event: CiRequest["event"];
  conclusion: "success" | "failure";
  workflowRunId: number;
}

export interface CiService {
  /** Starts the repository's checks on a commit; resolves when they have completed. */
  trigger(request: CiRequest): Promise<CiResult | null>;
  /** Called once per completed run, after its webhooks were sent. */
  onCompleted(listener: (result: CiResult) => void): void;
}

/**
 * The merge queue (and auto-merge) as the routes see it: told what changed, so required checks and
 * queue entries are re-evaluated.
 */
export interface MergeQueueService {
  /** Called when a branch moves, so queue entries built on the old base can be rebuilt. */
  baseMoved(repo: Repository, baseRef: string): void;
  /** A check run on `sha` was created or changed: a group's or a pull request's required checks may have decided. */
  checksChanged(repo: Repository, sha: string): void;
  /**
   * A pull request was closed, reopened, pushed to or reviewed: a queued entry whose pull request
   * closed or whose head moved is removed, and auto-merge looks again at what it waits for.
   */
  pullChanged(repo: Repository): void;
  isQueued(repo: Repository, pull: PullRequest): boolean;
  /** Removes a queued pull request by hand (`pull_request.dequeued` reason `MANUAL`). */
  dequeue(repo: Repository, pull: PullRequest, sender: Account): Promise<unknown>;
}

/** Events GitHub sends to every installed app without a subscription. */
const ALWAYS_DELIVERED = new Set(["installation", "installation_repositories"]);

/** Shared by every route: the state, addresses, the webhook sender and the background services. */
export class SandboxCore {
  ci: CiService | null = null;
  mergeQueue: MergeQueueService | null = null;
  private readonly background = new Set<Promise<unknown>>();

  readonly store: SandboxStore;
  readonly urls: Urls;
  readonly webhooks: WebhookDispatcher;
  readonly requestLog: RequestLog;
  readonly logger: Logger;
  constructor(store: SandboxStore, urls: Urls, webhooks: WebhookDispatcher, requestLog: RequestLog, logger: Logger) {
    this.store = store;
    this.urls = urls;
    this.webhooks = webhooks;
    this.requestLog = requestLog;
    this.logger = logger;
  }

  appsFor(repo: Repository): SandboxApp[] {
    const installation = this.store.installationFor(repo);
    const app = installation ? this.store.appFor(installation) : undefined;
    return app ? [app] : [];
  }

  /** Sends `event` to every app installed on the repository that subscribes to it. */
  emit(repo: Repository, event: string, sender: Account, payload: Record<string, unknown>): void {
    this.store.history.event(repo.id, event, sender, payload);
    const installation = this.store.installationFor(repo);
    if (!installation) return;
    for (const app of this.appsFor(repo)) {
      if (!ALWAYS_DELIVERED.has(event) && !app.events.includes(event)) continue;
      this.webhooks.send(app, event, {
        ...payload,
        repository: serializeRepository(this.urls, repo, this.openIssueCount(repo)),
        sender: serializeUser(this.urls, sender),
        installation: { id: installation.id, node_id: installation.nodeId },
      });
    }
  }

  openIssueCount(repo: Repository): number {
    return this.store.issuesOf(repo.id).filter((issue) => issue.state === "open").length;
  }

  /** Runs work after the response, keeping track of it so `settle()` can wait for it. */
  spawn(work: () => Promise<unknown>): void {
    const task = work().catch((error: unknown) => {
      this.logger.error({ err: error }, "sandbox background task failed");
    });
    this.background.add(task);
    void task.finally(() => this.background.delete(task));
  }

  /** How much background work (CI runs, merge-queue passes) is still in flight. */
  backgroundWork(): number {
    return this.background.size;
  }

  /** Resolves once background work (CI, merge queue) and webhook deliveries are done. */
  async settle(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
    this.webhooks.flushHeld();
    await this.webhooks.idle();
  }
}
