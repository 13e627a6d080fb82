import OpenAI from "openai";
import type { ModelPort, ModelRequest, ModelResponse } from "../../ports/model.ts";
import { ModelCallError, refusalKind, type ModelRefusal } from "../../ports/model-error.ts";
import { toolCallsOf, toWireRequest, type StructuredOutput } from "./openai-wire.ts";

export interface OpenAiModelOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** The client's own retries; 0 when a `ChainModel` does the retrying. */
  maxRetries?: number;
  /** How this provider is asked for a JSON answer; `json_object` unless said otherwise. */
  structuredOutput?: StructuredOutput;
  /** The provider's name and the variable its key came from, for the operator told of a refused key or model. */
  provider?: ProviderIdentity;
}

/** Which provider a refusal came from, and where its key is set. */
export interface ProviderIdentity {
  name: string;
  keyVariable: string;
}

const DEFAULT_PROVIDER: ProviderIdentity = { name: "default", keyVariable: "FOREMAN_LLM_API_KEY" };

/** `retry-after-ms` (OpenAI's) first, then `retry-after` in seconds. */
function retryAfter(headers: Headers | undefined): number | null {
  const ms = Number(headers?.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

/** A refused key (401, 403) or model (404): only the operator can fix it, so it is named with its provider. */
function refusalsOf(status: number | null, provider: ProviderIdentity, model: string): ModelRefusal[] {
  const kind = refusalKind(status);
  if (kind === null || status === null) return [];
  return [{ provider: provider.name, keyVariable: provider.keyVariable, status, kind, model }];
}

function toModelError(error: unknown, provider: ProviderIdentity, model: string): ModelCallError {
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new ModelCallError(`model call timed out: ${error.message}`, null, true, null, "timeout");
  if (error instanceof OpenAI.APIError) {
    const status = typeof error.status === "number" ? error.status : null;
    const quota = error.code === "insufficient_quota";
    const retryable = !quota && (status === null || status === 408 || status === 409 || status === 429 || status >= 500);
    const headers: unknown = error.headers;
    const delay = retryAfter(headers instanceof Headers ? headers : undefined);
    const refusals = refusalsOf(status, provider, model);
    return new ModelCallError(`model call failed: ${error.message}`, status, retryable, delay, quota ? "quota" : undefined, refusals);
  }
  return new ModelCallError(`model call failed: ${String(error)}`, null, true, null, "connection");
}

/**
 * The openai client retries every 429, but a spent budget (`insufficient_quota`) will not come
 * back by waiting: such an answer is marked `x-should-retry: false`, which the client obeys.
 */
async function quotaAwareFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status !== 429) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  if (body.includes('"insufficient_quota"')) headers.set("x-should-retry", "false");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The model port over any OpenAI-compatible endpoint, through the official client. */
export class OpenAiModel implements ModelPort {
  private readonly client: OpenAI;
  private readonly structuredOutput: StructuredOutput;
  private readonly provider: ProviderIdentity;

  constructor(options: OpenAiModelOptions) {
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      timeout: options.timeoutMs ?? 120_000,
      maxRetries: options.maxRetries ?? 3,
      fetch: quotaAwareFetch,
    });
    this.structuredOutput = options.structuredOutput ?? "json_object";
    this.provider = options.provider ?? DEFAULT_PROVIDER;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    try {
      const completion = await this.client.chat.completions.create(toWireRequest(request, this.structuredOutput), {
        headers: { "x-foreman-role": request.role },
      });
      const choice = completion.choices[0];
      return {
        content: choice?.message.content ?? "",
        model: completion.model,
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
        finishReason: choice?.finish_reason ?? "stop",
        toolCalls: toolCallsOf(completion),
      };
    } catch (error) {
      throw toModelError(error, this.provider, request.model);
    }
  }
}
