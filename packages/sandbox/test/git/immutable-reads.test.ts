import { describe, expect, it } from "vitest";
import { AnswerMemory, isImmutableRead } from "../../src/github/git/immutable-reads.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);

describe("isImmutableRead", () => {
  it.each([
    [["rev-parse", "--verify", "--quiet", `${A}^{commit}`]],
    [["rev-parse", "--verify", `${A}^{tree}`]],
    [["diff-tree", "-r", "-z", A, B]],
    [["rev-list", "--left-right", "--count", `${A}...${B}`]],
    [["merge-base", "--is-ancestor", A, B]],
    [["merge-tree", "--write-tree", "-z", A, B]],
  ])("remembers %j: it names objects by full id alone", (args) => {
    expect(isImmutableRead(args)).toBe(true);
  });

  it.each([
    [["rev-parse", "--verify", "main^{commit}"]],
    [["for-each-ref", "--format=%(objectname)", "refs/"]],
    [["rev-parse", "--verify", `${A.slice(0, 7)}^{commit}`]],
    [["ls-tree", "-z", A, "--", "src/a.ts"]],
    [["update-ref", "refs/heads/main", A]],
    [["rev-parse", "--is-bare-repository"]],
  ])("never remembers %j: a ref, a short id, a path or a write", (args) => {
    expect(isImmutableRead(args)).toBe(false);
  });
});

describe("AnswerMemory", () => {
  it("forgets the oldest answer beyond its limit", () => {
    const memory = new AnswerMemory<number>(2);
    memory.set("a", 1);
    memory.set("b", 2);
    memory.set("c", 3);

    expect([memory.get("a"), memory.get("b"), memory.get("c")]).toEqual([undefined, 2, 3]);
  });
});
