import { describe, expect, it } from "vitest";
import { z } from "zod";
import { usageOf } from "../../../src/agents/pricing.ts";
import { askStructured, type StructuredRequest } from "../../../src/agents/structured.ts";
import { addUsage } from "../../../src/engine/usage.ts";
import { FakeModel } from "./fake-model.ts";

/** One call's usage by the built-in prices, for a model port that prices nothing. */
const builtIn = (model: string, promptTokens: number, completionTokens: number) =>
  usageOf({ model, promptTokens, completionTokens }, model);

const Answer = z.object({ brief: z.string().min(1) }).strict();
type Answer = z.infer<typeof Answer>;

const request = (check?: (value: Answer) => string[]): StructuredRequest<Answer> => ({
  role: "engineer",
  model: "gpt-4o-mini",
  system: "You are the engineer.",
  user: "Scope this issue.",
  schema: Answer,
  ...(check ? { check } : {}),
});

describe("askStructured", () => {
  it("returns a valid first answer after one call, with its usage", async () => {
    const model = new FakeModel().answer({ brief: "Add sub." }, { promptTokens: 1000, completionTokens: 200 });

    const result = await askStructured(model, request());

    expect(result).toEqual({ ok: true, value: { brief: "Add sub." }, usage: builtIn("gpt-4o-mini", 1000, 200) });
    expect(model.requests).toEqual([
      {
        role: "engineer",
        model: "gpt-4o-mini",
        json: true,
        messages: [
          { role: "system", content: "You are the engineer." },
          { role: "user", content: "Scope this issue." },
        ],
        schema: {
          name: "engineer_answer",
          schema: { type: "object", properties: { brief: { type: "string" } }, required: ["brief"], additionalProperties: false },
        },
      },
    ]);
  });

  it("repairs invalid JSON in one more round that shows the answer and lists the problem", async () => {
    const model = new FakeModel().answer("Sure! The brief: add sub.").answer({ brief: "Add sub." });

    const result = await askStructured(model, request());

    expect(result).toMatchObject({ ok: true, value: { brief: "Add sub." } });
    expect(model.requests).toHaveLength(2);
    const repair = model.requests[1]?.messages ?? [];
    expect(repair.slice(0, 3)).toEqual([
      { role: "system", content: "You are the engineer." },
      { role: "user", content: "Scope this issue." },
      { role: "assistant", content: "Sure! The brief: add sub." },
    ]);
    expect(repair[3]?.role).toBe("user");
    expect(repair[3]?.content).toMatch(
      /^Your previous answer could not be used\. Problems:\n- the answer is not valid JSON \(it holds no JSON object\)\n/,
    );
  });

  it("names the path of a schema problem in the repair round", async () => {
    const model = new FakeModel().answer({ brief: "" }).answer({ brief: "Add sub." });

    await askStructured(model, request());

    expect(model.lastMessage(1)).toContain("- brief: ");
  });

  it("ignores a key the schema does not know, without a repair round", async () => {
    const model = new FakeModel().answer({ brief: "Add sub.", extra: true, notes: { why: "x" } });

    const result = await askStructured(model, request());

    expect(result).toMatchObject({ ok: true, value: { brief: "Add sub." } });
    expect(model.requests).toHaveLength(1);
  });

  it("still names a missing required field once unknown keys are left out", async () => {
    const model = new FakeModel().answer({ summary: "Add sub." }).answer({ brief: "Add sub." });

    await askStructured(model, request());

    expect(model.lastMessage(1)).toContain("- brief: ");
    expect(model.lastMessage(1)).not.toContain("summary");
  });

  it("uses an answer wrapped in prose and a ```json fence, with a slip in it, without a repair round", async () => {
    const model = new FakeModel().answer("Here is my answer.\n```json\n{'brief': 'Add sub.',}\n```\nHope this helps!");

    const result = await askStructured(model, request());

    expect(result).toMatchObject({ ok: true, value: { brief: "Add sub." } });
    expect(model.requests).toHaveLength(1);
  });

  it("tells the model plainly that a cut-off answer was cut off, and asks for a shorter one", async () => {
    const model = new FakeModel()
      .answer('```json\n{"brief": "Add sub, then explain at length', { finishReason: "length" })
      .answer({ brief: "Add sub." });

    const result = await askStructured(model, request());

    expect(result).toMatchObject({ ok: true, value: { brief: "Add sub." } });
    expect(model.lastMessage(1)).toMatch(/^Your previous answer was cut off: it reached the output length limit/);
    expect(model.lastMessage(1)).toContain("shorter JSON object");
    expect(model.lastMessage(1)).not.toContain("not valid JSON");
  });

  it("keeps a cut-off answer apart from an invalid one when it gives up", async () => {
    const model = new FakeModel().answer('{"brief": "Add', { finishReason: "length" }).answer("{", { finishReason: "length" });

    const result = await askStructured(model, request());

    expect(result.ok ? [] : result.rounds).toEqual([
      { kind: "cut_off", problems: ["the answer was cut off at the model's output limit before its JSON was complete"] },
      { kind: "cut_off", problems: ["the answer was cut off at the model's output limit before its JSON was complete"] },
    ]);
  });

  it("uses a complete object that came before the length limit", async () => {
    const model = new FakeModel().answer('{"brief": "Add sub."}\n\nSome notes that went on and', { finishReason: "length" });

    const result = await askStructured(model, request());

    expect(result).toMatchObject({ ok: true, value: { brief: "Add sub." } });
  });

  it("sends no answer schema when the schema cannot be a strict one", async () => {
    const Loose = z.object({ brief: z.string(), note: z.string().optional() }).strict();
    const model = new FakeModel().answer({ brief: "Add sub." });

    await askStructured(model, { ...request(), schema: Loose });

    expect(model.requests[0]).toMatchObject({ json: true, schema: undefined });
  });

  it("runs the extra check on a schema-valid answer and repairs with its problems", async () => {
    const model = new FakeModel().answer({ brief: "TODO" }).answer({ brief: "Add sub." });
    const check = (value: Answer): string[] => (value.brief === "TODO" ? ["the brief is a placeholder", "the brief names no file"] : []);

    const result = await askStructured(model, request(check));

    expect(result.ok).toBe(true);
    expect(model.lastMessage(1)).toContain("- the brief is a placeholder\n- the brief names no file\n");
  });

  it("gives up after two invalid answers with the last problems and the usage of both calls", async () => {
    const model = new FakeModel()
      .answer("not json", { promptTokens: 1000, completionTokens: 100 })
      .answer({ brief: 42 }, { promptTokens: 1500, completionTokens: 50 })
      .answer({ brief: "never asked for" });

    const result = await askStructured(model, request());

    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ problems: [expect.stringMatching(/^brief: /)] });
    expect(result.usage).toEqual(addUsage(builtIn("gpt-4o-mini", 1000, 100), builtIn("gpt-4o-mini", 1500, 50)));
    expect(result.usage).toMatchObject({ promptTokens: 2500, completionTokens: 150, modelCalls: 2 });
    expect(result.usage.costUsd).toBeCloseTo((2500 * 0.15 + 150 * 0.6) / 1_000_000, 9);
    expect(model.unused).toBe(1);
  });

  it("keeps what was wrong with each answer, oldest first, redacted", async () => {
    const token = `ghp_${"a1B2".repeat(9)}`;
    const check = (value: Answer): string[] => [`the brief quotes ${value.brief}`];
    const model = new FakeModel().answer(`No JSON today, @someone ${token}`).answer({ brief: `uses ${token}` });

    const result = await askStructured(model, request(check));

    expect(result.ok ? [] : result.rounds).toEqual([
      { kind: "not_json", problems: ["the answer is not valid JSON (it holds no JSON object)"] },
      { kind: "refused", problems: ["the brief quotes uses [REDACTED:github-token]"] },
    ]);
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it("tells an answer of the wrong shape from one that is not JSON", async () => {
    const model = new FakeModel().answer({ brief: 42 }).answer({ brief: "" });

    const result = await askStructured(model, request());

    expect(result.ok ? [] : result.rounds.map((round) => round.kind)).toEqual(["wrong_shape", "wrong_shape"]);
  });

  it("prices the call by the model the response names", async () => {
    const model = new FakeModel().answer(
      { brief: "Add sub." },
      { model: "gpt-4o-2024-08-06", promptTokens: 1_000_000, completionTokens: 1_000_000 },
    );

    const result = await askStructured(model, request());

    expect(result.usage.costUsd).toBe(12.5);
  });

  it("passes a model failure on to the caller", async () => {
    const model = new FakeModel();

    await expect(askStructured(model, request())).rejects.toThrow("no answer queued");
  });
});

