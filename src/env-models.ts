import { z } from "zod";
import { loadPrices, PricesConfigError } from "./adapters/model/model-prices.ts";
import type { PriceTable } from "./agents/pricing.ts";
import { modelAllowed, type OperatorLimits } from "./config/operator-limits.ts";
import { compileGlob, InvalidGlobError } from "./policy/glob.ts";

/** A model name or glob in `FOREMAN_ALLOWED_MODELS`; one that cannot be compiled is a problem at start. */
const ModelPattern = z.string().superRefine((pattern, context) => {
  try {
    compileGlob(pattern);
  } catch (error) {
    if (!(error instanceof InvalidGlobError)) throw error;
    context.addIssue({ code: "custom", message: `${JSON.stringify(pattern)}: ${error.reason}` });
  }
});

/** Models and money: the operator's prices, allowed models and ceilings on what one issue may spend. See docs/operations.md. */
export const MODEL_ENV = {
  /** Prices as JSON, `{"model": {"input": 0.5, "output": 1.5}}` in US dollars per million tokens; they override the built-in ones. */
  FOREMAN_MODEL_PRICES: z.string().optional(),
  /** A YAML or JSON file with the prices, instead of FOREMAN_MODEL_PRICES. */
  FOREMAN_MODEL_PRICES_FILE: z.string().optional(),
  /** The most one issue may cost, in US dollars; a repository's `limits.costPerIssueUsd` may be lower, never higher. */
  FOREMAN_MAX_COST_PER_ISSUE_USD: z.coerce.number().positive().max(1_000_000).optional(),
  /** The most tokens one issue may use; a repository's `limits.tokensPerIssue` may be lower, never higher. */
  FOREMAN_MAX_TOKENS_PER_ISSUE: z.coerce.number().int().min(1).max(1_000_000_000).optional(),
  /** Model names or globs, comma-separated, a repository may choose; all when unset. */
  FOREMAN_ALLOWED_MODELS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    )
    .pipe(z.array(ModelPattern)),
};

type ModelEnv = z.infer<z.ZodObject<typeof MODEL_ENV>> & { FOREMAN_DEFAULT_MODEL: string };

export interface ModelSettings {
  /** The built-in prices with the operator's over them. */
  prices: PriceTable;
  operatorLimits: OperatorLimits;
}

/** The prices and the operator's limits from the parsed variables; every problem is reported together. */
export function modelSettings(env: ModelEnv, readFile: (path: string) => string): { settings: ModelSettings; problems: string[] } {
  const operatorLimits: OperatorLimits = {
    allowedModels: env.FOREMAN_ALLOWED_MODELS,
    maxCostPerIssueUsd: env.FOREMAN_MAX_COST_PER_ISSUE_USD ?? null,
    maxTokensPerIssue: env.FOREMAN_MAX_TOKENS_PER_ISSUE ?? null,
  };
  const problems = modelAllowed(env.FOREMAN_DEFAULT_MODEL, operatorLimits.allowedModels)
    ? []
    : [
        `FOREMAN_DEFAULT_MODEL: ${JSON.stringify(env.FOREMAN_DEFAULT_MODEL)} is not in FOREMAN_ALLOWED_MODELS (${operatorLimits.allowedModels.join(", ")})`,
      ];
  try {
    const prices = loadPrices({ json: env.FOREMAN_MODEL_PRICES, file: env.FOREMAN_MODEL_PRICES_FILE }, readFile);
    return { settings: { prices, operatorLimits }, problems };
  } catch (error) {
    if (!(error instanceof PricesConfigError)) throw error;
    return { settings: { prices: {}, operatorLimits }, problems: [...problems, ...error.problems] };
  }
}
