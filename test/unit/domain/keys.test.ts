import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkflowId } from "../../../src/domain/ids.ts";
import {
  DecisionKey,
  AcknowledgeKey,
  DeliveryWritesKey,
  EffectKey,
  TaskWorkKey,
  WriteKey,
  WritesRecordKey,
  type TaskWork,
  type WriteIdentity,
} from "../../../src/domain/keys.ts";

const workflowId = fc
  .record({
    owner: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,38}$/),
    repo: fc.stringMatching(/^[a-z0-9._-]{1,100}$/),
    issue: fc.integer({ min: 1, max: 10_000_000 }),
  })
  .map((parts) => WorkflowId.toString(parts));
const taskId = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const count = fc.nat({ max: 1_000_000 });
const markerKey = fc.string({ minLength: 1, maxLength: 60 });

const work: fc.Arbitrary<TaskWork> = fc.oneof(
  fc.record({ work: fc.constant("code" as const), attempt: count }),
  fc.record({ work: fc.constant("code" as const), attempt: count, run: count }),
  fc.record({ work: fc.constantFrom("review" as const, "debug" as const, "rebase" as const, "amend" as const), sha }),
  fc.record({ work: fc.constant("review" as const), sha, run: count }),
  fc.record({ work: fc.constant("revise" as const), sha, round: count }),
  fc.constant({ work: "edits" as const }),
);

const write: fc.Arbitrary<WriteIdentity> = fc.oneof(
  fc.record({ write: fc.constant("comment" as const), issue: count, key: markerKey }),
  fc.record({ write: fc.constant("reaction" as const), commentId: count, content: fc.constantFrom("+1", "-1", "confused", "eyes") }),
  fc.record({ write: fc.constant("close" as const), pr: count }),
  fc.record({ write: fc.constant("check" as const), externalId: fc.string({ minLength: 1 }), sha }),
  fc.record({ write: fc.constant("review" as const), pr: count, key: markerKey }),
  fc.record({ write: fc.constant("reply" as const), commentId: count, key: markerKey }),
);

describe("idempotency keys round-trip", () => {
  it("parses every decision key and effect key it writes", () => {
    fc.assert(
      fc.property(workflowId, count, count, fc.stringMatching(/^[a-z][a-z_]{0,20}$/), (id, version, index, type) => {
        const decision = DecisionKey.toString({ workflowId: id, version });

        expect(DecisionKey.parse(decision)).toEqual({ workflowId: id, version });
        expect(EffectKey.parse(EffectKey.toString({ decision, index, type }))).toEqual({ decision, index, type });
      }),
    );
  });

  it("parses every task work key it writes back to the same task and work", () => {
    fc.assert(
      fc.property(workflowId, taskId, work, (id, task, what) => {
        const parts = { workflowId: id, taskId: task, ...what };

        expect(TaskWorkKey.parse(TaskWorkKey.toString(parts))).toEqual(parts);
      }),
    );
  });

  it("parses every write key it writes back to the same write", () => {
    fc.assert(
      fc.property(write, (identity) => {
        expect(WriteKey.parse(WriteKey.toString(identity))).toEqual(identity);
      }),
    );
  });

  it("parses every delivery writes key, acknowledgement key and writes record key it writes", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (key) => {
        expect(DeliveryWritesKey.parse(DeliveryWritesKey.toString(key))).toBe(key);
        expect(AcknowledgeKey.parse(AcknowledgeKey.toString(key))).toBe(key);
        expect(WritesRecordKey.parse(WritesRecordKey.toString(key))).toBe(key);
      }),
    );
  });
});

describe("the formats results were recorded under before this module", () => {
  it("writes effect and task work keys exactly as before, so a job that runs again after an upgrade finds its result", () => {
    const id = "acme/calculator#12";

    expect(EffectKey.toString({ decision: DecisionKey.toString({ workflowId: id, version: 3 }), index: 1, type: "run_planner" })).toBe(
      "acme/calculator#12@3:1:run_planner",
    );
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "code", attempt: 2 })).toBe("acme/calculator#12/core#2:code");
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "code", attempt: 2, run: 1_700_000_000_000 })).toBe(
      "acme/calculator#12/core#2:code:1700000000000",
    );
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "debug", sha: "abc" })).toBe("acme/calculator#12/core@abc:debug");
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "revise", sha: "abc", round: 1 })).toBe(
      "acme/calculator#12/core@abc:revise:1",
    );
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "rebase", sha: "" })).toBe("acme/calculator#12/core@:rebase");
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "edits" })).toBe("acme/calculator#12/core:edits");
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "review", sha: "abc" })).toBe("acme/calculator#12/core@abc:review");
  });

  it("keys a review asked for again apart from the first, and a planner's amendment of a task's files by its commit", () => {
    const id = "acme/calculator#12";

    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "review", sha: "abc", run: 5 })).toBe(
      "acme/calculator#12/core@abc:review:5",
    );
    expect(TaskWorkKey.parse("acme/calculator#12/core@abc:review:5")).toEqual({
      workflowId: id,
      taskId: "core",
      work: "review",
      sha: "abc",
      run: 5,
    });
    expect(TaskWorkKey.toString({ workflowId: id, taskId: "core", work: "amend", sha: "abc" })).toBe("acme/calculator#12/core@abc:amend");
  });

  it("writes the keys of GitHub writes and their batches as the effect runner records them", () => {
    expect(WriteKey.toString({ write: "comment", issue: 7, key: "refused-42" })).toBe("comment:7:refused-42");
    expect(WriteKey.toString({ write: "check", externalId: "acme/calculator#12/core/merge-group", sha: "abc" })).toBe(
      "check:acme/calculator#12/core/merge-group@abc",
    );
    expect(WritesRecordKey.toString(DeliveryWritesKey.toString("d-1"))).toBe("writes:delivery:d-1");
  });
});

describe("parse refuses what toString never writes", () => {
  it("refuses keys with a missing part, a stray separator or an unknown kind", () => {
    const refused = [
      DecisionKey.parse("acme/stats#1@x"),
      DecisionKey.parse("acme/stats@1"),
      EffectKey.parse("acme/stats#1@2:x:update_status"),
      TaskWorkKey.parse("acme/stats#1/core:unknown"),
      TaskWorkKey.parse("acme/stats#1/core@abc:revise"),
      TaskWorkKey.parse("acme/stats#1:edits"),
      WriteKey.parse("comment:7:"),
      WriteKey.parse("close:seven"),
      WriteKey.parse("check:@abc"),
      WriteKey.parse("label:7:foreman"),
      DeliveryWritesKey.parse("writes:d-1"),
      AcknowledgeKey.parse("delivery:d-1"),
      WritesRecordKey.parse("writes:"),
    ];

    expect(refused).toEqual(refused.map(() => null));
  });
});
