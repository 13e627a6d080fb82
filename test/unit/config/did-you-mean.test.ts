import { describe, expect, it } from "vitest";
import { closestKey, editDistance } from "../../../src/config/did-you-mean.ts";

describe("closestKey", () => {
  const keys = ["label", "planApproval", "maxParallelTasks", "models", "merge"];

  it.each([
    ["lable", "label"],
    ["Label", "label"],
    ["plan_approval", "planApproval"],
    ["maxParalelTasks", "maxParallelTasks"],
    ["model", "models"],
  ])("suggests %j for %j", (unknown, known) => {
    expect(closestKey(unknown, keys)).toBe(known);
  });

  it.each(["colour", "x", "mergeQueue"])("suggests nothing for %j", (unknown) => {
    expect(closestKey(unknown, keys)).toBeUndefined();
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["label", "lable", 1],
    ["kitten", "sitting", 3],
  ])("between %j and %j is %d", (first, second, distance) => {
    expect(editDistance(first, second)).toBe(distance);
  });
});
