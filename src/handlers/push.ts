import type { Probot } from "probot";
import { RepoKey } from "../domain/ids.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef } from "./payload.ts";

/** A push to the default branch may make open task pull requests conflict. */
export function onPush(app: Probot, sink: IntakeSink): void {
  app.on("push", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const branch = payload.ref.replace(/^refs\/heads\//, "");
    if (!ref || branch !== payload.repository.default_branch || payload.deleted) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: null,
      key: RepoKey.toString(ref),
      intake: { kind: "base_moved", ref, branch, sha: payload.after, deliveryId: context.id },
    });
  });
}
