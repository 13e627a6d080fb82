import { describe, expect, it } from "vitest";
import { countWrites, kindOf } from "../../../../bench/writes/count.ts";

const write = (operationId: string, body?: unknown, status = 200) => ({ operationId, status, body });

describe("countWrites", () => {
  it("counts a commit through createCommitOnBranch as a commit, and a queued merge as a merge", () => {
    expect(
      kindOf(
        write("graphql", {
          query: "mutation Commit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }",
        }),
      ),
    ).toEqual({
      what: "commit",
      path: "task",
    });
    expect(kindOf(write("graphql", { query: "mutation { enqueuePullRequest(input: {}) { clientMutationId } }" }))).toEqual({
      what: "merge",
      path: "task",
    });
  });

  it("counts only writes GitHub took, by purpose and path, against the floor of the issue's tasks", () => {
    const writes = [
      write("issues/create-comment"),
      write("git/create-ref"),
      write("graphql", { query: "createCommitOnBranch" }),
      write("pulls/create"),
      write("checks/create"),
      write("checks/update"),
      write("pulls/merge"),
      write("pulls/merge", undefined, 405),
      write("issues/update-comment"),
      write("issues/update"),
    ];

    const counts = countWrites(writes, 1);

    expect(counts).toEqual({
      tasks: 1,
      writes: 9,
      byKind: { comment: 1, commit: 2, "pull request": 1, "check run": 2, merge: 1, "status comment edit": 1, "issue closed": 1 },
      byPath: { task: 6, issue: 3 },
      floor: 8,
      ratioToFloor: 1.13,
      writesPerTask: 9,
      tasksPerHourAt500: 55.56,
    });
  });
});
