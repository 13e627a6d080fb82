import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CheckRunId, InstallationKey, JobKey, ReconcileDeliveryId, RepoKey, TaskKey, WorkflowId } from "../../../src/domain/ids.ts";

/** Lower-case names as `toString` writes them: GitHub owners (letters, digits, dashes) and repositories (also `.` and `_`). */
const owner = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,38}$/);
const repo = fc.stringMatching(/^[a-z0-9._-]{1,100}$/);
const issue = fc.integer({ min: 1, max: 10_000_000 });
const taskId = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const workflowId = fc.record({ owner, repo, issue }).map((parts) => WorkflowId.toString(parts));

describe("ids and keys round-trip", () => {
  it("parses every repository key it writes back to the same names", () => {
    fc.assert(
      fc.property(fc.record({ owner, repo }), (name) => {
        expect(RepoKey.parse(RepoKey.toString(name))).toEqual(name);
      }),
    );
  });

  it("parses every workflow id it writes back to the same repository and issue", () => {
    fc.assert(
      fc.property(fc.record({ owner, repo, issue }), (parts) => {
        expect(WorkflowId.parse(WorkflowId.toString(parts))).toEqual(parts);
      }),
    );
  });

  it("parses every task key it writes back to the same workflow and task", () => {
    fc.assert(
      fc.property(workflowId, taskId, (id, task) => {
        expect(TaskKey.parse(TaskKey.toString({ workflowId: id, taskId: task }))).toEqual({ workflowId: id, taskId: task });
      }),
    );
  });

  it("parses every check run id, installation key and reconcile delivery id it writes", () => {
    fc.assert(
      fc.property(
        workflowId,
        taskId,
        fc.constantFrom("head" as const, "merge_group" as const),
        fc.integer({ min: 1 }),
        (id, task, on, installation) => {
          expect(CheckRunId.parse(CheckRunId.toString({ workflowId: id, taskId: task, on }))).toEqual({ workflowId: id, taskId: task, on });
          expect(InstallationKey.parse(InstallationKey.toString(installation))).toBe(installation);
          expect(ReconcileDeliveryId.parse(ReconcileDeliveryId.toString({ what: "label", id }))).toEqual({ what: "label", id });
        },
      ),
    );
  });
});

describe("the formats keys were written in before this module", () => {
  it("formats a workflow id in lower case, as stored rows and job keys have it", () => {
    expect(WorkflowId.toString({ owner: "Acme", repo: "Calculator", issue: 12 })).toBe("acme/calculator#12");
    expect(RepoKey.toString({ owner: "Octo-Org", repo: "Todo.App" })).toBe("octo-org/todo.app");
  });

  it("writes the keys of tasks, check runs, installations and reconciled deliveries as before", () => {
    const id = "acme/calculator#12";

    expect(TaskKey.toString({ workflowId: id, taskId: "core" })).toBe("acme/calculator#12/core");
    expect(CheckRunId.toString({ workflowId: id, taskId: "core", on: "head" })).toBe("acme/calculator#12/core");
    expect(CheckRunId.toString({ workflowId: id, taskId: "core", on: "merge_group" })).toBe("acme/calculator#12/core/merge-group");
    expect(InstallationKey.toString(42)).toBe("installation:42");
    expect(ReconcileDeliveryId.toString({ what: "comment", id: "901" })).toBe("reconcile:comment:901");
  });
});

describe("JobKey.workflowOf", () => {
  it("names the workflow of its own key and of its tasks' keys", () => {
    expect(JobKey.workflowOf("acme/stats#1")).toBe("acme/stats#1");
    expect(JobKey.workflowOf("acme/stats#1/mean")).toBe("acme/stats#1");
  });

  it("names no workflow for a repository's or an installation's key, or for something else", () => {
    const keys = ["acme/stats", "installation:7", "acme/stats#1/mean/extra", "acme/stats#0", "w1", ""];

    expect(keys.map((key) => JobKey.workflowOf(key))).toEqual(keys.map(() => null));
  });
});

describe("parse refuses what toString never writes", () => {
  it("refuses keys with a missing part or a stray separator", () => {
    const refused = [
      WorkflowId.parse("acme/stats"),
      WorkflowId.parse("acme#1"),
      WorkflowId.parse("acme/stats#01"),
      TaskKey.parse("acme/stats#1/"),
      TaskKey.parse("acme/stats#1/core/more"),
      CheckRunId.parse("acme/stats#1"),
      InstallationKey.parse("installation:"),
      ReconcileDeliveryId.parse("delivery-1"),
    ];

    expect(refused).toEqual(refused.map(() => null));
  });
});
