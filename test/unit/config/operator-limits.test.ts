import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelAllowed, operatorRules, withOperatorCeilings, type OperatorLimits } from "../../../src/config/operator-limits.ts";
import { parseRepoConfigYaml } from "../../../src/config/parse-repo-config-yaml.ts";
import { EnvError, parseEnv } from "../../../src/env.ts";
import { APP_PRIVATE_KEY } from "../../app-private-key.ts";

const BASE_ENV = { APP_ID: "1", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "s", FOREMAN_LLM_API_KEY: "sk" };
const noFile = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};

function envProblems(extra: Record<string, string>, readFile: (path: string) => string = noFile): string[] {
  try {
    parseEnv({ ...BASE_ENV, ...extra }, readFile);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

const limits = (overrides: Partial<OperatorLimits>): OperatorLimits => ({
  allowedModels: [],
  maxCostPerIssueUsd: null,
  maxTokensPerIssue: null,
  ...overrides,
});

describe("the operator's allowed models", () => {
  it("allows a model by its name or a glob, and every model when the list is empty", () => {
    expect(modelAllowed("gpt-4.1-mini", ["gpt-4o-mini", "gpt-4.1*"])).toBe(true);
    expect(modelAllowed("gpt-4o-mini", ["gpt-4o-mini"])).toBe(true);
    expect(modelAllowed("gpt-4o", ["gpt-4o-mini", "gpt-4.1*"])).toBe(false);
    expect(modelAllowed("anything", [])).toBe(true);
  });

  it("makes each model the repository names that is not allowed a problem at its line, naming the allowed list", () => {
    const text = "label: foreman\nmodels:\n  default: gpt-4o-mini\n  coder: gpt-4o\n  reviewer: o3\n";

    const result = parseRepoConfigYaml(text, operatorRules(limits({ allowedModels: ["gpt-4o-mini", "gpt-4.1*"] })));

    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "models.coder",
          message:
            'model "gpt-4o" is not allowed on this Foreman installation; choose one of: gpt-4o-mini, gpt-4.1* (the operator\'s FOREMAN_ALLOWED_MODELS)',
          line: 4,
          column: 3,
        },
        {
          path: "models.reviewer",
          message:
            'model "o3" is not allowed on this Foreman installation; choose one of: gpt-4o-mini, gpt-4.1* (the operator\'s FOREMAN_ALLOWED_MODELS)',
          line: 5,
          column: 3,
        },
      ],
    });
  });

  it("accepts a file that names no model, whatever the list", () => {
    const result = parseRepoConfigYaml("label: foreman\n", operatorRules(limits({ allowedModels: ["local-*"] })));

    expect(result.ok).toBe(true);
  });
});

describe("the operator's ceilings on a repository's budgets", () => {
  it("lowers budgets over the ceilings, defaults included, and keeps lower ones", () => {
    const high = parseRepoConfigYaml("limits:\n  tokensPerIssue: 900000\n  costPerIssueUsd: 1\n");
    const ceilings = limits({ maxTokensPerIssue: 250_000, maxCostPerIssueUsd: 2 });

    const capped = high.ok ? withOperatorCeilings(high.config, ceilings).limits : null;
    const defaults = parseRepoConfigYaml("");
    const cappedDefaults = defaults.ok ? withOperatorCeilings(defaults.config, ceilings).limits : null;

    expect(capped).toMatchObject({ tokensPerIssue: 250_000, costPerIssueUsd: 1 });
    expect(cappedDefaults).toMatchObject({ tokensPerIssue: 250_000, costPerIssueUsd: 2 });
  });

  it("changes nothing without ceilings", () => {
    const parsed = parseRepoConfigYaml("limits:\n  tokensPerIssue: 900000\n");

    expect(parsed.ok && withOperatorCeilings(parsed.config, limits({}))).toBe(parsed.ok && parsed.config);
  });
});

