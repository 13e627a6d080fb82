import { describe, expect, it } from "vitest";
import { strictSchemaViolation } from "../../src/model/strict-schema-rules.ts";

const task = {
  type: "object",
  properties: { id: { type: "string" }, dependsOn: { type: "array", items: { type: "string" } } },
  required: ["id", "dependsOn"],
  additionalProperties: false,
};

describe("strictSchemaViolation", () => {
  it("accepts a schema whose objects are closed and list every property as required", () => {
    const plan = {
      type: "object",
      properties: { tasks: { type: "array", items: task } },
      required: ["tasks"],
      additionalProperties: false,
    };

    expect(strictSchemaViolation(plan)).toBeUndefined();
  });

  it("refuses a root that is not an object", () => {
    expect(strictSchemaViolation({ type: "array", items: task })).toBe(
      `schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`,
    );
  });

  it("finds an open object nested in an array item, with its context", () => {
    const { additionalProperties: _omitted, ...openTask } = task;
    const plan = {
      type: "object",
      properties: { tasks: { type: "array", items: openTask } },
      required: ["tasks"],
      additionalProperties: false,
    };

    expect(strictSchemaViolation(plan)).toBe(
      "In context=('properties', 'tasks', 'items'), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  it("finds an optional property inside $defs and anyOf", () => {
    const schema = {
      type: "object",
      properties: { step: { anyOf: [{ $ref: "#/$defs/step" }, { type: "null" }] } },
      required: ["step"],
      additionalProperties: false,
      $defs: {
        step: {
          type: "object",
          properties: { a: { type: "string" }, b: { type: "string" } },
          required: ["a"],
          additionalProperties: false,
        },
      },
    };

    expect(strictSchemaViolation(schema)).toBe(
      "In context=('$defs', 'step'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.",
    );
  });
});
