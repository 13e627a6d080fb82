import { WorkflowId } from "../domain/ids.ts";
import { UsageError } from "./command.ts";

/** `owner/repo#12` as the workflow id the store uses; a `UsageError` with an example otherwise. */
export function parseWorkflowTarget(text: string | undefined): string {
  const parts = text === undefined ? null : WorkflowId.parse(text.trim());
  if (!parts) throw new UsageError(`expected a workflow as <owner>/<repo>#<issue>, e.g. acme/stats#12; got "${text ?? ""}"`);
  return WorkflowId.toString(parts);
}
