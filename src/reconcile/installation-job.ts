import type { Logger } from "pino";
import type { Job, Store } from "../store/store.ts";
import { closeInstallation } from "./close-workflow.ts";

/** The worker's handler for `installation_removed`: closes the installation's open workflows. */
export function installationRemovedHandler(store: Store, now: () => number, log: Logger): (job: Job) => Promise<void> {
  return (job) => {
    const { installationId } = job.payload as { installationId: number };
    const closed = closeInstallation(store, installationId, now());
    log.warn({ installationId, workflows: closed }, "the app was uninstalled; closed its workflows there");
    return Promise.resolve();
  };
}
