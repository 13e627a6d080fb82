import type { ModelPort } from "../ports/model.ts";
import { Plan, validatePlan, type PlanLimits } from "../plan/index.ts";
import { checkWritablePath, describeRefusal } from "../policy/paths.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { formatIssue } from "./engineer.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatTree } from "./repo-context.ts";
import { askStructured, type StructuredResult } from "./structured.ts";

export interface PlannerInput {
  model: string;
  repository: string;
  defaultBranch: string;
  issueTitle: string;
  issueBody: string;
  maxIssueChars: number;
  brief: string;
  feedback: string | null;
  tree: string[];
  files: Record<string, string | null>;
  limits: PlanLimits;
  /** The repository's own protected paths (`protectedPaths`), on top of the built-in ones. */
  protectedPaths?: readonly string[];
}

/** A task that names a file Foreman may never write cannot be done: the planner is told to leave it out. */
export function protectedPathProblems(plan: Plan, protectedPaths: readonly string[]): string[] {
  return plan.tasks.flatMap((task) =>
    task.files.flatMap((file) => {
      const refusal = checkWritablePath(file.path, { taskFiles: [file.path], protectedPaths });
      return refusal?.kind === "protected" ? [`Task "${task.id}" names ${describeRefusal(refusal)}. Leave it out of the plan.`] : [];
    }),
  );
}

/** The plan's words end up in comments, pull requests and commit messages: secrets in them are redacted. */
export function redactPlan(plan: Plan): Plan {
  return {
    summary: redactText(plan.summary),
    tasks: plan.tasks.map((task) => ({
      ...task,
      title: redactText(task.title),
      description: redactText(task.description),
      acceptanceCriteria: task.acceptanceCriteria.map(redactText),
    })),
  };
}

export async function runPlanner(model: ModelPort, input: PlannerInput): Promise<StructuredResult<Plan> & { notes?: string[] }> {
  const system = renderTemplate(await loadPrompt("planner"), {
    maxTasks: String(input.limits.tasksPerPlan),
    maxFiles: String(input.limits.filesPerTask),
  });
  const user = renderTemplate(await loadPrompt("planner-user"), {
    repository: input.repository,
    defaultBranch: input.defaultBranch,
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    issue: formatIssue(input.issueTitle, input.issueBody, input.maxIssueChars),
    feedback: input.feedback ? fenceUntrusted("feedback", sanitizeUntrusted(input.feedback)) : "(none)",
    tree: formatTree(input.tree),
    files: formatFiles(input.files),
  });
  const check = (plan: Plan): string[] => {
    const validation = validatePlan(plan, input.limits);
    const problems = validation.ok ? [] : validation.problems.map((problem) => problem.message);
    return [...problems, ...protectedPathProblems(plan, input.protectedPaths ?? [])];
  };
  const result = await askStructured(model, { role: "planner", model: input.model, system, user, schema: Plan, check });
  if (!result.ok) return result;
  const validation = validatePlan(result.value, input.limits);
  return validation.ok ? { ...result, value: redactPlan(validation.plan), notes: validation.notes } : result;
}
