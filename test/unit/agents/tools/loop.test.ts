import { describe, expect, it } from "vitest";
import { z } from "zod";
import { askWithTools, type ToolLoopRequest } from "../../../../src/agents/tools/loop.ts";
import { readTools } from "../../../../src/agents/tools/read-tools.ts";
import { MemoryRevision } from "./memory-revision.ts";
import { latestResults, ToolModel, toolResults } from "./tool-model.ts";

const Answer = z.object({ answer: z.string() }).strict();

function request(overrides: Partial<ToolLoopRequest<{ answer: string }>> = {}): ToolLoopRequest<{ answer: string }> {
  const revision = new MemoryRevision({ "src/add.js": "export const add = (a, b) => a + b;\n", "notes.md": "line\n".repeat(400) });
  return {
    role: "coder",
    model: "m",
    system: "system",
    user: "user",
    schema: Answer,
    tools: readTools({ revision, seen: new Set() }),
    limits: { maxTurns: 3, contextChars: 100_000, tokenBudget: 1_000_000 },
    ...overrides,
  };
}

describe("askWithTools", () => {
  it("runs the model's calls, gives it their results, and reads its JSON answer; tool calls are counted", async () => {
    const model = new ToolModel([
      {
        calls: [
          { name: "search", arguments: { regex: "add" } },
          { name: "read_file", arguments: { path: "src/add.js" } },
        ],
      },
      (sent) => ({ content: `Here it is: {"answer": "${latestResults(sent).length} results"}` }),
    ]);

    const result = await askWithTools(model, request());

    expect(result).toEqual({
      ok: true,
      value: { answer: "2 results" },
      // The test's model has no price: its tokens are counted as such, not as $0.
      usage: { promptTokens: 2000, completionTokens: 200, costUsd: 0, modelCalls: 2, toolCalls: 2, unpricedTokens: 2200 },
    });
    expect(model.requests[0]?.tools?.map((tool) => tool.name)).toEqual(["read_file", "list_files", "search", "finish"]);
    expect(model.requests[0]?.json).toBe(true);
    expect(toolResults(model.requests[1])[1]).toContain("export const add");
  });

  it("answers an unknown tool and malformed arguments with errors, then goes on", async () => {
    const model = new ToolModel([
      {
        calls: [
          { name: "rm_rf", arguments: {} },
          { name: "read_file", arguments: "{path: " },
          { name: "read_file", arguments: { from: 1 } },
        ],
      },
      { content: { answer: "ok" } },
    ]);

    const result = await askWithTools(model, request());

    expect(result.ok).toBe(true);
    const [unknown, malformed, missing] = toolResults(model.requests[1]);
    expect(unknown).toBe('Error: there is no tool "rm_rf"; the tools are: read_file, list_files, search');
    expect(malformed).toMatch(/^Error: read_file: the arguments are not a JSON object/);
    expect(missing).toMatch(/^Error: read_file was called with bad arguments: path:/);
  });

  it("takes the answer from a call of `finish`", async () => {
    const model = new ToolModel([{ calls: [{ name: "finish", arguments: { answer: "done" } }] }]);

    const result = await askWithTools(model, request());

    expect(result.ok && result.value).toEqual({ answer: "done" });
    expect(model.requests[0]?.tools?.at(-1)?.parameters).toMatchObject({
      properties: { answer: { type: "string" } },
      required: ["answer"],
    });
  });

  it("tells the model what was wrong with an answer, once, and may let it look again before it answers", async () => {
    const model = new ToolModel([
      { content: { answer: 1 } },
      { calls: [{ name: "list_files", arguments: {} }] },
      { content: { answer: "fixed" } },
    ]);

    const result = await askWithTools(model, request());

    expect(result.ok && result.value).toEqual({ answer: "fixed" });
    expect(model.requests[1]?.messages.at(-1)?.content).toContain("Your previous answer could not be used. Problems:\n- answer:");
  });

  it("gives up after the repair round, with what was wrong with each answer", async () => {
    const model = new ToolModel([{ content: "no JSON" }, { calls: [{ name: "finish", arguments: { answer: 2 } }] }]);

    const result = await askWithTools(model, request({ check: () => ["never"] }));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.rounds.map((round) => round.kind)).toEqual(["not_json", "wrong_shape"]);
  });

  it("runs Foreman's own check on the answer, which may read the workspace", async () => {
    const model = new ToolModel([{ content: { answer: "first" } }, { content: { answer: "second" } }]);

    const result = await askWithTools(
      model,
      request({ check: async (value) => (value.answer === "first" ? await Promise.resolve(["say second"]) : []) }),
    );

    expect(result.ok && result.value).toEqual({ answer: "second" });
    expect(model.requests[1]?.messages.at(-1)?.content).toContain("- say second");
  });

  it("stops the tools after maxTurns, asks for the answer, and takes it", async () => {
    const call = { calls: [{ name: "list_files", arguments: {} }] };
    const model = new ToolModel([call, call, call, call, { content: { answer: "late" } }]);

    const result = await askWithTools(model, request());

    expect(result.ok && result.value).toEqual({ answer: "late" });
    expect(latestResults(model.requests[4])).toEqual([
      "Error: no more tool calls: the coder has used all its 3 turns (`agents.coder.maxTurns`). Answer now with the JSON object.",
    ]);
    expect(result.usage.toolCalls).toBe(3);
  });

  it("fails a model that goes on calling tools once its turns are spent", async () => {
    const call = { calls: [{ name: "list_files", arguments: {} }] };
    const model = new ToolModel([call, call, call]);

    const result = await askWithTools(model, request({ limits: { maxTurns: 1, contextChars: 100_000, tokenBudget: 1_000_000 } }));

    expect(result.ok === false && result.problems).toEqual(["the coder has used all its 1 turns (`agents.coder.maxTurns`)"]);
    expect(result.ok === false && result.rounds.at(-1)?.kind).toBe("no_answer");
    expect(model.requests).toHaveLength(3);
  });

  it("asks for the answer once the issue's token budget is spent", async () => {
    const model = new ToolModel([{ calls: [{ name: "list_files", arguments: {} }] }, { content: { answer: "cheap" } }]);

    const result = await askWithTools(model, request({ limits: { maxTurns: 10, contextChars: 100_000, tokenBudget: 500 } }));

    expect(result.ok).toBe(true);
    expect(latestResults(model.requests[1])[0]).toContain("the issue has spent its token budget (`limits.tokensPerIssue`)");
  });

  it("shortens old tool results once the conversation outgrows its budget, keeping the newest whole", async () => {
    const read = { calls: [{ name: "read_file", arguments: { path: "notes.md" } }] };
    const model = new ToolModel([read, read, { content: { answer: "ok" } }]);

    await askWithTools(model, request({ limits: { maxTurns: 5, contextChars: 3_000, tokenBudget: 1_000_000 } }));

    const [first, second] = toolResults(model.requests[2]);
    expect(first).toBe(
      "File `notes.md`, 400 lines:\n(shortened to keep the conversation within its budget: call the tool again to see it)",
    );
    expect(second).toContain("line\nline\n");
  });

  it("runs at most eight calls of one turn", async () => {
    const calls = Array.from({ length: 9 }, () => ({ name: "list_files", arguments: {} }));
    const model = new ToolModel([{ calls }, { content: { answer: "ok" } }]);

    const result = await askWithTools(model, request());

    expect(result.usage.toolCalls).toBe(8);
    expect(toolResults(model.requests[1]).at(-1)).toBe("Error: not run: at most 8 tool calls are run per turn.");
  });
});
