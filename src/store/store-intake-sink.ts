import type { IntakeSink } from "../handlers/intake-sink.ts";
import { installationRemovedJob, intakeJob } from "./job-kinds.ts";
import type { DeliveryMark, Store } from "./store.ts";

export interface InstallationRemoved {
  deliveryId: string;
  installationId: number;
  action: string;
}

/** A comment fed in by the reconciler is not queued again; a label that arrived is never fed in by it. */
function markOf(input: Parameters<IntakeSink["accept"]>[0]): DeliveryMark | null {
  if (input.intake.kind === "issue_comment") return { kind: "comment", key: String(input.intake.commentId), gate: true };
  if (input.intake.kind === "issue_labeled") return { kind: "label", key: input.key, gate: false };
  return null;
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
    if (!this.store.acceptDelivery(delivery, intakeJob(input.key, input.intake), markOf(input))) return false;
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