describe("usageOf", () => {
  it("prices known models per million tokens", () => {
    expect(builtIn("gpt-4o-mini", 2_000_000, 1_000_000)).toEqual({
      promptTokens: 2_000_000,
      completionTokens: 1_000_000,
      costUsd: 0.9,
      modelCalls: 1,
    });
  });

  it("prices a dated snapshot as its model", () => {
    expect(builtIn("gpt-4.1-mini-2025-04-14", 1_000_000, 0).costUsd).toBe(0.4);
  });

  it("counts an unknown model's tokens as unpriced, never as a cost", () => {
    expect(builtIn("local-llama", 5000, 3000)).toEqual({
      promptTokens: 5000,
      completionTokens: 3000,
      costUsd: 0,
      modelCalls: 1,
      unpricedTokens: 8000,
    });
  });

  it("takes the cost the model port priced the call at, and its word that a model has no price", () => {
    const priced = usageOf({ model: "local-llama", promptTokens: 10, completionTokens: 5, costUsd: 0.25 }, "local-llama");
    const unknown = usageOf({ model: "gpt-4o", promptTokens: 10, completionTokens: 5, costUsd: null }, "gpt-4o");

    expect([priced.costUsd, priced.unpricedTokens]).toEqual([0.25, undefined]);
    expect([unknown.costUsd, unknown.unpricedTokens]).toEqual([0, 15]);
  });
});
