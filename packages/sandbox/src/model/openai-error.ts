/** The error body OpenAI's API sends with every non-2xx answer. */
type OpenAIErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

/** An HTTP answer the server is about to send: status, extra headers and a JSON body. */
export type HttpAnswer = { status: number; headers: Record<string, string>; body: unknown };

export type ErrorAnswer = HttpAnswer & { body: OpenAIErrorBody };

export function openAIError(
  status: number,
  message: string,
  details: { type?: string; param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
): ErrorAnswer {
  const body: OpenAIErrorBody = {
    error: {
      message,
      type: details.type ?? "invalid_request_error",
      param: details.param ?? null,
      code: details.code ?? null,
    },
  };
  return { status, headers: details.headers ?? {}, body };
}

export function invalidRequest(message: string, param: string | null = null, code: string | null = null): ErrorAnswer {
  return openAIError(400, message, { param, code });
}

export function notFound(method: string, path: string): ErrorAnswer {
  return openAIError(404, `Invalid URL (${method} ${path})`);
}

export function missingApiKey(): ErrorAnswer {
  return openAIError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  );
}

export function modelNotFound(model: string): ErrorAnswer {
  return openAIError(404, `The model \`${model}\` does not exist or you do not have access to it.`, {
    code: "model_not_found",
  });
}

/**
 * The sandbox's own answer when no scripted answer fits a request. It tells the openai client not
 * to retry: a retry cannot match either, and would only add more unmatched requests. A near miss
 * (an answer that matched but whose tool calls the request rules out) is named after the role and model.
 */
export function noScriptedAnswer(role: string | null, model: string, nearMiss?: string): ErrorAnswer {
  const why = nearMiss === undefined ? "" : ` (${nearMiss})`;
  return openAIError(500, `no scripted answer for role=${role ?? "(none)"} model=${model}${why}`, {
    type: "server_error",
    code: "sandbox_unmatched",
    headers: { "x-should-retry": "false" },
  });
}
