import type { IntakeSink } from "../handlers/intake-sink.ts";
import { installationRemovedJob, intakeJob } from "./job-kinds.ts";
import type { Store } from "./store.ts";

export interface InstallationRemoved {
  deliveryId: string;
  installationId: number;
  action: string;
}

/**
 * Records each delivery once and queues its intake, in one transaction; a replayed delivery id is
 * a no-op, and so is a comment the reconciler already fed in.
 */
export class StoreIntakeSink implements IntakeSink {
  private readonly store: Store;
  private readonly now: () => number;
  private readonly onQueued: () => void;

  constructor(store: Store, now: () => number, onQueued: () => void) {
    this.store = store;
    this.now = now;
    this.onQueued = onQueued;
  }

  accept(input: Parameters<IntakeSink["accept"]>[0]): boolean {
    const delivery = { id: input.deliveryId, event: input.event, action: input.action, receivedAt: this.now() };
    const job = intakeJob(input.key, input.intake);
    // A comment fed in by the reconciler is not queued again; a label that arrived is never fed in by it.
    const seen = input.intake.kind === "issue_comment" ? { kind: "comment" as const, key: String(input.intake.commentId) } : null;
    if (input.intake.kind === "issue_labeled") this.store.markSeen("label", input.key);
    if (!this.store.acceptDelivery(delivery, job, seen)) return false;
    this.onQueued();
    return true;
  }

  /** `installation.deleted`: the app lost access, so its workflows there end. */
  installationRemoved(input: InstallationRemoved): boolean {
    const delivery = { id: input.deliveryId, event: "installation", action: input.action, receivedAt: this.now() };
    if (!this.store.acceptDelivery(delivery, installationRemovedJob(input.installationId))) return false;
    this.onQueued();
    return true;
  }
}
