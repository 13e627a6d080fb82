import { describe, expect, it } from "vitest";
import type { Edit, EditPolicy } from "../../../src/agents/apply-edits.ts";
import { droppedLines, mergeTaskFiles, type FileVersions } from "../../../src/agents/merge-edits.ts";

const POLICY: EditPolicy = { taskFiles: ["README.md", "src/mean.js"], protectedPaths: [], maxChangedLines: 400 };

const README = "# stats\n\nSmall statistics helpers.\n\n- `sum(values)`: the sum.\n";
const WITH_MEAN = "# stats\n\nSmall statistics helpers.\n\n- `sum(values)`: the sum.\n- `mean(values)`: the mean.\n";
const WITH_MAX = "# stats\n\nSmall statistics helpers.\n\n- `sum(values)`: the sum.\n- `max(values)`: the max.\n";
const RETITLED = "# stats\n\nSmall statistics helpers for lists.\n\n- `sum(values)`: the sum.\n";

const addMean: Edit = {
  path: "README.md",
  action: "modify",
  replacements: [{ search: "- `sum(values)`: the sum.\n", replace: "- `sum(values)`: the sum.\n- `mean(values)`: the mean.\n" }],
};
const wholeReadme: Edit = { path: "README.md", action: "create", content: WITH_MEAN };

function mergeOne(versions: FileVersions, edits: Edit[] = []): ReturnType<typeof mergeTaskFiles> {
  return mergeTaskFiles(["README.md"], () => versions, edits, POLICY);
}

describe("mergeTaskFiles: the task's files merged with the moved base (G3)", () => {
  it("keeps the task's version of a file the base did not touch", () => {
    expect(mergeOne({ base: README, ours: WITH_MEAN, theirs: README })).toEqual({
      changes: [{ path: "README.md", content: WITH_MEAN }],
      conflicts: [],
    });
  });

  it("merges changes to different lines of a file, the base's line kept", () => {
    const merged = mergeOne({ base: README, ours: WITH_MEAN, theirs: RETITLED }, [wholeReadme]);

    expect(merged.conflicts).toEqual([]);
    expect(merged.changes[0]?.content).toBe(
      "# stats\n\nSmall statistics helpers for lists.\n\n- `sum(values)`: the sum.\n- `mean(values)`: the mean.\n",
    );
  });

  it("re-applies the task's own search/replace edit where both sides added lines in the same place", () => {
    const merged = mergeOne({ base: README, ours: WITH_MEAN, theirs: WITH_MAX }, [addMean]);

    expect(merged.conflicts).toEqual([]);
    expect(merged.changes[0]?.content).toContain("- `max(values)`: the max.");
    expect(merged.changes[0]?.content).toContain("- `mean(values)`: the mean.");
  });

  it("never writes a whole-file edit over a file the base changed in the same place: it is a conflict", () => {
    expect(mergeOne({ base: README, ours: WITH_MEAN, theirs: WITH_MAX }, [wholeReadme])).toEqual({ changes: [], conflicts: ["README.md"] });
  });

  it("does not re-apply edits that do not account for the task's version (a later fix changed the file too)", () => {
    const fixed = WITH_MEAN.replace("the mean", "the arithmetic mean");

    expect(mergeOne({ base: README, ours: fixed, theirs: WITH_MAX }, [addMean]).conflicts).toEqual(["README.md"]);
  });

  it("calls a file the task deleted and the base changed a conflict, and the other way round", () => {
    expect(mergeOne({ base: README, ours: null, theirs: WITH_MAX }).conflicts).toEqual(["README.md"]);
    expect(mergeOne({ base: README, ours: WITH_MEAN, theirs: null }).conflicts).toEqual(["README.md"]);
  });

  it("takes a file both sides created the same, and needs no change where the merge is the base's file", () => {
    expect(mergeOne({ base: null, ours: WITH_MEAN, theirs: WITH_MEAN })).toEqual({ changes: [], conflicts: [] });
    expect(mergeOne({ base: README, ours: README, theirs: WITH_MAX })).toEqual({ changes: [], conflicts: [] });
  });

  it("deletes a file the task deleted when the base left it alone", () => {
    expect(mergeOne({ base: README, ours: null, theirs: README })).toEqual({
      changes: [{ path: "README.md", content: null }],
      conflicts: [],
    });
  });
});

describe("droppedLines: what a rewrite of a conflicting file would undo on the base (G3)", () => {
  const versions: FileVersions = { base: README, ours: WITH_MEAN, theirs: WITH_MAX };

  it("names the line the base added that the rewrite leaves out", () => {
    expect(droppedLines(versions, WITH_MEAN)).toEqual(["- `max(values)`: the max."]);
  });

  it("finds nothing when the rewrite keeps the base's line, wherever it put it", () => {
    expect(droppedLines(versions, `${WITH_MAX}- \`mean(values)\`: the mean.\n`)).toEqual([]);
    expect(droppedLines(versions, `${WITH_MEAN}- \`max(values)\`: the max.\n`)).toEqual([]);
  });

  it("counts a deleted file as leaving out every line the base added, and ignores lines the base already had", () => {
    expect(droppedLines(versions, null)).toEqual(["- `max(values)`: the max."]);
    expect(droppedLines({ base: README, ours: WITH_MEAN, theirs: README }, WITH_MEAN)).toEqual([]);
  });
});
