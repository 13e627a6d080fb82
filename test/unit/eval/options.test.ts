import { describe, expect, it } from "vitest";
import { endpointFrom, EvalUsageError, parseCommand } from "../../../eval/harness/options.ts";

describe("npm run eval's options", () => {
  it("runs a real model by default, with Foreman's defaults for plan, tools and checks", () => {
    const command = parseCommand([]);
    expect(command).toMatchObject({ kind: "run", options: { agent: "model", plan: "auto", tools: true, checks: true, concurrency: 1 } });
  });

  it("reads ablations, filters and limits", () => {
    const command = parseCommand([
      "--agent",
      "oracle",
      "--plan",
      "single",
      "--tools",
      "off",
      "--instances",
      "py-*,js-word-stats",
      "--max-tokens",
      "50000",
    ]);
    expect(command).toMatchObject({
      kind: "run",
      options: { agent: "oracle", plan: "single", tools: false, instances: ["py-*", "js-word-stats"], "max-tokens": 50000 },
    });
  });

  it("says what is wrong with an option", () => {
    expect(() => parseCommand(["--plan", "many"])).toThrow(EvalUsageError);
    expect(() => parseCommand(["--concurrency", "0"])).toThrow(/concurrency/);
    expect(() => parseCommand(["--compare", "a"])).toThrow("--compare takes two reports");
    expect(() => parseCommand(["--import", "x.json"])).toThrow("--import needs --repos DIR");
  });

  it("with no endpoint set, says what to set", () => {
    expect(() => endpointFrom({})).toThrow(
      /set FOREMAN_LLM_BASE_URL .* FOREMAN_LLM_API_KEY and FOREMAN_DEFAULT_MODEL; or run a scripted reference agent with --agent oracle/,
    );
  });

  it("takes models by role from FOREMAN_EVAL_MODELS, and names a bad role", () => {
    const env = {
      FOREMAN_LLM_BASE_URL: "http://localhost:1/v1",
      FOREMAN_LLM_API_KEY: "k",
      FOREMAN_DEFAULT_MODEL: "m",
      FOREMAN_EVAL_MODELS: '{"coder": "c"}',
    };
    expect(endpointFrom(env)).toEqual({ baseUrl: "http://localhost:1/v1", apiKey: "k", model: "m", models: { coder: "c" } });
    expect(() => endpointFrom({ ...env, FOREMAN_EVAL_MODELS: '{"writer": "c"}' })).toThrow(/FOREMAN_EVAL_MODELS/);
  });
});
