import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/scenario/index.ts";
import { startModelServer } from "../../src/model/index.ts";
import { apiFailureOf, ask, startForTest } from "./model-server-harness.ts";

describe("model server answers", () => {
  it("listens on 127.0.0.1 with a /v1 base URL", async () => {
    const { server } = await startForTest({ script: {} });

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it("serves scripted answers in order, each once", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "first" }, { content: "second" }] } });

    const first = await ask(client);
    const second = await ask(client);

    expect(first.choices[0]?.message.content).toBe("first");
    expect(second.choices[0]?.message.content).toBe("second");
    expect(server.remaining()).toEqual([]);
  });

  it("returns a standard chat.completion object", async () => {
    const { client } = await startForTest({ script: { answers: [{ content: "hello" }] } });

    const completion = await ask(client, { model: "gpt-test" });

    expect(completion).toMatchObject({
      id: "chatcmpl-sandbox-1",
      object: "chat.completion",
      model: "gpt-test",
      choices: [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: "stop" }],
    });
    expect(typeof completion.created).toBe("number");
  });

  it("picks the answer scripted for the role named in the x-foreman-role header", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          { role: "coder", content: "code" },
          { match: { role: "planner" }, content: "plan" },
        ],
      },
    });

    const plan = await ask(client, { role: "planner" });
    const code = await ask(client, { role: "coder" });

    expect([plan.choices[0]?.message.content, code.choices[0]?.message.content]).toEqual(["plan", "code"]);
    expect(server.requests().map((request) => [request.role, request.answerId])).toEqual([
      ["planner", "answers[1]"],
      ["coder", "answers[0]"],
    ]);
  });

  it("matches on text contained in any message, every item of a list", async () => {
    const { client } = await startForTest({
      script: {
        answers: [
          { role: "coder", match: { contains: ["task b", "attempt 2"] }, content: "b again" },
          { role: "coder", match: { contains: "task b" }, content: "b" },
          { role: "coder", match: { contains: "task a" }, content: "a" },
        ],
      },
    });

    const a = await ask(client, { role: "coder", prompt: "Implement task a." });
    const b = await ask(client, { role: "coder", prompt: "Implement task b." });

    expect([a.choices[0]?.message.content, b.choices[0]?.message.content]).toEqual(["a", "b"]);
  });

  it("matches on the model and on a regular expression", async () => {
    const { client } = await startForTest({
      script: { answers: [{ match: { model: "big", regex: "task [0-9]+" }, content: "numbered" }, { content: "other" }] },
    });

    const other = await ask(client, { model: "big", prompt: "task x" });
    const numbered = await ask(client, { model: "big", prompt: "task 42" });

    expect([other.choices[0]?.message.content, numbered.choices[0]?.message.content]).toEqual(["other", "numbered"]);
  });

  it("sends structured content as JSON text", async () => {
    const { client } = await startForTest({ script: { answers: [{ content: { verdict: "approve", findings: [] } }] } });

    const review = await ask(client, { response_format: { type: "json_object" } });

    expect(JSON.parse(review.choices[0]?.message.content ?? "")).toEqual({ verdict: "approve", findings: [] });
  });

  it("serves an answer `times` times, and forever with repeat or times: 0", async () => {
    const { server, client } = await startForTest({
      script: {
        answers: [
          { role: "coder", times: 2, content: "twice" },
          { role: "reviewer", repeat: true, content: "ok" },
          { role: "planner", times: 0, content: "p" },
        ],
      },
    });

    const contents = [];
    for (const role of ["coder", "coder", "reviewer", "reviewer", "reviewer"])
      contents.push((await ask(client, { role })).choices[0]?.message.content);

    expect(contents).toEqual(["twice", "twice", "ok", "ok", "ok"]);
    expect(server.remaining().map((answer) => answer.role)).toEqual(["planner"]);
  });

  it("returns the scripted usage, totalling it when no total is given", async () => {
    const { client } = await startForTest({
      script: { answers: [{ content: "x", usage: { prompt_tokens: 900, completion_tokens: 300 } }] },
    });

    const completion = await ask(client);

    expect(completion.usage).toEqual({ prompt_tokens: 900, completion_tokens: 300, total_tokens: 1200 });
  });

  it("estimates usage at one token per four characters when none is scripted", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "12345678" }] } });

    const completion = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "abcde" }] });

    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 });
    expect(server.requests()[0]?.usage).toEqual({ prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 });
  });

  it("takes answers added while running", async () => {
    const { server, client } = await startForTest({ script: {} });

    server.addAnswers([{ id: "late", role: "debugger", content: "fix" }]);
    const completion = await ask(client, { role: "debugger" });

    expect(completion.choices[0]?.message.content).toBe("fix");
    expect(server.requests()[0]?.answerId).toBe("late");
  });

  it("records each request with its role, model, messages, format, status and usage", async () => {
    const { server, client } = await startForTest({
      script: { answers: [{ id: "plan-1", content: "{}", usage: { prompt_tokens: 1, completion_tokens: 1 } }] },
    });

    await ask(client, { role: "planner", model: "m1", prompt: "Plan it", response_format: { type: "json_object" }, temperature: 0 });

    const [record] = server.requests();
    expect(record).toMatchObject({
      seq: 1,
      role: "planner",
      model: "m1",
      messages: [
        { role: "system", content: "You are a careful engineer. Answer in JSON." },
        { role: "user", content: "Plan it" },
      ],
      responseFormat: { type: "json_object" },
      status: 200,
      answerId: "plan-1",
      content: "{}",
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      fault: null,
      unmatched: false,
      jsonValid: true,
    });
    expect(record?.body).toMatchObject({ temperature: 0 });
    expect(Number.isNaN(Date.parse(record?.time ?? ""))).toBe(false);
  });
});

