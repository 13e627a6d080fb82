import OpenAI, { APIError } from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { onTestFinished } from "vitest";
import { startModelServer, type ModelServer, type ModelServerOptions } from "../../src/model/index.ts";

/** Starts a model server stopped at the end of the test, and an openai client without retries. */
export async function startForTest(options: ModelServerOptions): Promise<{ server: ModelServer; client: OpenAI }> {
  const server = await startModelServer(options);
  onTestFinished(() => server.stop());
  return { server, client: new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 0 }) };
}

type Question = Partial<ChatCompletionCreateParamsNonStreaming> & { role?: string; prompt?: string };

/** One chat completion as the product sends it: a role header, a system and a user message. */
export function ask(client: OpenAI, question: Question = {}): Promise<ChatCompletion> {
  const { role, prompt = "Do the work.", ...body } = question;
  return client.chat.completions.create(
    {
      model: "sandbox-model",
      messages: [
        { role: "system", content: "You are a careful engineer. Answer in JSON." },
        { role: "user", content: prompt },
      ],
      ...body,
    },
    role === undefined ? {} : { headers: { "x-foreman-role": role } },
  );
}

/** The rejection of a promise, for asserting on errors. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

/** The API error a request failed with. */
export async function apiFailureOf(promise: Promise<unknown>): Promise<APIError> {
  const error = await failureOf(promise);
  if (error instanceof APIError) return error;
  throw new Error(`expected an API error, got ${String(error)}`);
}
