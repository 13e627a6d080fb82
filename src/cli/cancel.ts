import { OperatorActor } from "../domain/operator-actor.ts";
import type { CliCommand } from "./command.ts";
import { operatorName, queueOperatorEvent } from "./operator-event.ts";
import { parseWorkflowTarget } from "./target.ts";

export const cancelCommand: CliCommand = {
  name: "cancel",
  synopsis: "<owner/repo#N>",
  summary: "stop a workflow as `/cancel` on its issue does: its open pull requests are closed, their branches kept",
  run(context) {
    const id = parseWorkflowTarget(context.args[0]);
    const actor = OperatorActor.toString(operatorName(context.env));
    const job = queueOperatorEvent(context, id, { kind: "cancel" }, actor);
    context.stdout.write(`queued the cancel of ${id} as ${actor} (job #${job}); the running server's worker applies it\n`);
  },
};
