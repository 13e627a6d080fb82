/**
 * The two scripted reference agents that keep the harness honest: the oracle answers every
 * instance with its reference solution (it must resolve all of them), the null agent changes
 * nothing that matters (it must resolve none). Both answer through the sandbox's scripted model
 * server, so Foreman runs exactly as it does with a real model.
 */
import type { ScriptedAnswerInput } from "@foreman/sandbox";
import type { Instance, ReferenceTask } from "./instance.ts";

export type ScriptedAgent = "oracle" | "null";
export type PlanMode = "auto" | "single";

interface PlannedTask extends ReferenceTask {
  /** The file contents the coder answers with. */
  contents: Record<string, string>;
}

const NULL_NOTE = "EVAL_NOTES.md";

/** The reference plan, or one task holding all of it (`single`). */
function referenceTasks(instance: Instance, plan: PlanMode): PlannedTask[] {
  const tasks = instance.reference?.tasks ?? [];
  const planned = tasks.map((task) => ({
    ...task,
    contents: Object.fromEntries(task.files.map((file) => [file.path, instance.solution[file.path] ?? ""])),
  }));
  if (plan === "auto" || planned.length <= 1) return planned;
  return [
    {
      id: "all",
      title: instance.title,
      description: planned.map((task) => task.description).join(" "),
      files: planned.flatMap((task) => task.files),
      dependsOn: [],
      acceptanceCriteria: planned.flatMap((task) => task.acceptanceCriteria),
      risk: "low",
      contents: Object.assign({}, ...planned.map((task) => task.contents)) as Record<string, string>,
    },
  ];
}

/** The null agent's plan: one task that adds a note and touches no code. */
function nullTasks(instance: Instance): PlannedTask[] {
  return [
    {
      id: "notes",
      title: "Add notes on the issue",
      description: `Write down the issue "${instance.title}" in ${NULL_NOTE}; no code changes.`,
      files: [{ path: NULL_NOTE, action: "create" }],
      dependsOn: [],
      acceptanceCriteria: [`${NULL_NOTE} exists`],
      risk: "low",
      contents: { [NULL_NOTE]: `# Notes\n\n${instance.title}\n` },
    },
  ];
}

/**
 * The coder's edit of one file: a new file whole; a changed one as one replacement of the base's
 * whole text (tasks own disjoint files, so the file is still as the base has it).
 */
type CoderEdit =
  | { path: string; action: "create"; content: string }
  | { path: string; action: "modify"; replacements: { search: string; replace: string }[] };

function edit(instance: Instance, path: string, content: string): CoderEdit {
  const base = instance.base[path];
  if (base === undefined || base === "") return { path, action: "create", content };
  return { path, action: "modify", replacements: [{ search: base, replace: content }] };
}

function coderAnswer(instance: Instance, task: PlannedTask): ScriptedAnswerInput {
  return {
    id: `coder ${task.id}`,
    role: "coder",
    match: { contains: `### ${task.id}:` },
    content: { summary: task.title, edits: task.files.map((file) => edit(instance, file.path, task.contents[file.path] ?? "")) },
  };
}

/** The scripted model's answers for one instance: engineer, planner, a coder answer per task, and a reviewer that approves. */
export function scriptedAnswers(instance: Instance, agent: ScriptedAgent, plan: PlanMode): ScriptedAnswerInput[] {
  const tasks = agent === "oracle" ? referenceTasks(instance, plan) : nullTasks(instance);
  const summary = agent === "oracle" ? (instance.reference?.summary ?? instance.title) : "Notes only.";
  return [
    { id: "engineer", role: "engineer", content: { decision: "proceed", brief: instance.problem } },
    {
      id: "planner",
      role: "planner",
      content: { summary, tasks: tasks.map(({ contents: _contents, ...task }) => task) },
    },
    ...tasks.map((task) => coderAnswer(instance, task)),
    { id: "reviewer", role: "reviewer", repeat: true, content: { verdict: "approve", summary: "Nothing blocking.", findings: [] } },
  ];
}

/** Why the oracle cannot answer an instance (it has no reference solution), or null. */
export function oracleGap(instance: Instance): string | null {
  return instance.reference ? null : "the instance has no reference solution (reference: in instance.yml, files in solution/)";
}
