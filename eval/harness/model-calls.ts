/**
 * The model calls of a run, whoever answered them: the sandbox's scripted model server records its
 * own; a real endpoint is reached through a recording proxy on the harness's side. Either way the
 * report counts calls and tokens by role, and the leak check reads every request's text.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RecordedModelRequest } from "@foreman/sandbox";

export interface ModelCall {
  role: string;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  /** Everything the request sent, as text: what the leak check reads. */
  requestText: string;
  /** The answer's message content, when it had one. */
  answer: string | null;
}

export function fromSandbox(request: RecordedModelRequest): ModelCall {
  return {
    role: request.role ?? "unknown",
    model: request.model,
    promptTokens: request.usage?.prompt_tokens ?? 0,
    completionTokens: request.usage?.completion_tokens ?? 0,
    requestText: JSON.stringify(request.body),
    answer: request.content,
  };
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

function usageOf(text: string): Usage {
  try {
    return (JSON.parse(text) as { usage?: Usage }).usage ?? {};
  } catch {
    return {};
  }
}

function answerOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { choices?: { message?: { content?: string | null } }[] }).choices?.[0]?.message?.content ?? null;
  } catch {
    return null;
  }
}

function modelOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { model?: string }).model ?? null;
  } catch {
    return null;
  }
}

const FORWARDED = ["authorization", "content-type", "accept", "x-foreman-role", "openai-organization", "openai-project"];

/** A proxy in front of a real OpenAI-compatible endpoint that records each call; Foreman is pointed at `url`. */
export class RecordingProxy {
  readonly calls: ModelCall[] = [];
  private server: Server | null = null;
  private readonly target: string;
  constructor(target: string) {
    this.target = target.replace(/\/+$/, "");
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the recording proxy is not listening");
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.forward(request).then(
        ({ status, headers, body }) => response.writeHead(status, headers).end(body),
        (error: unknown) =>
          response.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: String(error) } })),
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  private async forward(request: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const body = await bodyOf(request);
    const headers = Object.fromEntries(
      FORWARDED.flatMap((name) => (typeof request.headers[name] === "string" ? [[name, request.headers[name]]] : [])),
    );
    const answer = await fetch(`${this.target}${request.url ?? ""}`, {
      method: request.method ?? "GET",
      headers,
      ...(body.length > 0 ? { body } : {}),
    });
    const answerBody = Buffer.from(await answer.arrayBuffer());
    if ((request.url ?? "").includes("/chat/completions")) {
      const requestText = body.toString("utf8");
      const answerText = answerBody.toString("utf8");
      const usage = usageOf(answerText);
      this.calls.push({
        role: typeof request.headers["x-foreman-role"] === "string" ? request.headers["x-foreman-role"] : "unknown",
        model: modelOf(requestText),
        promptTokens: usage.prompt_tokens ?? 0,
        completionTokens: usage.completion_tokens ?? 0,
        requestText,
        answer: answerOf(answerText),
      });
    }
    return {
      status: answer.status,
      headers: { "content-type": answer.headers.get("content-type") ?? "application/json" },
      body: answerBody,
    };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
