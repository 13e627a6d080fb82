import { callCost, type PriceTable } from "../../agents/pricing.ts";
import type { ModelPort, ModelRequest, ModelResponse } from "../../ports/model.ts";

/** The model port with each answer priced by the deployment's table: `costUsd` is null for a model without a price. */
export class PricedModel implements ModelPort {
  private readonly inner: ModelPort;
  private readonly prices: PriceTable;
  constructor(inner: ModelPort, prices: PriceTable) {
    this.inner = inner;
    this.prices = prices;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    const response = await this.inner.complete(request);
    const model = response.model || request.model;
    return { ...response, costUsd: callCost(this.prices, model, response.promptTokens, response.completionTokens) };
  }
}
