import type { CiResult, MergeQueueService, SandboxCore } from "../core.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, MergeQueueEntry, PullRequest, Repository } from "../state/types.ts";
import { evaluateAutoMerge } from "./auto-merge.ts";
import { disableAutoMerge, enableAutoMerge, type AutoMergeInput } from "./auto-merge-requests.ts";
import { requireEnqueueable } from "./enqueue-checks.ts";
import { EnqueueRejectedError } from "./errors.ts";
import { emitEnqueued } from "./events.ts";
import type { MergeGroup } from "./group.ts";
import { QueueBook } from "./queue-book.ts";
import { processQueue, removeEntry, type QueueContext } from "./queue-runner.ts";

export interface EnqueueOptions {
  expectedHeadOid: string | null;
  jump: boolean;
}

/**
 * GitHub's merge queue for repositories with `mergeQueue` on, on their default branch: entries are
 * tested in `gh-readonly-queue/...` groups built on the base and the groups ahead, and the base
 * fast-forwards to a group once the required checks passed on it. Each repository's queue is
 * processed serially in background work that `settle()` waits for.
 */
export class MergeQueue implements MergeQueueService {
  readonly book: QueueBook;
  private readonly core: SandboxCore;
  private readonly chains = new Map<number, Promise<void>>();
  private readonly pending = new Set<number>();
  private readonly autoMergeTimes = new Map<number, string>();
  private listening = false;

  constructor(core: SandboxCore) {
    this.core = core;
    this.book = new QueueBook(core.store);
  }

  baseMoved(repo: Repository, _baseRef: string): void {
    this.schedule(repo);
  }

  /** A check run changed on `sha`: a group's or a pull request's required checks may have decided. */
  checksChanged(repo: Repository, _sha: string): void {
    this.schedule(repo);
  }

  /** A pull request was closed, reopened or pushed to: its entry may have to leave the queue. */
  pullChanged(repo: Repository): void {
    this.schedule(repo);
  }

  isQueued(repo: Repository, pull: PullRequest): boolean {
    return this.book.entryFor(repo.id, pull.number) !== undefined;
  }

  entryOf(repo: Repository, pull: PullRequest): MergeQueueEntry | undefined {
    return this.book.entryFor(repo.id, pull.number);
  }

  groupOf(entry: MergeQueueEntry): MergeGroup | undefined {
    return this.book.groupOf(entry);
  }

  entries(repo: Repository): MergeQueueEntry[] {
    return this.book.ordered(repo.id, repo.defaultBranch);
  }

  position(entry: MergeQueueEntry): number {
    return this.book.position(entry);
  }

  /** Adds the pull request to its base's queue (returns the existing entry if it is queued already). */
  async enqueue(repo: Repository, pull: PullRequest, enqueuer: Account, options: EnqueueOptions): Promise<MergeQueueEntry> {
    const existing = this.book.entryFor(repo.id, pull.number);
    if (existing) return existing;
    await requireEnqueueable(this.core, repo, pull, options.expectedHeadOid);
    const raced = this.book.entryFor(repo.id, pull.number);
    if (raced) return raced;
    const { store } = this.core;
    const id = store.nextId();
    const entry: MergeQueueEntry = {
      repoId: repo.id,
      id,
      nodeId: encodeNodeId("MQE", id),
      pullNumber: pull.number,
      baseRef: pull.baseRef,
      headSha: pull.headSha,
      enqueuedAt: store.timestamp(),
      enqueuer,
      state: "QUEUED",
      groupSha: null,
      groupRef: null,
    };
    this.book.add(entry, options.jump);
    await emitEnqueued(this.core, repo, pull, enqueuer);
    this.schedule(repo);
    return entry;
  }

  /** Removes the pull request from the queue by hand (`pull_request.dequeued` reason `MANUAL`). */
  async dequeue(repo: Repository, pull: PullRequest, sender: Account): Promise<MergeQueueEntry> {
    const entry = this.book.entryFor(repo.id, pull.number);
    if (!entry) throw new EnqueueRejectedError("Pull request is not in the merge queue");
    await removeEntry(this.context(), repo, entry, "MANUAL", sender, "dequeued");
    this.schedule(repo);
    return entry;
  }

  /** Turns auto-merge on; the pull request merges (or joins the queue) once its required checks pass. */
  async enableAutoMerge(repo: Repository, pull: PullRequest, by: Account, input: AutoMergeInput): Promise<void> {
    await enableAutoMerge(this.core, repo, pull, by, input);
    this.autoMergeTimes.set(pull.id, this.core.store.timestamp());
    this.schedule(repo);
  }

  async disableAutoMerge(repo: Repository, pull: PullRequest, by: Account): Promise<void> {
    await disableAutoMerge(this.core, repo, pull, by);
    this.autoMergeTimes.delete(pull.id);
  }

  /** When auto-merge was last turned on, while it is on. */
  autoMergeEnabledAt(pull: PullRequest): string | null {
    return pull.autoMerge ? (this.autoMergeTimes.get(pull.id) ?? null) : null;
  }

  /** Queues one processing pass for the repository after the ones already queued. */
  schedule(repo: Repository): void {
    this.listen();
    if (this.pending.has(repo.id)) return;
    this.pending.add(repo.id);
    const previous = this.chains.get(repo.id) ?? Promise.resolve();
    const run = previous.then(async () => {
      this.pending.delete(repo.id);
      await processQueue(this.context(), repo);
      await evaluateAutoMerge(this.core, this, repo);
    });
    this.chains.set(
      repo.id,
      run.catch(() => undefined),
    );
    this.core.spawn(() => run);
  }

  private context(): QueueContext {
    return { core: this.core, book: this.book };
  }

  /** Subscribes to CI results once a CI service is there (it may be installed after the queue). */
  private listen(): void {
    const ci = this.core.ci;
    if (this.listening || !ci) return;
    this.listening = true;
    ci.onCompleted((result: CiResult) => {
      const repo = this.core.store.repositories.get(result.repoId);
      if (repo) this.schedule(repo);
    });
  }
}
