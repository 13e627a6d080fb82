import type { CliCommand } from "./command.ts";
import { CommandRefused } from "./command.ts";
import { renderShow } from "./show-view.ts";
import { parseWorkflowTarget } from "./target.ts";

export const showCommand: CliCommand = {
  name: "show",
  synopsis: "<owner/repo#N>",
  summary: "one workflow: its plan graph, tasks with pull requests, heads and state, costs and jobs",
  run({ store, args, stdout, now }) {
    const id = parseWorkflowTarget(args[0]);
    const record = store.getWorkflow(id);
    if (!record) throw new CommandRefused(`no workflow ${id} in this database; \`foreman list\` shows those there are`);
    const listed = store.operatorQueries().workflow(id);
    const view = { ...record, updatedAt: listed?.updatedAt ?? now(), jobs: store.jobsFor(id) };
    stdout.write(`${renderShow(view, now(), stdout.isTTY ? stdout.columns : undefined)}\n`);
  },
};
