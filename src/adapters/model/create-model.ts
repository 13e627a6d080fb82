import type { Logger } from "pino";
import type { ModelPort } from "../../ports/model.ts";
import { ChainModel, DEFAULT_CHAIN_OPTIONS, type ChainOptions } from "./chain-model.ts";
import { OpenAiModel } from "./openai-model.ts";
import type { ResolvedProvider } from "./providers.ts";

export interface ModelSetup {
  providers: ResolvedProvider[];
  timeoutMs: number;
  log: Logger;
  chain?: Partial<ChainOptions>;
}

/** The model port: the provider chain, each provider through the openai client with its own retries off (the chain retries). */
export function createModel(setup: ModelSetup): ModelPort {
  const providers = setup.providers.map((provider) => ({
    name: provider.name,
    models: provider.models,
    port: new OpenAiModel({ baseUrl: provider.baseUrl, apiKey: provider.apiKey, timeoutMs: setup.timeoutMs, maxRetries: 0 }),
  }));
  return new ChainModel(providers, {
    ...DEFAULT_CHAIN_OPTIONS,
    ...setup.chain,
    onFailover: ({ from, error }) =>
      setup.log.warn({ provider: from, kind: error.kind, status: error.status, err: error }, "model provider failed; trying the next one"),
  });
}
