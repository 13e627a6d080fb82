import type { ModelPort } from "../../ports/model.ts";
import { askStructured, type StructuredRequest } from "../structured.ts";
import type { AgentTools } from "./agent-tools.ts";
import { askWithTools } from "./loop.ts";
import { readTools } from "./read-tools.ts";

/** An answer from a role that only reads: through the read tools at its revision when it has them, else from its prompt alone. */
export function askReading<T>(model: ModelPort, request: StructuredRequest<T>, tools: AgentTools | undefined) {
  if (!tools) return askStructured(model, request);
  return askWithTools(model, { ...request, tools: readTools({ revision: tools.revision, seen: new Set() }), limits: tools.limits });
}
