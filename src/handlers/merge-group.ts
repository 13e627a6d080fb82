import type { Probot } from "probot";
import { RepoKey } from "../domain/ids.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef } from "./payload.ts";

/** GitHub asks every required check to run on a merge group; Foreman answers with its approval check. */
export function onMergeGroup(app: Probot, sink: IntakeSink): void {
  app.on("merge_group.checks_requested", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    if (!ref) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: RepoKey.toString(ref),
      intake: {
        kind: "merge_group",
        ref,
        headSha: payload.merge_group.head_sha,
        headRef: payload.merge_group.head_ref,
        deliveryId: context.id,
      },
    });
  });
}
