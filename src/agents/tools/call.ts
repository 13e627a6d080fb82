import type { ToolCall } from "../../ports/model.ts";
import { readJsonAnswer } from "../answer-json.ts";
import { resultText, toolError } from "./results.ts";
import type { Tool } from "./tool.ts";

/** A call's arguments as the model wrote them: JSON, small slips repaired; an empty text is no arguments. */
function callArguments(text: string): { args: unknown } | { problem: string } {
  if (text.trim() === "") return { args: {} };
  const read = readJsonAnswer(text);
  return read.ok ? { args: read.json } : { problem: `the arguments are not a JSON object (${read.problem})` };
}

/** Runs one call of the model's: an unknown tool or malformed arguments answer with an error the model can act on. */
export async function runCall(tools: ReadonlyMap<string, Tool>, call: ToolCall): Promise<string> {
  const tool = tools.get(call.name);
  if (!tool) {
    const known = [...tools.keys()].join(", ");
    return resultText(toolError(`there is no tool ${JSON.stringify(call.name.slice(0, 64))}; the tools are: ${known}`));
  }
  const parsed = callArguments(call.arguments);
  if ("problem" in parsed) return resultText(toolError(`${call.name}: ${parsed.problem}`));
  return resultText(await tool.run(parsed.args));
}
