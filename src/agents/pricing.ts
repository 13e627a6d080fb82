import { z } from "zod";
import type { Usage } from "../engine/types.ts";
import type { ModelResponse } from "../ports/model.ts";

/** What a model costs, in US dollars per million tokens: `input` for the prompt, `output` for the completion. */
export const ModelPrice = z.strictObject({
  input: z.number().min(0).max(100_000),
  output: z.number().min(0).max(100_000),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/** Prices by model name. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** The prices Foreman knows without being told; the operator's table (`FOREMAN_MODEL_PRICES`) overrides and extends them. */
export const BUILT_IN_PRICES: PriceTable = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
};

/** A model's price: by its name, else by its name without a date suffix (`gpt-4o-2024-08-06` → `gpt-4o`); null when unknown. */
function priceOf(table: PriceTable, model: string): ModelPrice | null {
  return table[model] ?? table[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")] ?? null;
}

/** What one call cost in US dollars, or null when the model has no known price. */
export function callCost(table: PriceTable, model: string, promptTokens: number, completionTokens: number): number | null {
  const price = priceOf(table, model);
  return price === null ? null : (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}

/**
 * One call's usage. Its cost is the one the model port priced it at (`costUsd`, null for a model
 * without a price), or from the built-in prices when the port prices nothing. The tokens of a model
 * without a price count as `unpricedTokens`, never as a cost of $0.
 */
export function usageOf(
  response: Pick<ModelResponse, "model" | "promptTokens" | "completionTokens" | "costUsd">,
  requested: string,
): Usage {
  const { promptTokens, completionTokens } = response;
  const cost =
    response.costUsd !== undefined
      ? response.costUsd
      : callCost(BUILT_IN_PRICES, response.model || requested, promptTokens, completionTokens);
  if (cost !== null) return { promptTokens, completionTokens, costUsd: cost, modelCalls: 1 };
  return { promptTokens, completionTokens, costUsd: 0, modelCalls: 1, unpricedTokens: promptTokens + completionTokens };
}
