import type { ScriptedAnswer } from "../scenario/model-script.ts";
import type { ToolOffer } from "./conversation.ts";
import type { ToolChoice } from "./tool-schemas.ts";

/**
 * Why a model could not give this answer to the request, or undefined when it could: a model calls
 * only tools the request declares, none with tool_choice "none", only the named one or the allowed
 * ones, one at a time with parallel_tool_calls false, and some tool when the choice requires it.
 */
export function toolFitProblem(answer: ScriptedAnswer, offer: ToolOffer): string | undefined {
  const calls = (answer.toolCalls ?? []).map((call) => call.name);
  const { choice } = offer;
  if (calls.length === 0) {
    return requiresCall(choice) ? `it calls no tool, and the request's tool_choice ${JSON.stringify(choice)} requires one` : undefined;
  }
  if (offer.functions.length === 0) return `it calls ${calls.join(", ")}, and the request declares no function tools`;
  const undeclared = calls.find((name) => !offer.functions.includes(name));
  if (undeclared !== undefined) return `it calls ${undeclared}, which the request does not declare (tools: ${offer.functions.join(", ")})`;
  const allowed = allowedNames(choice);
  const refused = allowed && calls.find((name) => !allowed.includes(name));
  if (refused) return `it calls ${refused}, and the request's tool_choice ${JSON.stringify(choice)} does not allow it`;
  if (!offer.parallel && calls.length > 1) return `it makes ${calls.length} calls, and the request sets parallel_tool_calls: false`;
  return undefined;
}

function requiresCall(choice: ToolChoice | undefined): boolean {
  if (choice === undefined || typeof choice === "string") return choice === "required";
  return choice.type !== "allowed_tools" || choice.allowed_tools.mode === "required";
}

/** The function names a tool_choice restricts calls to; undefined when it does not restrict them. */
function allowedNames(choice: ToolChoice | undefined): string[] | undefined {
  if (choice === undefined) return undefined;
  if (choice === "none") return [];
  if (typeof choice === "string") return undefined;
  if (choice.type === "function") return [choice.function.name];
  if (choice.type === "custom") return [];
  return choice.allowed_tools.tools.flatMap((tool) => {
    const fn = tool["function"];
    const name = typeof fn === "object" && fn !== null ? (fn as Record<string, unknown>)["name"] : undefined;
    return tool["type"] === "function" && typeof name === "string" ? [name] : [];
  });
}
