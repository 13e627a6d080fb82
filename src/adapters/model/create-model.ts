import type { Logger } from "pino";
import type { ModelPort } from "../../ports/model.ts";
import { BUILT_IN_PRICES, type PriceTable } from "../../agents/pricing.ts";
import { ChainModel, DEFAULT_CHAIN_OPTIONS, type ChainOptions, type ChainProvider } from "./chain-model.ts";
import { OpenAiModel } from "./openai-model.ts";
import { PricedModel } from "./priced-model.ts";
import { PromptedToolsModel } from "./prompted-tools.ts";
import type { ResolvedProvider } from "./providers.ts";

export interface ModelSetup {
  providers: ResolvedProvider[];
  timeoutMs: number;
  log: Logger;
  chain?: Partial<ChainOptions>;
  /** What each model costs; the built-in prices when not given. */
  prices?: PriceTable;
}

/** One provider as a port: the openai client with its own retries off (the chain retries), tools in the prompt if it has no tool calling. */
function providerPort(provider: ResolvedProvider, timeoutMs: number): ModelPort {
  const port = new OpenAiModel({
    baseUrl: provider.baseUrl,
    apiKey: provider.apiKey,
    timeoutMs,
    maxRetries: 0,
    structuredOutput: provider.structuredOutput,
    provider: { name: provider.name, keyVariable: provider.apiKeyEnv },
  });
  return provider.toolCalling ? port : new PromptedToolsModel(port);
}

/** The model port: the provider chain, each provider asked as its capabilities allow, each answer priced by `prices`. */
export function createModel(setup: ModelSetup): ModelPort {
  const providers = setup.providers.map((provider): ChainProvider => ({
    name: provider.name,
    models: provider.models,
    port: providerPort(provider, setup.timeoutMs),
  }));
  return new PricedModel(chainOf(providers, setup), setup.prices ?? BUILT_IN_PRICES);
}

function chainOf(providers: ChainProvider[], setup: ModelSetup): ModelPort {
  return new ChainModel(providers, {
    ...DEFAULT_CHAIN_OPTIONS,
    ...setup.chain,
    onFailover: ({ from, error }) =>
      setup.log.warn({ provider: from, kind: error.kind, status: error.status, err: error }, "model provider failed; trying the next one"),
  });
}
