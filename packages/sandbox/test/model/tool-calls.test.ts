import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import type { ScriptedAnswerInput } from "../../src/scenario/model-script.ts";
import { apiFailureOf, ask, startForTest } from "./model-server-harness.ts";
import { runToolLoop, TOOLS } from "./tool-loop.ts";

const CART = "export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n";
const REPOSITORY = { "src/cart.js": CART, "src/index.js": 'import { total } from "./cart.js";\n', "README.md": "# Shop\n" };
const EDITS = { summary: "Totals count quantities", edits: [{ path: "src/cart.js", action: "modify", replacements: [] }] };

/** A coder that searches, reads what the search found, and answers only once it has read the function. */
const LOOKING_CODER: ScriptedAnswerInput[] = [
  { id: "search", role: "coder", match: { turn: 0 }, toolCalls: [{ name: "search", arguments: { pattern: "function total" } }] },
  {
    id: "read",
    role: "coder",
    match: { toolResult: { tool: "search", contains: "src/cart.js:1:" } },
    toolCalls: [{ name: "read_file", arguments: { path: "src/cart.js" } }],
  },
  { id: "edit", role: "coder", match: { anyToolResult: { tool: "read_file", contains: "item.price" } }, content: EDITS },
];

describe("a scripted answer that calls tools", () => {
  it("is sent as OpenAI sends a tool call: finish_reason tool_calls, content null, calls with ids and JSON arguments", async () => {
    const { server, client } = await startForTest({
      script: { answers: [{ role: "coder", toolCalls: [{ name: "read_file", arguments: { path: "src/x.js" } }] }] },
    });

    const completion = await ask(client, { role: "coder", tools: TOOLS });

    const [choice] = completion.choices;
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      { id: "call_sandbox_1_1", type: "function", function: { name: "read_file", arguments: '{"path":"src/x.js"}' } },
    ]);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(server.requests()[0]).toMatchObject({
      status: 200,
      content: null,
      finishReason: "tool_calls",
      turn: 0,
      tools: ["read_file", "search", "list_files"],
      toolCalls: [{ id: "call_sandbox_1_1", name: "read_file", arguments: '{"path":"src/x.js"}' }],
    });
  });

  it("makes several calls with distinct ids, sends string arguments as they are, and may carry content too", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          {
            content: "Reading both.",
            toolCalls: [
              { name: "read_file", arguments: { path: "a.js" } },
              { name: "read_file", arguments: '{"path": "b.js"' },
            ],
          },
        ],
      },
    });

    const message = (await ask(client, { tools: TOOLS })).choices[0]?.message;

    expect(message?.content).toBe("Reading both.");
    expect(message?.tool_calls?.map((call) => (call.type === "function" ? [call.id, call.function.arguments] : []))).toEqual([
      ["call_sandbox_1_1", '{"path":"a.js"}'],
      ["call_sandbox_1_2", '{"path": "b.js"'],
    ]);
    expect(server.toolCalls().map((call) => [call.seq, call.role, call.name])).toEqual([
      [1, null, "read_file"],
      [1, null, "read_file"],
    ]);
  });
});

describe("a scripted conversation across turns", () => {
  it("searches, reads the file the search found, then answers with edits", async () => {
    const { server, client } = await startForTest({ script: { answers: LOOKING_CODER } });

    const result = await runToolLoop(client, { role: "coder", prompt: "Make totals count quantities.", files: REPOSITORY });

    expect(result.calls).toEqual(["search function total", "read_file src/cart.js"]);
    expect(JSON.parse(result.content ?? "")).toEqual(EDITS);
    expect(server.requests().map((request) => [request.turn, request.toolResults, request.answerId])).toEqual([
      [0, 0, "search"],
      [1, 1, "read"],
      [2, 2, "edit"],
    ]);
    expect(server.remaining()).toEqual([]);
  });

  it("finds no answer for a coder whose search found nothing: it never gets to read, so it never edits", async () => {
    const { server, client } = await startForTest({ script: { answers: LOOKING_CODER } });
    const elsewhere = { "src/basket.js": "export const sum = (xs) => xs.length;\n" };

    const error = await apiFailureOf(runToolLoop(client, { role: "coder", prompt: "Make totals count quantities.", files: elsewhere }));

    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(server.unmatched().map((request) => request.turn)).toEqual([1]);
    expect(server.remaining().map((answer) => answer.id)).toEqual(["read", "edit"]);
  });

  it("does not give the final answer when the file read does not hold the text it must have seen", async () => {
    const { server, client } = await startForTest({ script: { answers: LOOKING_CODER } });
    const stale = { ...REPOSITORY, "src/cart.js": "export function total(items) {\n  return 0;\n}\n" };

    await apiFailureOf(runToolLoop(client, { role: "coder", prompt: "Make totals count quantities.", files: stale }));

    expect(server.requests().map((request) => request.answerId)).toEqual(["search", "read", null]);
    expect(server.unmatched()).toHaveLength(1);
  });

  it("matches turn on the number of assistant messages in the request", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          { id: "again", match: { turn: 1 }, content: "second" },
          { id: "first", match: { turn: 0 }, content: "first" },
        ],
      },
    });

    const first = await ask(client, { prompt: "Plan it." });
    const second = await client.chat.completions.create({
      model: "m",
      messages: [
        { role: "user", content: "Plan it." },
        { role: "assistant", content: "first" },
        { role: "user", content: "That was not JSON; answer again." },
      ],
    });

    expect([first.choices[0]?.message.content, second.choices[0]?.message.content]).toEqual(["first", "second"]);
    expect(server.requests().map((request) => request.turn)).toEqual([0, 1]);
  });
});