describe("model server without a matching answer", () => {
  it("answers 500 naming the role and model, records the request as unmatched, and asks not to retry", async () => {
    const { server } = await startForTest({ script: { answers: [{ role: "planner", content: "plan" }] } });
    const retrying = new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 2 });

    const error = await apiFailureOf(ask(retrying, { role: "coder", model: "m" }));

    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.message).toContain("no scripted answer for role=coder model=m");
    expect(server.unmatched()).toHaveLength(1);
    expect(server.unmatched()[0]).toMatchObject({ role: "coder", model: "m", status: 500, unmatched: true });
    expect(server.remaining()).toHaveLength(1);
  });
});

describe("model server models", () => {
  it("lists the declared models and refuses others", async () => {
    const { client } = await startForTest({ script: { models: ["small", "large"], answers: [{ content: "x" }] } });

    const models = await client.models.list();
    const refused = await apiFailureOf(ask(client, { model: "other" }));

    expect(models.data.map((model) => model.id)).toEqual(["small", "large"]);
    expect(refused).toBeInstanceOf(OpenAI.NotFoundError);
    expect(refused.code).toBe("model_not_found");
  });

  it("lists the models the answers name when none are declared", async () => {
    const { client } = await startForTest({
      script: {
        answers: [
          { match: { model: "a" }, content: "x" },
          { match: { model: "b" }, content: "y" },
        ],
      },
    });

    const models = await client.models.list();

    expect(models.data.map((model) => model.id)).toEqual(["a", "b"]);
  });

  it("lists sandbox-model by default and retrieves a model by id", async () => {
    const { client } = await startForTest({ script: {} });

    const models = await client.models.list();
    const model = await client.models.retrieve("sandbox-model");

    expect(models.data).toEqual([expect.objectContaining({ id: "sandbox-model", object: "model", owned_by: "sandbox" })]);
    expect(model.id).toBe("sandbox-model");
  });
});

describe("model server script", () => {
  it("rejects an invalid script with every problem", async () => {
    const error = await startModelServer({
      script: { answers: [{ role: "boss" as "coder", content: "x" }, { times: -1 }] },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems.map((problem) => problem.path.join("."))).toEqual([
      "answers.0.role",
      "answers.1.times",
      "answers.1.content",
    ]);
  });
});
