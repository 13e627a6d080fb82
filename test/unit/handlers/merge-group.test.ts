import { describe, expect, it } from "vitest";
import type { MergeGroupChecksRequestedEvent } from "@octokit/webhooks-types";
import { example, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

/** GitHub's example, as recorded from an installed app (installation 1 on octo-org/octo-repo). */
const checksRequested = (): MergeGroupChecksRequestedEvent =>
  example("merge_group", (candidate): candidate is MergeGroupChecksRequestedEvent => candidate.action === "checks_requested");

describe("merge_group.checks_requested", () => {
  it("records the merge group's head commit and ref, keyed by the repository (a group may hold several issues' tasks)", async () => {
    const { id, accepted } = await deliver("merge_group", checksRequested());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "merge_group",
        action: "checks_requested",
        key: "octo-org/octo-repo",
        intake: {
          kind: "merge_group",
          ref: { installationId: 1, owner: "octo-org", repo: "octo-repo" },
          headSha: "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d",
          headRef: "refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64",
          deliveryId: id,
        },
      },
    ]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("merge_group", notInstalled(checksRequested()));

    expect(accepted).toEqual([]);
  });
});
