export type AgentRole = "engineer" | "planner" | "coder" | "debugger" | "reviewer";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ModelRequest {
  role: AgentRole;
  model: string;
  messages: ChatMessage[];
  json: boolean;
}

export interface ModelResponse {
  content: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: string;
}

/** An OpenAI-compatible chat model. Only the adapter imports the openai client. */
export interface ModelPort {
  complete(request: ModelRequest): Promise<ModelResponse>;
}
