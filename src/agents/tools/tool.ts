import type { z } from "zod";
import type { ToolSpec } from "../../ports/model.ts";
import { toolError, type ToolResult } from "./results.ts";

/** One tool an agent may call: what the model is told, and what a call does. */
export interface Tool {
  spec: ToolSpec;
  /** Runs a call with the arguments as the model sent them (parsed JSON); a bad call is an error result, never a throw. */
  run(args: unknown): Promise<ToolResult>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).join("; ");
}

/** A tool whose arguments are checked by a schema before it runs. */
export function defineTool<A>(spec: ToolSpec, schema: z.ZodType<A>, run: (args: A) => Promise<ToolResult>): Tool {
  return {
    spec,
    run(args) {
      const parsed = schema.safeParse(args);
      if (!parsed.success) return Promise.resolve(toolError(`${spec.name} was called with bad arguments: ${describeIssues(parsed.error)}`));
      return run(parsed.data);
    },
  };
}
