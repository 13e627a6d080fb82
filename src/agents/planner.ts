import type { ModelPort } from "../ports/model.ts";
import { Plan, validatePlan, type PlanLimits } from "../plan/index.ts";
import { fenceUntrusted, sanitizeUntrusted } from "../policy/sanitize.ts";
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
    return validation.ok ? [] : validation.problems.map((problem) => problem.message);
  };
  const result = await askStructured(model, { role: "planner", model: input.model, system, user, schema: Plan, check });
  if (!result.ok) return result;
  const validation = validatePlan(result.value, input.limits);
  return validation.ok ? { ...result, value: validation.plan, notes: validation.notes } : result;
}
