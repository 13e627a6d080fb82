import type { EngineEvent } from "../engine/events.ts";
import { ModelCallError } from "../ports/model-error.ts";
import type { AgentRole } from "../ports/model.ts";
import type { WorkerDeps } from "./deps.ts";

/**
 * The event of an agent's work; or, when the model endpoint refused Foreman's key or the model (which no retry can
 * fix), a `model_refused` event, so that the issue says what must change instead of the job failing in the log alone.
 */
export async function orRefused(
  deps: Pick<WorkerDeps, "log">,
  about: { role: AgentRole; taskId: string | null },
  work: () => Promise<EngineEvent>,
): Promise<EngineEvent> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ModelCallError) || error.retryable || error.refusals.length === 0) throw error;
    deps.log.error(
      { role: about.role, taskId: about.taskId, refusals: error.refusals, err: error },
      "the model endpoint refused Foreman's key or model; the issue is told what the operator must fix",
    );
    return { type: "model_refused", role: about.role, taskId: about.taskId, refusals: [...error.refusals] };
  }
}
