import { describe, expect, it } from "vitest";
import type { PushEvent } from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const AFTER = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

/** GitHub's example of a push to the default branch (`master` in Codertocat/Hello-World). */
const toDefaultBranch = (): PushEvent =>
  installed(example("push", (candidate): candidate is PushEvent => candidate.ref === "refs/heads/master" && !candidate.deleted));

describe("push", () => {
  it("records a push to the default branch with the new head, keyed by the repository", async () => {
    const { id, accepted } = await deliver("push", toDefaultBranch());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "push",
        action: null,
        key: "codertocat/hello-world",
        intake: {
          kind: "base_moved",
          ref: { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" },
          branch: "master",
          sha: AFTER,
          deliveryId: id,
        },
      },
    ]);
  });

  it("records nothing for a push to another branch, a tag, or a deleted branch", async () => {
    const toTaskBranch = { ...toDefaultBranch(), ref: "refs/heads/foreman/7/mean" };
    const tag = installed(
      example("push", (candidate): candidate is PushEvent => candidate.ref.startsWith("refs/tags/") && !candidate.deleted),
    );
    const deleted = { ...toDefaultBranch(), deleted: true, after: "0000000000000000000000000000000000000000" };

    const results = [await deliver("push", toTaskBranch), await deliver("push", tag), await deliver("push", deleted)];

    expect(results.map((result) => result.accepted)).toEqual([[], [], []]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("push", notInstalled(toDefaultBranch()));

    expect(accepted).toEqual([]);
  });
});