describe("matching on tool results", () => {
  const twoReads: ScriptedAnswerInput[] = [
    { match: { turn: 0 }, toolCalls: [{ name: "read_file", arguments: { path: "a.js" } }] },
    { match: { turn: 1 }, toolCalls: [{ name: "read_file", arguments: { path: "b.js" } }] },
    { id: "latest-alpha", match: { toolResult: { contains: "alpha" } }, content: "latest" },
    { id: "any-alpha-and-beta", match: { anyToolResult: { contains: ["alpha", "beta"], regex: "^const b" } }, content: "any" },
  ];
  const files = { "a.js": "const a = 'alpha';\n", "b.js": "const b = 'beta';\n" };

  it("toolResult looks at the latest results only, anyToolResult at every result so far", async () => {
    const { server, client } = await startForTest({ script: { answers: twoReads } });

    const result = await runToolLoop(client, { role: "coder", prompt: "Read both.", files });

    expect(result).toEqual({ calls: ["read_file a.js", "read_file b.js"], content: "any" });
    expect(server.remaining().map((answer) => answer.id)).toEqual(["latest-alpha"]);
  });

  it("counts only the named tool's results, and needs at least one", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          { match: { turn: 0 }, toolCalls: [{ name: "list_files", arguments: { path: "." } }] },
          { id: "from-search", match: { anyToolResult: { tool: "search" } }, content: "searched" },
          { id: "from-list", match: { anyToolResult: { tool: "list_files", contains: "a.js" } }, content: "listed" },
        ],
      },
    });

    const result = await runToolLoop(client, { role: "coder", prompt: "Look around.", files });

    expect(result.content).toBe("listed");
    expect(server.remaining().map((answer) => answer.id)).toEqual(["from-search"]);
  });

  it("leaves content answers without tool matches exactly as they were matched before", async () => {
    const { client } = await startForTest({ script: { answers: [{ role: "planner", match: { contains: "Plan" }, content: "plan" }] } });

    const completion = await ask(client, { role: "planner", prompt: "Plan it." });

    expect(completion.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: "plan" } });
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
  });
});

describe("a tool call the request rules out", () => {
  const readFile = { name: "read_file", arguments: { path: "a.js" } };
  const readCall: ScriptedAnswerInput = { toolCalls: [readFile] };

  it("is not given when the request declares no tools, and the error says why", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ role: "coder", ...readCall }] } });

    const error = await apiFailureOf(ask(client, { role: "coder", model: "m" }));

    expect(error.message).toContain(
      "no scripted answer for role=coder model=m (answers[0] matched, but it calls read_file, and the request declares no function tools)",
    );
    expect(server.unmatched()).toHaveLength(1);
  });

  it("is skipped for a later answer the request allows", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          { id: "undeclared", toolCalls: [{ name: "delete_repo" }] },
          { id: "reads", ...readCall },
        ],
      },
    });

    const completion = await ask(client, { tools: TOOLS });

    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: "read_file" } });
    expect(server.requests()[0]?.answerId).toBe("reads");
    expect(server.remaining().map((answer) => answer.id)).toEqual(["undeclared"]);
  });

  it.each([
    ["tool_choice none", { tool_choice: "none" as const }, readCall, "does not allow it"],
    [
      "a named tool_choice",
      { tool_choice: { type: "function" as const, function: { name: "search" } } },
      readCall,
      "it calls read_file, and the request's tool_choice",
    ],
    ["parallel_tool_calls false", { parallel_tool_calls: false }, { toolCalls: [readFile, readFile] }, "makes 2 calls"],
    ["tool_choice required", { tool_choice: "required" as const }, { content: "no tools for me" }, "it calls no tool"],
  ])("is not given under %s", async (_name, body, answer, why) => {
    const { client } = await startForTest({ script: { answers: [answer] } });

    const error = await apiFailureOf(ask(client, { tools: TOOLS, ...body }));

    expect(error.status).toBe(500);
    expect(error.message).toContain(why);
  });
});

describe("model faults on a tool-call answer", () => {
  const calls: ScriptedAnswerInput = {
    toolCalls: [
      { name: "search", arguments: { pattern: "x" } },
      { name: "read_file", arguments: { path: "src/cart.js" } },
    ],
  };

  it("malformed_json breaks every call's arguments", async () => {
    const { client } = await startForTest({ script: { answers: [calls], faults: [{ kind: "malformed_json", content: '{"path": ' }] } });

    const message = (await ask(client, { tools: TOOLS })).choices[0]?.message;

    expect(message?.tool_calls?.map((call) => (call.type === "function" ? call.function.arguments : ""))).toEqual([
      '{"path": ',
      '{"path": ',
    ]);
  });

  it("truncated_json cuts the last call's arguments and ends with finish_reason length", async () => {
    const { server, client } = await startForTest({ script: { answers: [calls], faults: [{ kind: "truncated_json" }] } });

    const choice = (await ask(client, { tools: TOOLS })).choices[0];

    expect(choice?.finish_reason).toBe("length");
    expect(choice?.message.tool_calls?.map((call) => (call.type === "function" ? call.function.arguments : ""))).toEqual([
      '{"pattern":"x"}',
      '{"path":"sr',
    ]);
    expect(server.requests()[0]).toMatchObject({ fault: "truncated_json", finishReason: "length" });
  });
});
