import type { ModelFault } from "../scenario/model-script.ts";
import { openAIError, type ErrorAnswer } from "./openai-error.ts";

type ErrorFault = Extract<ModelFault, { kind: "rate_limit" | "server_error" | "insufficient_quota" }>;

export function isErrorFault(fault: ModelFault): fault is ErrorFault {
  return fault.kind === "rate_limit" || fault.kind === "server_error" || fault.kind === "insufficient_quota";
}

/** The error OpenAI sends for the fault, with the headers the openai client reads. */
export function faultAnswer(fault: ErrorFault): ErrorAnswer {
  const headers: Record<string, string> = {};
  if (fault.shouldRetry !== undefined) headers["x-should-retry"] = String(fault.shouldRetry);
  switch (fault.kind) {
    case "rate_limit": {
      const seconds = fault.retryAfterSeconds;
      Object.assign(headers, {
        "retry-after": String(Math.ceil(seconds)),
        "retry-after-ms": String(Math.round(seconds * 1000)),
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": `${seconds}s`,
      });
      return openAIError(429, `Rate limit reached for requests (sandbox). Please try again in ${seconds}s.`, {
        type: "rate_limit_exceeded",
        code: "rate_limit_exceeded",
        headers,
      });
    }
    case "insufficient_quota":
      return openAIError(429, "You exceeded your current quota, please check your plan and billing details.", {
        type: "insufficient_quota",
        code: "insufficient_quota",
        headers,
      });
    case "server_error":
      return openAIError(fault.status, "The server had an error while processing your request. Sorry about that!", {
        type: "server_error",
        headers,
      });
  }
}

/** The first half of the content, as a model cut off by its token limit sends it. */
export function truncate(content: string): string {
  return content.slice(0, Math.ceil(content.length / 2));
}
