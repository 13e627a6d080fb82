import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { apiFailureOf, ask, startForTest } from "./model-server-harness.ts";

const verdictSchema = {
  type: "object",
  properties: { verdict: { type: "string", enum: ["approve", "request_changes"] }, findings: { type: "array", items: { type: "string" } } },
  required: ["verdict", "findings"],
  additionalProperties: false,
};

function jsonSchema(schema: Record<string, unknown>, strict = true): OpenAI.ResponseFormatJSONSchema {
  return { type: "json_schema", json_schema: { name: "verdict", schema, strict } };
}

describe("model server response_format", () => {
  it("returns content that is not JSON as scripted, and records that it is not", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "Sure! {plan: yes" }] } });

    const completion = await ask(client, { response_format: { type: "json_object" } });

    expect(completion.choices[0]?.message.content).toBe("Sure! {plan: yes");
    expect(server.requests()[0]?.jsonValid).toBe(false);
  });

  it("refuses json_object when no message mentions JSON, as OpenAI does", async () => {
    const { client } = await startForTest({ script: { answers: [{ content: "{}" }] } });

    const error = await apiFailureOf(
      client.chat.completions.create({
        model: "m",
        messages: [{ role: "user", content: "plan" }],
        response_format: { type: "json_object" },
      }),
    );

    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.param).toBe("messages");
  });

  it("records whether the content matches a strict json_schema", async () => {
    const { server, client } = await startForTest({
      script: { answers: [{ content: { verdict: "approve", findings: [] } }, { content: { verdict: "maybe", findings: [] } }] },
    });

    await ask(client, { response_format: jsonSchema(verdictSchema) });
    await ask(client, { response_format: jsonSchema(verdictSchema) });

    const [good, bad] = server.requests();
    expect(good).toMatchObject({ jsonValid: true, schemaValid: true });
    expect(bad).toMatchObject({
      jsonValid: true,
      schemaValid: false,
      schemaErrors: ["/verdict must be equal to one of the allowed values"],
    });
  });

  it("records invalid JSON under a strict json_schema as not matching", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "{" }] } });

    await ask(client, { response_format: jsonSchema(verdictSchema) });

    expect(server.requests()[0]).toMatchObject({ jsonValid: false, schemaValid: false });
  });

  it("checks only that the content is JSON for a json_schema without strict", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: { verdict: 3 } }] } });

    await ask(client, { response_format: jsonSchema({ type: "object" }, false) });

    expect(server.requests()[0]?.jsonValid).toBe(true);
    expect(server.requests()[0]?.schemaValid).toBeUndefined();
  });

  it("refuses a strict schema whose object allows extra properties, as OpenAI does", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "{}" }] } });
    const { additionalProperties: _omitted, ...loose } = verdictSchema;

    const error = await apiFailureOf(ask(client, { response_format: jsonSchema(loose) }));

    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.message).toContain("'additionalProperties' is required to be supplied and to be false");
    expect(server.remaining()).toHaveLength(1);
  });

  it("refuses a strict schema with an optional property, as OpenAI does", async () => {
    const { client } = await startForTest({ script: { answers: [{ content: "{}" }] } });

    const error = await apiFailureOf(ask(client, { response_format: jsonSchema({ ...verdictSchema, required: ["verdict"] }) }));

    expect(error.message).toContain("Missing 'findings'");
  });
});
