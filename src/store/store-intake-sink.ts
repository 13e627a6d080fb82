import type { IntakeSink } from "../handlers/intake-sink.ts";
import type { Store } from "./store.ts";

/** Records each delivery once and queues its intake; a replayed delivery id is a no-op. */
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
    const fresh = this.store.recordDelivery({ id: input.deliveryId, event: input.event, action: input.action, receivedAt: this.now() });
    if (!fresh) return false;
    this.store.enqueueJob({ kind: "intake", key: input.key, payload: input.intake });
    this.onQueued();
    return true;
  }
}
