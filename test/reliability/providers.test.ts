import { describe, expect, it } from "vitest";
import { loadProviders, ProvidersConfigError } from "../../src/adapters/model/providers.ts";
import { EnvError, parseEnv } from "../../src/env.ts";
import { APP_PRIVATE_KEY } from "../app-private-key.ts";

const env = { OPENAI_KEY: "sk-1", BACKUP_KEY: "sk-2" };
/** A provider that says nothing of its capabilities: JSON mode and native tool calls. */
const defaults = { structuredOutput: "json_object", toolCalling: true };
const noFile = (): string => {
  throw new Error("no file");
};

function problemsOf(json: string): string[] {
  try {
    loadProviders({ json }, env, noFile);
    return [];
  } catch (error) {
    return error instanceof ProvidersConfigError ? [...error.problems] : [String(error)];
  }
}

describe("model providers configuration", () => {
  it("reads the chain from FOREMAN_PROVIDERS as JSON, with each key from its variable", () => {
    const json = JSON.stringify([
      { name: "openai", baseUrl: "https://example.test/v1", apiKeyEnv: "OPENAI_KEY" },
      { name: "backup", baseUrl: "https://backup.test/v1", apiKeyEnv: "BACKUP_KEY", models: { default: "small", coder: "large" } },
    ]);

    const providers = loadProviders({ json }, env, noFile);

    expect(providers?.map((provider) => [provider.name, provider.apiKey, provider.models?.coder])).toEqual([
      ["openai", "sk-1", undefined],
      ["backup", "sk-2", "large"],
    ]);
  });

  it("reads the chain from a YAML file under `providers:`", () => {
    const yaml =
      "providers:\n  - name: local\n    baseUrl: http://127.0.0.1:8080/v1\n    apiKeyEnv: OPENAI_KEY\n    models: { planner: big }\n";

    const providers = loadProviders({ file: "/etc/foreman/providers.yml" }, env, () => yaml);

    expect(providers).toEqual([
      {
        name: "local",
        baseUrl: "http://127.0.0.1:8080/v1",
        apiKeyEnv: "OPENAI_KEY",
        apiKey: "sk-1",
        models: { planner: "big" },
        ...defaults,
      },
    ]);
  });

  it("reports every problem at once: a bad URL, an unknown role, a missing key variable", () => {
    const json = JSON.stringify([
      { name: "a", baseUrl: "not a url", apiKeyEnv: "OPENAI_KEY", models: { tester: "x" } },
      { name: "b", baseUrl: "https://b.test/v1", apiKeyEnv: "MISSING" },
    ]);

    const problems = problemsOf(json);

    expect(problems.some((problem) => problem.startsWith("0.baseUrl"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("0.models"))).toBe(true);
  });

  it("reads each provider's capabilities: strict JSON schemas, JSON mode or none, and whether it calls tools", () => {
    const json = JSON.stringify([
      { name: "strict", baseUrl: "https://a.test/v1", apiKeyEnv: "OPENAI_KEY", structuredOutput: "json_schema" },
      { name: "plain", baseUrl: "https://b.test/v1", apiKeyEnv: "BACKUP_KEY", structuredOutput: "none", toolCalling: false },
    ]);

    const providers = loadProviders({ json }, env, noFile);

    expect(providers?.map((provider) => [provider.name, provider.structuredOutput, provider.toolCalling])).toEqual([
      ["strict", "json_schema", true],
      ["plain", "none", false],
    ]);
  });

  it("refuses a capability it does not know, or a tool-calling flag that is not a boolean", () => {
    const json = JSON.stringify([
      { name: "a", baseUrl: "https://a.test/v1", apiKeyEnv: "OPENAI_KEY", structuredOutput: "json" },
      { name: "b", baseUrl: "https://b.test/v1", apiKeyEnv: "OPENAI_KEY", toolCalling: "yes" },
      { name: "c", baseUrl: "https://c.test/v1", apiKeyEnv: "OPENAI_KEY", functionCalling: true },
    ]);

    const problems = problemsOf(json);

    expect(problems.some((problem) => problem.startsWith("0.structuredOutput"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("1.toolCalling"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith("2") && problem.includes("functionCalling"))).toBe(true);
  });

  it("names the provider of a problem in the `providers:` form too", () => {
    const yaml =
      "providers:\n  - name: local\n    baseUrl: http://127.0.0.1:8080/v1\n    apiKeyEnv: OPENAI_KEY\n    toolCalling: sometimes\n";

    expect(() => loadProviders({ file: "/etc/foreman/providers.yml" }, env, () => yaml)).toThrow(/- providers\.0\.toolCalling: /);
  });

  it("says which provider's key variable is not set", () => {
    const json = JSON.stringify([{ name: "b", baseUrl: "https://b.test/v1", apiKeyEnv: "MISSING" }]);

    expect(() => loadProviders({ json }, env, noFile)).toThrow(/b: the variable MISSING is not set/);
  });

  it("falls back to one provider from FOREMAN_LLM_BASE_URL when no chain is configured", () => {
    const parsed = parseEnv({ APP_ID: "1", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "s", FOREMAN_LLM_API_KEY: "sk" }, noFile);

    expect(parsed.providers).toEqual([
      { name: "default", baseUrl: "https://api.openai.com/v1", apiKeyEnv: "FOREMAN_LLM_API_KEY", apiKey: "sk", ...defaults },
    ]);
    expect(parsed.FOREMAN_RECONCILE_SECONDS).toBe(300);
    expect(parsed.FOREMAN_LEASE_SECONDS).toBe(60);
  });

  it("needs no FOREMAN_LLM_API_KEY when a chain is configured", () => {
    const json = JSON.stringify([{ name: "a", baseUrl: "https://a.test/v1", apiKeyEnv: "OPENAI_KEY" }]);

    const parsed = parseEnv({ APP_ID: "1", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "s", FOREMAN_PROVIDERS: json, ...env }, noFile);

    expect(parsed.providers.map((provider) => provider.name)).toEqual(["a"]);
  });

  it("refuses to start without any model key", () => {
    expect(() => parseEnv({ APP_ID: "1", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "s" }, noFile)).toThrow(EnvError);
  });
});
