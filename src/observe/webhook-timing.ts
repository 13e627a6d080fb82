import type { ServerResponse } from "node:http";
import type { ForemanMetrics } from "./metrics.ts";

/** Observes how long the webhook path takes to answer a delivery, from its arrival until the answer is sent. */
export function timeWebhookAck(metrics: ForemanMetrics, response: ServerResponse): void {
  const started = performance.now();
  response.once("finish", () => {
    metrics.webhookAck.observe({ status: String(response.statusCode) }, (performance.now() - started) / 1000);
  });
}
