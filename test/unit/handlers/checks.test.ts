import { describe, expect, it } from "vitest";
import type { CheckSuiteCompletedEvent, CheckSuiteRequestedEvent } from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const TASK_BRANCH = "foreman/7/mean";
const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

/** GitHub's `check_suite.completed` example, on `branch`. */
function completed(branch: string | null = TASK_BRANCH): CheckSuiteCompletedEvent {
  const payload = installed(example("check_suite", (candidate): candidate is CheckSuiteCompletedEvent => candidate.action === "completed"));
  return { ...payload, check_suite: { ...payload.check_suite, head_branch: branch } };
}

describe("check_suite.completed", () => {
  it("records a finished check suite on a task branch with its commit, keyed by the branch's issue", async () => {
    const { id, accepted } = await deliver("check_suite", completed());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "check_suite",
        action: "completed",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "checks_completed",
          ref: { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" },
          sha: HEAD_SHA,
          headBranch: TASK_BRANCH,
          suiteApp: null,
          deliveryId: id,
        },
      },
    ]);
  });

  it("names the app whose suite finished, so that Foreman's own verdicts are not taken for CI", async () => {
    const payload = completed();
    const ours = { ...payload, check_suite: { ...payload.check_suite, app: { ...payload.check_suite.app, slug: "foreman" } } };

    const { accepted } = await deliver("check_suite", ours);

    expect(accepted[0]?.intake).toMatchObject({ kind: "checks_completed", suiteApp: "foreman[bot]" });
  });

  it("records nothing for a suite on another branch, or on none", async () => {
    const results = [await deliver("check_suite", completed("changes")), await deliver("check_suite", completed(null))];

    expect(results.map((result) => result.accepted)).toEqual([[], []]);
  });

  it("records nothing when a suite is requested rather than completed", async () => {
    const requested = example("check_suite", (candidate): candidate is CheckSuiteRequestedEvent => candidate.action === "requested");
    const onTask = { ...requested, check_suite: { ...requested.check_suite, head_branch: TASK_BRANCH } };

    const { accepted } = await deliver("check_suite", onTask);

    expect(accepted).toEqual([]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("check_suite", notInstalled(completed()));

    expect(accepted).toEqual([]);
  });
});
