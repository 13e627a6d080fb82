import { usageOf } from "../agents/pricing.ts";
import type { ModelPort, ModelRequest, ModelResponse } from "../ports/model.ts";
import type { ForemanMetrics } from "./metrics.ts";

/**
 * The model port, counted: every call by role and model, its tokens and its cost (priced the way
 * the agents price it, by the model that answered). Calls inside the provider chain (retries,
 * fallbacks) are one call here.
 */
export class MeteredModel implements ModelPort {
  private readonly inner: ModelPort;
  private readonly metrics: ForemanMetrics;

  constructor(inner: ModelPort, metrics: ForemanMetrics) {
    this.inner = inner;
    this.metrics = metrics;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    const started = performance.now();
    const { role } = request;
    try {
      const response = await this.inner.complete(request);
      this.record(request, response);
      return response;
    } catch (error) {
      this.metrics.modelCalls.inc({ role, model: request.model, outcome: "error" });
      throw error;
    } finally {
      this.metrics.modelSeconds.observe({ role }, (performance.now() - started) / 1000);
    }
  }

  private record(request: ModelRequest, response: ModelResponse): void {
    const labels = { role: request.role, model: response.model || request.model };
    const usage = usageOf(response, request.model);
    this.metrics.modelCalls.inc({ ...labels, outcome: "ok" });
    this.metrics.modelTokens.inc({ ...labels, kind: "prompt" }, response.promptTokens);
    this.metrics.modelTokens.inc({ ...labels, kind: "completion" }, response.completionTokens);
    // A model without a price adds no cost (never $0 as a price): its tokens are counted above.
    if (usage.unpricedTokens === undefined) this.metrics.modelCost.inc(labels, usage.costUsd);
  }
}
