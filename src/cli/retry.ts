import { OperatorActor } from "../domain/operator-actor.ts";
import type { CliCommand } from "./command.ts";
import { operatorName, queueOperatorEvent } from "./operator-event.ts";
import { parseWorkflowTarget } from "./target.ts";

export const retryCommand: CliCommand = {
  name: "retry",
  synopsis: "<owner/repo#N> [task]",
  summary: "retry a workflow's failed or escalated tasks (or one of them), as `/retry` does",
  run(context) {
    const id = parseWorkflowTarget(context.args[0]);
    const taskId = context.args[1] ?? null;
    const actor = OperatorActor.toString(operatorName(context.env));
    const job = queueOperatorEvent(context, id, { kind: "retry", taskId }, actor);
    const what = taskId === null ? id : `task ${taskId} of ${id}`;
    context.stdout.write(`queued the retry of ${what} as ${actor} (job #${job}); the running server's worker applies it\n`);
  },
};
