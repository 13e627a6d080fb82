export type AgentRole = "engineer" | "planner" | "coder" | "debugger" | "reviewer";

/** A tool the model may call: its parameters are a JSON schema object. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A call the model asked for; `arguments` is the raw JSON text as the model wrote it (it may not parse). */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** A plain message: the system prompt, a user turn, or an answer of the model without tool calls. */
interface TextMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The model's own turn in which it called tools (`content` may be empty). */
interface ToolCallingMessage {
  role: "assistant";
  content: string;
  toolCalls: ToolCall[];
}

/** The result of one tool call, answered to the call with this id. */
interface ToolResultMessage {
  role: "tool";
  toolCallId: string;
  content: string;
}

export type ChatMessage = TextMessage | ToolCallingMessage | ToolResultMessage;

/** A JSON schema the answer must follow, for providers with strict structured output. */
export interface AnswerSchema {
  name: string;
  schema: Record<string, unknown>;
}

export interface ModelRequest {
  role: AgentRole;
  model: string;
  messages: ChatMessage[];
  /** Ask for a JSON object as the answer (JSON mode, or the schema when one is given and the provider supports it). */
  json: boolean;
  /** The tools the model may call this turn. */
  tools?: ToolSpec[] | undefined;
  /** The answer's JSON schema; providers without strict structured output fall back to JSON mode. */
  schema?: AnswerSchema | undefined;
}

export interface ModelResponse {
  content: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: string;
  /** The tools the model called, in order; empty when it answered. */
  toolCalls: ToolCall[];
  /** What the call cost in US dollars by the deployment's prices; null: the model has no known price; absent: the port prices nothing. */
  costUsd?: number | null;
}

/** An OpenAI-compatible chat model. Only the adapter imports the openai client. */
export interface ModelPort {
  complete(request: ModelRequest): Promise<ModelResponse>;
}
