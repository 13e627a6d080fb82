import { describe, expect, it } from "vitest";
import { toJsonSchema } from "../../src/github/fidelity/schema-convert.ts";

describe("toJsonSchema", () => {
  it("turns nullable with a type into a type list with null", () => {
    const converted = toJsonSchema({ type: "string", nullable: true });

    expect(converted).toEqual({ type: ["string", "null"] });
  });

  it("adds null to the enum of a nullable enum", () => {
    const converted = toJsonSchema({ type: "string", enum: ["open", "closed"], nullable: true });

    expect(converted).toEqual({ type: ["string", "null"], enum: ["open", "closed", null] });
  });

  it("wraps a nullable schema without a type in anyOf with null", () => {
    const converted = toJsonSchema({ allOf: [{ type: "object" }], nullable: true });

    expect(converted).toEqual({ anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }] });
  });

  it("converts nested schemas but leaves a property named nullable alone", () => {
    const converted = toJsonSchema({
      type: "object",
      properties: { nullable: { type: "boolean" }, sha: { type: "string", nullable: true } },
    });

    expect(converted).toEqual({
      type: "object",
      properties: { nullable: { type: "boolean" }, sha: { type: ["string", "null"] } },
    });
  });

  it("relaxes oneOf to anyOf", () => {
    const converted = toJsonSchema({ oneOf: [{ type: "string" }, { type: "array" }] });

    expect(converted).toEqual({ anyOf: [{ type: "string" }, { type: "array" }] });
  });

  it("converts OpenAPI 3.0 boolean exclusive bounds", () => {
    const converted = toJsonSchema({ type: "integer", minimum: 0, exclusiveMinimum: true });

    expect(converted).toEqual({ type: "integer", exclusiveMinimum: 0 });
  });
});
