import { parseArgs } from "node:util";
import { RepoKey } from "../domain/ids.ts";
import type { CliCommand } from "./command.ts";
import { UsageError } from "./command.ts";
import { ago, dollars, table } from "./format.ts";
import { PHASES, summarize, type Phase, type WorkflowSummary } from "./workflow-summary.ts";

export interface ListFilter {
  /** `owner/repo`, lower-case. */
  repo: string | null;
  phase: Phase | null;
  openOnly: boolean;
}

/** `--repo owner/repo`, `--phase <phase>`, `--open`; a `UsageError` naming what is wrong otherwise. */
export function parseListFilter(args: string[]): ListFilter {
  const { values } = parseArgs({
    args,
    options: { repo: { type: "string" }, phase: { type: "string" }, open: { type: "boolean", default: false } },
    strict: true,
    allowPositionals: false,
  });
  const repo = values.repo === undefined ? null : RepoKey.parse(values.repo.trim());
  if (values.repo !== undefined && repo === null) throw new UsageError(`--repo expects owner/repo, e.g. acme/stats; got "${values.repo}"`);
  const phase = values.phase === undefined ? null : PHASES.find((known) => known === values.phase);
  if (phase === undefined) throw new UsageError(`--phase expects one of ${PHASES.join(", ")}; got "${values.phase ?? ""}"`);
  return { repo: repo ? RepoKey.toString(repo) : null, phase, openOnly: values.open };
}

export function filterWorkflows(summaries: readonly WorkflowSummary[], filter: ListFilter): WorkflowSummary[] {
  return summaries.filter(
    (summary) =>
      (filter.repo === null || summary.repo === filter.repo) &&
      (filter.phase === null || summary.phase === filter.phase) &&
      (!filter.openOnly || summary.open),
  );
}

const HEADER = ["WORKFLOW", "PHASE", "TASKS", "COST", "LAST ACTIVITY", "TITLE"];

/** One row per workflow: repo#issue, phase, tasks merged of all, cost, last activity and the title. */
export function workflowRows(summaries: readonly WorkflowSummary[], now: number): string[][] {
  return summaries.map((summary) => [
    summary.id,
    summary.phase ?? "unreadable",
    `${summary.tasksMerged}/${summary.tasksTotal}`,
    dollars(summary.costUsd),
    ago(summary.lastActivity, now),
    summary.problem ?? summary.title,
  ]);
}

/** The workflows as a table, or a sentence when there are none. */
export function renderList(summaries: readonly WorkflowSummary[], now: number, width?: number): string {
  if (summaries.length === 0) return "No workflows match.";
  return table(HEADER, workflowRows(summaries, now), width).join("\n");
}

export const listCommand: CliCommand = {
  name: "list",
  synopsis: "[--repo owner/repo] [--phase <phase>] [--open]",
  summary: "workflows across repositories, the most recently active first",
  run({ store, args, stdout, now }) {
    const filter = parseListFilter(args);
    const summaries = store.operatorQueries().workflows(filter.openOnly).map(summarize);
    const width = stdout.isTTY ? stdout.columns : undefined;
    stdout.write(`${renderList(filterWorkflows(summaries, filter), now(), width)}\n`);
  },
};
