import type { Probot } from "probot";
import type { IntakeSink } from "./intake-sink.ts";

/** Where `installation.deleted` goes: the workflows of that installation end (see `src/reconcile/close-workflow.ts`). */
export interface InstallationSink {
  installationRemoved(input: { deliveryId: string; installationId: number; action: string }): boolean;
}

function isInstallationSink(sink: object): sink is InstallationSink {
  return "installationRemoved" in sink && typeof sink.installationRemoved === "function";
}

/** The app was uninstalled: its open workflows there can no longer act, so they are closed, not retried forever. */
export function onInstallation(app: Probot, sink: IntakeSink): void {
  if (!isInstallationSink(sink)) return;
  app.on("installation.deleted", (context) => {
    sink.installationRemoved({ deliveryId: context.id, installationId: context.payload.installation.id, action: context.payload.action });
  });
}