describe("the environment's models and money", () => {
  it("reads the ceilings and the allowed models, and keeps the built-in prices without a table", () => {
    const env = parseEnv(
      {
        ...BASE_ENV,
        FOREMAN_ALLOWED_MODELS: " gpt-4o-mini, local-* ,",
        FOREMAN_MAX_COST_PER_ISSUE_USD: "2.5",
        FOREMAN_MAX_TOKENS_PER_ISSUE: "100000",
      },
      noFile,
    );

    expect(env.operatorLimits).toEqual({ allowedModels: ["gpt-4o-mini", "local-*"], maxCostPerIssueUsd: 2.5, maxTokensPerIssue: 100_000 });
    expect(env.prices["gpt-4o-mini"]).toEqual({ input: 0.15, output: 0.6 });
    expect(env.FOREMAN_DEFAULT_MODEL).toBe("gpt-4o-mini");
  });

  it("overrides and extends the built-in prices with FOREMAN_MODEL_PRICES", () => {
    const json = JSON.stringify({ "gpt-4o-mini": { input: 0.1, output: 0.5 }, "local-llama": { input: 0, output: 0 } });

    const env = parseEnv({ ...BASE_ENV, FOREMAN_MODEL_PRICES: json }, noFile);

    expect([env.prices["gpt-4o-mini"], env.prices["local-llama"], env.prices["gpt-4o"]]).toEqual([
      { input: 0.1, output: 0.5 },
      { input: 0, output: 0 },
      { input: 2.5, output: 10 },
    ]);
  });

  it("reads the prices from a YAML file named by FOREMAN_MODEL_PRICES_FILE", () => {
    const dir = mkdtempSync(join(tmpdir(), "prices-"));
    const file = join(dir, "prices.yml");
    writeFileSync(file, "mistral-large:\n  input: 2\n  output: 6\n");

    const env = parseEnv({ ...BASE_ENV, FOREMAN_MODEL_PRICES_FILE: file }, (path) => readFileSync(path, "utf8"));

    expect(env.prices["mistral-large"]).toEqual({ input: 2, output: 6 });
  });

  it("names the variable and each bad entry of a price table", () => {
    const json = JSON.stringify({
      good: { input: 1, output: 2 },
      cheap: { input: -1, output: 2 },
      vague: { input: 1 },
      extra: { input: 1, output: 1, per: "k" },
    });

    expect(envProblems({ FOREMAN_MODEL_PRICES: json })).toEqual([
      'FOREMAN_MODEL_PRICES: entry "cheap".input: Too small: expected number to be >=0',
      'FOREMAN_MODEL_PRICES: entry "vague".output: Invalid input: expected number, received undefined',
      'FOREMAN_MODEL_PRICES: entry "extra": Unrecognized key: "per"',
    ]);
  });

  it("says what is wrong with a table that is not JSON, not a mapping, or a file that cannot be read", () => {
    expect(envProblems({ FOREMAN_MODEL_PRICES: "{ nope" })).toEqual([
      expect.stringMatching(/^FOREMAN_MODEL_PRICES: not valid JSON or YAML: /),
    ]);
    expect(envProblems({ FOREMAN_MODEL_PRICES: "[1, 2]" })).toEqual([
      'FOREMAN_MODEL_PRICES: must map each model name to its prices, e.g. {"my-model": {"input": 0.5, "output": 1.5}} (US dollars per million tokens)',
    ]);
    expect(envProblems({ FOREMAN_MODEL_PRICES_FILE: "/etc/foreman/prices.yml" })).toEqual([
      "FOREMAN_MODEL_PRICES_FILE (/etc/foreman/prices.yml): cannot be read: ENOENT: no such file, open '/etc/foreman/prices.yml'",
    ]);
  });

  it("refuses ceilings that are not positive, a glob that cannot be parsed, and a default model the list does not allow", () => {
    expect(
      envProblems({
        FOREMAN_MAX_COST_PER_ISSUE_USD: "0",
        FOREMAN_MAX_TOKENS_PER_ISSUE: "many",
        FOREMAN_ALLOWED_MODELS: "gpt-[4",
      }),
    ).toEqual([
      "FOREMAN_MAX_COST_PER_ISSUE_USD: Too small: expected number to be >0",
      "FOREMAN_MAX_TOKENS_PER_ISSUE: Invalid input: expected number, received NaN",
      expect.stringMatching(/^FOREMAN_ALLOWED_MODELS\.0: "gpt-\[4": /),
    ]);
    expect(envProblems({ FOREMAN_ALLOWED_MODELS: "local-*" })).toEqual([
      'FOREMAN_DEFAULT_MODEL: "gpt-4o-mini" is not in FOREMAN_ALLOWED_MODELS (local-*)',
    ]);
  });
});
