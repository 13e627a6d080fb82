import { setTimeout as sleep } from "node:timers/promises";
import type { AgentRole, ModelPort, ModelRequest, ModelResponse } from "../../ports/model.ts";
import { ModelCallError } from "../../ports/model-error.ts";
import type { ProviderModels } from "./providers.ts";

export interface ChainProvider {
  name: string;
  port: ModelPort;
  models?: ProviderModels | undefined;
}

export interface ChainOptions {
  /** Tries per provider for a failure that may pass (429, 5xx, timeout, dropped connection). */
  attemptsPerProvider: number;
  /** The first backoff; it doubles on each try, with jitter. */
  baseDelayMs: number;
  /** The longest wait in process; a provider that asks for more (`retry-after`) is left for the next one. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onFailover?: (info: { from: string; error: ModelCallError }) => void;
}

export const DEFAULT_CHAIN_OPTIONS: ChainOptions = { attemptsPerProvider: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

type Outcome = { ok: true; response: ModelResponse } | { ok: false; error: ModelCallError };

/** The model a provider is asked for this role: its own name for the role, its default, then the one requested. */
export function modelOn(models: ProviderModels | undefined, role: AgentRole, requested: string): string {
  return models?.[role] ?? models?.default ?? requested;
}

/**
 * A chain of model providers. Each is tried with jittered, bounded backoff on failures that may
 * pass (honouring `retry-after`); a spent budget (`insufficient_quota`) or any failure that
 * persists moves on to the next provider. When every provider failed, the error says why and is
 * retryable if any failure was, so the job waits and tries the chain again later.
 */
export class ChainModel implements ModelPort {
  private readonly providers: readonly ChainProvider[];
  private readonly options: ChainOptions;
  constructor(providers: readonly ChainProvider[], options: ChainOptions = DEFAULT_CHAIN_OPTIONS) {
    if (providers.length === 0) throw new RangeError("a model chain needs at least one provider");
    this.providers = providers;
    this.options = options;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    const failures: Array<{ provider: string; error: ModelCallError }> = [];
    for (const provider of this.providers) {
      const outcome = await this.tryProvider(provider, { ...request, model: modelOn(provider.models, request.role, request.model) });
      if (outcome.ok) return outcome.response;
      failures.push({ provider: provider.name, error: outcome.error });
      if (provider !== this.providers.at(-1)) this.options.onFailover?.({ from: provider.name, error: outcome.error });
    }
    throw exhausted(failures);
  }

  private async tryProvider(provider: ChainProvider, request: ModelRequest): Promise<Outcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { ok: true, response: await provider.port.complete(request) };
      } catch (error) {
        if (!(error instanceof ModelCallError)) throw error;
        const wait = this.waitBefore(error, attempt);
        if (wait === null) return { ok: false, error };
        await (this.options.sleep ?? ((ms: number) => sleep(ms)))(wait);
      }
    }
  }

  /** How long to wait before trying the same provider again, or null to move on. */
  private waitBefore(error: ModelCallError, attempt: number): number | null {
    if (!error.retryable || attempt >= this.options.attemptsPerProvider) return null;
    const ceiling = Math.min(this.options.baseDelayMs * 2 ** (attempt - 1), this.options.maxDelayMs);
    const jittered = Math.round(ceiling / 2 + ((this.options.random ?? Math.random)() * ceiling) / 2);
    const wait = Math.max(error.retryAfterMs ?? 0, jittered);
    return wait > this.options.maxDelayMs ? null : wait;
  }
}

function exhausted(failures: Array<{ provider: string; error: ModelCallError }>): ModelCallError {
  const last = failures.at(-1)?.error;
  if (failures.length === 1 && last) return last;
  const retryable = failures.filter((failure) => failure.error.retryable);
  const delays = retryable.map((failure) => failure.error.retryAfterMs).filter((delay): delay is number => delay !== null);
  const summary = failures.map((failure) => `${failure.provider}: ${failure.error.message}`).join("; ");
  const kind = retryable.find((failure) => failure.error.kind === "rate_limited")
    ? "rate_limited"
    : (retryable[0]?.error.kind ?? last?.kind ?? "refused");
  return new ModelCallError(
    `every model provider failed (${summary})`,
    last?.status ?? null,
    retryable.length > 0,
    delays.length > 0 ? Math.min(...delays) : null,
    kind,
    failures.flatMap((failure) => failure.error.refusals),
  );
}
