import { describe, expect, it } from "vitest";
import { OperatorActor } from "../../../src/domain/operator-actor.ts";

describe("OperatorActor", () => {
  it("round-trips an operator's name, and never takes a GitHub login for one", () => {
    expect(OperatorActor.parse(OperatorActor.toString("alice"))).toBe("alice");
    expect(OperatorActor.parse("alice")).toBeNull();
    expect(OperatorActor.parse("operator:")).toBeNull();
  });
});
