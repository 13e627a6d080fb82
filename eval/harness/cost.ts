/**
 * What a run's model calls cost, from a price table: the operator's (`FOREMAN_MODEL_PRICES`, JSON
 * of `{ "<model>": { "input": <USD per million>, "output": <USD per million> } }`) over a few
 * built-in prices. A call to a model without a price makes the total unknown (null), never $0.
 */
import { z } from "zod";
import type { ModelCall } from "./model-calls.ts";

const Price = z.strictObject({ input: z.number().min(0), output: z.number().min(0) });
const PriceTable = z.record(z.string().min(1), Price);
export type PriceTable = z.infer<typeof PriceTable>;

const BUILT_IN: PriceTable = {
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
};

class PriceTableError extends Error {
  constructor(detail: string) {
    super(
      `FOREMAN_MODEL_PRICES is not a price table: ${detail}. Give JSON such as {"my-model": {"input": 0.5, "output": 1.5}} (USD per million tokens).`,
    );
    this.name = "PriceTableError";
  }
}

export function priceTable(text: string | undefined): PriceTable {
  if (text === undefined || text.trim() === "") return BUILT_IN;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PriceTableError((error as Error).message);
  }
  const parsed = PriceTable.safeParse(raw);
  if (!parsed.success) throw new PriceTableError(z.prettifyError(parsed.error));
  return { ...BUILT_IN, ...parsed.data };
}

/** The calls' cost in USD, or null when a call that used tokens has no price. Calls without tokens (scripted answers) cost nothing. */
export function costOf(calls: readonly ModelCall[], prices: PriceTable): number | null {
  let total = 0;
  for (const call of calls) {
    if (call.promptTokens + call.completionTokens === 0) continue;
    const price = call.model === null ? undefined : prices[call.model];
    if (!price) return null;
    total += (call.promptTokens * price.input + call.completionTokens * price.output) / 1_000_000;
  }
  return Math.round(total * 10_000) / 10_000;
}
