import type { Usage } from "../engine/types.ts";

/** USD per million tokens, input and output. Unknown models cost 0 and are reported as such. */
const PRICES: Record<string, { input: number; output: number }> = {
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
};

export function usageOf(model: string, promptTokens: number, completionTokens: number): Usage {
  const price = PRICES[model] ?? PRICES[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")] ?? { input: 0, output: 0 };
  const costUsd = (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
  return { promptTokens, completionTokens, costUsd, modelCalls: 1 };
}
