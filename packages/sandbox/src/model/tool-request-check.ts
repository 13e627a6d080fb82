import type { ChatCompletionRequest } from "./chat-request.ts";
import { invalidRequest, type ErrorAnswer } from "./openai-error.ts";
import { strictSchemaViolation } from "./strict-schema-rules.ts";
import type { ToolChoice } from "./tool-schemas.ts";

type Message = ChatCompletionRequest["messages"][number];

/** An assistant message whose calls are being answered by the tool messages after it. */
type OpenCalls = { index: number; ids: string[]; answered: Set<string> };

/**
 * The 400 OpenAI answers for a request whose tool parts do not hold together: tool parameters
 * without tools, a tool_choice naming an undeclared tool, a strict function whose parameters break
 * the structured-outputs rules, and tool messages that do not answer the calls just before them.
 */
export function toolRequestProblem(request: ChatCompletionRequest): ErrorAnswer | undefined {
  return parameterProblem(request) ?? strictParametersProblem(request) ?? messageOrderProblem(request.messages);
}

function parameterProblem(request: ChatCompletionRequest): ErrorAnswer | undefined {
  if (request.tools === undefined) {
    for (const param of ["tool_choice", "parallel_tool_calls"] as const) {
      if (request[param] !== undefined) {
        return invalidRequest(`Invalid value for '${param}': '${param}' is only allowed when 'tools' are specified.`, param);
      }
    }
    return undefined;
  }
  const named = namedChoice(request.tool_choice);
  if (named === undefined) return undefined;
  const declared = request.tools.some((tool) =>
    tool.type === "function"
      ? named.type === "function" && tool.function.name === named.name
      : named.type === "custom" && tool.custom.name === named.name,
  );
  if (declared) return undefined;
  const message = `Invalid value for 'tool_choice': the ${named.type} '${named.name}' is not one of the 'tools'.`;
  return invalidRequest(message, `tool_choice.${named.type}.name`, "invalid_value");
}

function namedChoice(choice: ToolChoice | undefined): { type: "function" | "custom"; name: string } | undefined {
  if (choice === undefined || typeof choice === "string") return undefined;
  if (choice.type === "function") return { type: "function", name: choice.function.name };
  if (choice.type === "custom") return { type: "custom", name: choice.custom.name };
  return undefined;
}

function strictParametersProblem(request: ChatCompletionRequest): ErrorAnswer | undefined {
  for (const [index, tool] of (request.tools ?? []).entries()) {
    if (tool.type !== "function" || tool.function.strict !== true || tool.function.parameters === undefined) continue;
    const problem = strictSchemaViolation(tool.function.parameters);
    if (problem === undefined) continue;
    const message = `Invalid schema for function '${tool.function.name}': ${problem}`;
    return invalidRequest(message, `tools[${index}].function.parameters`, "invalid_function_parameters");
  }
  return undefined;
}

/** Every tool message answers a call of the assistant message just before it (and its siblings); every call is answered. */
function messageOrderProblem(messages: readonly Message[]): ErrorAnswer | undefined {
  let open: OpenCalls | undefined;
  for (const [index, message] of messages.entries()) {
    if (message.role === "tool") {
      const problem = toolMessageProblem(message, index, open);
      if (problem) return problem;
      open?.answered.add(message.tool_call_id ?? "");
      continue;
    }
    const unanswered = unansweredProblem(open);
    if (unanswered) return unanswered;
    const ids = message.role === "assistant" ? (message.tool_calls ?? []).map((call) => call.id) : [];
    open = ids.length > 0 ? { index, ids, answered: new Set() } : undefined;
  }
  return unansweredProblem(open);
}

function toolMessageProblem(message: Message, index: number, open: OpenCalls | undefined): ErrorAnswer | undefined {
  for (const key of ["tool_call_id", "content"] as const) {
    if (message[key] === undefined || message[key] === null) {
      const param = `messages[${index}].${key}`;
      return invalidRequest(`Missing required parameter: '${param}'.`, param, "missing_required_parameter");
    }
  }
  if (!open) {
    const message = "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.";
    return invalidRequest(message, `messages.[${index}].role`);
  }
  const id = message.tool_call_id ?? "";
  if (open.ids.includes(id)) return undefined;
  const text = `Invalid parameter: 'tool_call_id' of '${id}' not found in 'tool_calls' of previous message.`;
  return invalidRequest(text, `messages.[${index}].tool_call_id`);
}

function unansweredProblem(open: OpenCalls | undefined): ErrorAnswer | undefined {
  if (!open) return undefined;
  const missing = open.ids.filter((id) => !open.answered.has(id));
  if (missing.length === 0) return undefined;
  const message =
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
    `The following tool_call_ids did not have response messages: ${missing.join(", ")}`;
  return invalidRequest(message, `messages.[${open.index}].role`);
}
