import { describe, expect, it } from "vitest";
import type { StatusEvent } from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed } from "./examples.ts";
import { deliver } from "./receive.ts";

const TASK_BRANCH = "foreman/7/mean";

/** GitHub's `status` example in `state`, its commit heading `branches`. */
function status(state: StatusEvent["state"], branches: string[]): StatusEvent {
  const payload = installed(example("status", (candidate): candidate is StatusEvent => "sha" in candidate && "context" in candidate));
  return {
    ...payload,
    state,
    branches: branches.map((name) => ({ name, commit: { sha: payload.sha, url: "" }, protected: false })),
  };
}

describe("status", () => {
  it("records a finished commit status on a task branch's head as finished checks, keyed by the branch's issue", async () => {
    const payload = status("failure", ["main", TASK_BRANCH]);

    const { id, accepted } = await deliver("status", payload);

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "status",
        action: "failure",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "checks_completed",
          ref: { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" },
          sha: payload.sha,
          headBranch: TASK_BRANCH,
          suiteApp: null,
          deliveryId: id,
        },
      },
    ]);
  });

  it("records nothing for a pending status, or for a commit that heads no task branch", async () => {
    const results = [await deliver("status", status("pending", [TASK_BRANCH])), await deliver("status", status("success", ["main"]))];

    expect(results.map((result) => result.accepted)).toEqual([[], []]);
  });
});
