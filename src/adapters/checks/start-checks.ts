import type { Logger } from "pino";
import type { ChecksPort } from "../../ports/checks.ts";
import type { WorkspacePort } from "../../ports/workspace.ts";
import { HostChecks } from "./host-checks.ts";
import type { ChecksSettings } from "./settings.ts";

/** Local checks over the workspace, probed once; the log says whether they run sandboxed, unsandboxed or not at all, and why. */
export async function startLocalChecks(settings: ChecksSettings, workspace: WorkspacePort, log: Logger): Promise<ChecksPort> {
  const checks = new HostChecks({ settings, workspace, log });
  const availability = await checks.init();
  if (availability.available && availability.sandboxed) log.info({ dir: settings.dir }, "local checks run in the OS sandbox (bubblewrap)");
  else if (availability.available) {
    log.warn(
      { dir: settings.dir },
      "local checks run WITHOUT the OS sandbox (FOREMAN_CHECKS=unsandboxed): the repositories' commands can read what Foreman's host lets their uid read",
    );
  } else if (settings.mode === "off") log.info({ reason: availability.reason }, "local checks are off");
  else
    log.warn(
      { reason: availability.reason },
      "local checks are off; install what the reason names, or set FOREMAN_CHECKS=off to silence this",
    );
  return checks;
}
