import type { Logger } from "pino";
import type { InstallationRemovedJob } from "../store/job-kinds.ts";
import type { Store } from "../store/store.ts";
import { closeInstallation } from "./close-workflow.ts";

/** Runs an `installation_removed` job: the app lost access, so the installation's open workflows close. */
export function closeRemovedInstallation(
  deps: { store: Store; now: () => number; log: Logger },
  job: InstallationRemovedJob,
): Promise<void> {
  const closed = closeInstallation(deps.store, job.installationId, deps.now());
  deps.log.warn({ installationId: job.installationId, workflows: closed }, "the app was uninstalled; closed its workflows there");
  return Promise.resolve();
}
