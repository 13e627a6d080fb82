import type { ModelPort, ModelRequest, ModelResponse } from "../../../src/ports/model.ts";

type QueuedAnswer = { content: string; model?: string; promptTokens?: number; completionTokens?: number; finishReason?: string };

/** A model port that answers from a queue and keeps a copy of every request, as sent at the time. */
export class FakeModel implements ModelPort {
  readonly requests: ModelRequest[] = [];
  private readonly queue: QueuedAnswer[] = [];

  /** Queues an answer; an object is sent as its JSON text. */
  answer(content: unknown, options: Omit<QueuedAnswer, "content"> = {}): this {
    this.queue.push({ content: typeof content === "string" ? content : JSON.stringify(content), ...options });
    return this;
  }

  complete(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(structuredClone(request));
    const next = this.queue.shift();
    if (!next) return Promise.reject(new Error(`no answer queued for request ${this.requests.length} (${request.role})`));
    return Promise.resolve({
      content: next.content,
      model: next.model ?? request.model,
      promptTokens: next.promptTokens ?? 1000,
      completionTokens: next.completionTokens ?? 200,
      finishReason: next.finishReason ?? "stop",
      toolCalls: [],
    });
  }

  /** The text of the last message of the request with this index. */
  lastMessage(index: number): string {
    return this.requests[index]?.messages.at(-1)?.content ?? "";
  }

  /** Every message content of every request. */
  allText(): string[] {
    return this.requests.flatMap((request) => request.messages.map((message) => message.content));
  }

  get unused(): number {
    return this.queue.length;
  }
}
