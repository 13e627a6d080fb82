import { z } from "zod";
import { Task, type Plan } from "../plan/index.ts";
import type { ModelPort } from "../ports/model.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { filesTakenBy, taskFileProblems, type TaskFileRules } from "../policy/task-files.ts";
import { formatTask } from "./coder.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatTree } from "./repo-context.ts";
import { askStructured, type StructuredResult } from "./structured.ts";

const MAX_REASON_CHARS = 1_000;

/** The planner's answer to a `spec_mismatch`: the task's whole new file list, and why. */
export const AmendedFiles = z
  .object({
    files: Task.shape.files,
    reason: z.string().trim().min(1).max(MAX_REASON_CHARS),
  })
  .strict();
export type AmendedFiles = z.infer<typeof AmendedFiles>;

export interface AmendFilesInput {
  model: string;
  repository: string;
  brief: string;
  plan: Plan;
  task: Task;
  /** The debugger's diagnosis: why the task cannot pass as specified. */
  diagnosis: string;
  /** The repository's files at the failing commit. */
  tree: string[];
  /** Files other running tasks write (path → task id): the new list may not name them. */
  inUse: ReadonlyMap<string, string>;
  rules: TaskFileRules;
}

/** The other tasks of the plan, one line each, so the planner sees where the task stands. */
function formatPlan(plan: Plan, taskId: string): string {
  const others = plan.tasks
    .filter((task) => task.id !== taskId)
    .map((task) => `- ${task.id}: ${task.title} (${task.files.map((file) => file.path).join(", ")})`);
  return [plan.summary, ...(others.length > 0 ? ["", "Other tasks:", ...others] : [])].join("\n");
}

function formatInUse(inUse: ReadonlyMap<string, string>): string {
  if (inUse.size === 0) return "(none)";
  return [...inUse].map(([path, taskId]) => `- ${path} (task ${taskId})`).join("\n");
}

async function prompts(input: AmendFilesInput): Promise<{ system: string; user: string }> {
  const system = renderTemplate(await loadPrompt("amend-files"), { maxFiles: String(input.rules.filesPerTask) });
  const user = renderTemplate(await loadPrompt("amend-files-user"), {
    repository: input.repository,
    diagnosis: fenceUntrusted("diagnosis", sanitizeUntrusted(input.diagnosis)),
    task: fenceUntrusted("task", sanitizeUntrusted(formatTask(input.task))),
    plan: fenceUntrusted("plan", sanitizeUntrusted(formatPlan(input.plan, input.task.id))),
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    inUse: formatInUse(input.inUse),
    tree: formatTree(input.tree),
  });
  return { system, user };
}

/** The list's problems in words the planner can act on in its repair round. */
function checkAmendment(answer: AmendedFiles, input: AmendFilesInput): string[] {
  const taken = filesTakenBy(answer.files, input.inUse).map(
    ({ path, taskId }) => `\`${path}\` is written by task "${taskId}", which is running: leave it out.`,
  );
  return [...taskFileProblems(answer.files, input.rules), ...taken];
}

/**
 * Asks the planner for the new file list of a task the debugger found cannot pass as specified,
 * checked against the plan's limits, the path policy and the files of running tasks (one repair
 * round). The reason is redacted: it is shown in the status comment.
 */
export async function runAmendFiles(model: ModelPort, input: AmendFilesInput): Promise<StructuredResult<AmendedFiles>> {
  const { system, user } = await prompts(input);
  const result = await askStructured(model, {
    role: "planner",
    model: input.model,
    system,
    user,
    schema: AmendedFiles,
    check: (answer) => checkAmendment(answer, input),
  });
  if (!result.ok) return { ok: false, problems: result.problems, usage: result.usage };
  return { ...result, value: { ...result.value, reason: redactText(result.value.reason) } };
}
