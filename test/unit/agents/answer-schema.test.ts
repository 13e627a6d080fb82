import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerSchemaFor, strictJsonSchema } from "../../../src/agents/answer-schema.ts";
import { CoderAnswer } from "../../../src/agents/coder.ts";
import { DebuggerVerdict } from "../../../src/agents/debugger.ts";
import { EngineerAnswer } from "../../../src/agents/engineer.ts";
import { ReviewVerdict } from "../../../src/agents/reviewer.ts";
import { PlanAnswer } from "../../../src/plan/plan.ts";
import { strictSchemaViolation } from "../../../packages/sandbox/src/model/strict-schema-rules.ts";

describe("answer schemas for strict structured output", () => {
  it.each([
    ["planner", PlanAnswer],
    ["coder", CoderAnswer],
    ["debugger", DebuggerVerdict],
    ["reviewer", ReviewVerdict],
  ] as const)("sends the %s's answer schema, and it passes strict mode's rules", (role, schema) => {
    const sent = answerSchemaFor(role, schema);

    expect(sent?.name).toBe(`${role}_answer`);
    expect(strictSchemaViolation(sent?.schema ?? {})).toBeUndefined();
    expect(JSON.stringify(sent?.schema)).not.toMatch(/"oneOf"|"\$schema"|"minLength"|"maxLength"/);
  });

  it("keeps what guides the model: enums, task id patterns, the edit kinds as alternatives", () => {
    const plan = JSON.stringify(strictJsonSchema(PlanAnswer));
    const coder = JSON.stringify(strictJsonSchema(CoderAnswer));

    expect(plan).toContain('"pattern":"^[a-z][a-z0-9-]{0,30}$"');
    expect(plan).toContain('"enum":["low","medium","high"]');
    expect(plan).toContain('"enum":["feat","fix","docs","refactor","test","perf","build","ci","chore","style"]},{"type":"null"}');
    expect(coder).toContain('"anyOf"');
    expect(coder).toContain('"const":"modify"');
  });

  it("falls back to JSON mode for a union at the root, like the engineer's answer", () => {
    expect(answerSchemaFor("engineer", EngineerAnswer)).toBeUndefined();
  });

  it("falls back for an optional field, an open object or a record", () => {
    expect(strictJsonSchema(z.object({ a: z.string(), b: z.string().optional() }).strict())).toBeNull();
    expect(strictJsonSchema(z.looseObject({ a: z.string() }))).toBeNull();
    expect(strictJsonSchema(z.object({ a: z.record(z.string(), z.string()) }).strict())).toBeNull();
  });

  it("falls back for a schema JSON Schema cannot express", () => {
    expect(strictJsonSchema(z.object({ when: z.date() }).strict())).toBeNull();
  });
});
