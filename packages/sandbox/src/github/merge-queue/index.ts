import type { SandboxCore } from "../core.ts";
import { MergeQueue } from "./merge-queue.ts";

export { MergeQueue } from "./merge-queue.ts";
export { EnqueueRejectedError, NO_MERGE_QUEUE_MESSAGE } from "./errors.ts";

/** The core's merge queue service, when it is the sandbox's `MergeQueue`. */
export function mergeQueueOf(core: SandboxCore): MergeQueue | null {
  return core.mergeQueue instanceof MergeQueue ? core.mergeQueue : null;
}
