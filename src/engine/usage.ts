import type { Usage } from "./types.ts";

export const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, costUsd: 0, modelCalls: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  const toolCalls = (a.toolCalls ?? 0) + (b.toolCalls ?? 0);
  const unpricedTokens = (a.unpricedTokens ?? 0) + (b.unpricedTokens ?? 0);
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: Math.round((a.costUsd + b.costUsd) * 1e6) / 1e6,
    modelCalls: a.modelCalls + b.modelCalls,
    ...(toolCalls > 0 ? { toolCalls } : {}),
    ...(unpricedTokens > 0 ? { unpricedTokens } : {}),
  };
}
