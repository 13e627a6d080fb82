import type { ModelPort } from "../ports/model.ts";
import { PlanAnswer, validatePlan, type Plan, type PlanLimits } from "../plan/index.ts";
import { checkWritablePath, describeRefusal } from "../policy/paths.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { formatIssue } from "./engineer.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatGuidance, formatTree, repositoryOverview } from "./repo-context.ts";
import { askStructured, type StructuredResult } from "./structured.ts";
import { withToolsPrompt, type AgentTools } from "./tools/agent-tools.ts";
import { askWithTools } from "./tools/loop.ts";
import { readTools } from "./tools/read-tools.ts";

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
  /** The repository's guidance files (`GUIDANCE_FILES`) that exist. */
  guidance?: Record<string, string | null>;
  /** Tools on the repository at the default branch's head; with them, a task modifies or deletes only files the planner has seen. */
  tools?: AgentTools | undefined;
}

/**
 * With tools, the plan's file lists come from what the planner looked at: a file a task modifies
 * or deletes must be one it was shown (the overview, a listing, a search, a read). A path it never
 * saw is a guess, and a task bound to a guessed file cannot be done.
 */
function unseenFileProblems(plan: Plan, seen: ReadonlySet<string>): string[] {
  return plan.tasks.flatMap((task) =>
    task.files
      .filter((file) => file.action !== "create" && !seen.has(file.path))
      .map(
        (file) =>
          `Task "${task.id}" would ${file.action} \`${file.path}\`, a file you have not seen: find it (list_files, search) or read it first, or use "create" for a new file.`,
      ),
  );
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

function plannerUser(input: PlannerInput, tree: string): Promise<string> {
  return loadPrompt("planner-user").then((template) =>
    renderTemplate(template, {
      repository: input.repository,
      defaultBranch: input.defaultBranch,
      guidance: formatGuidance(input.guidance ?? {}),
      brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
      issue: formatIssue(input.issueTitle, input.issueBody, input.maxIssueChars),
      feedback: input.feedback ? fenceUntrusted("feedback", sanitizeUntrusted(input.feedback)) : "(none)",
      tree,
      files: formatFiles(input.files),
    }),
  );
}

export async function runPlanner(model: ModelPort, input: PlannerInput): Promise<StructuredResult<Plan> & { notes?: string[] }> {
  const planner = renderTemplate(await loadPrompt("planner"), {
    maxTasks: String(input.limits.tasksPerPlan),
    maxFiles: String(input.limits.filesPerTask),
  });
  const system = await withToolsPrompt(planner, "planner", input.tools);
  const overview = repositoryOverview(input.tree);
  const user = await plannerUser(input, input.tools ? overview.text : formatTree(input.tree));
  const shownFiles = Object.entries(input.files).flatMap(([path, content]) => (content === null ? [] : [path]));
  const seen = new Set([...overview.shown, ...shownFiles]);
  const check = (plan: Plan): string[] => {
    const validation = validatePlan(plan, input.limits);
    const problems = validation.ok ? [] : validation.problems.map((problem) => problem.message);
    const unseen = input.tools ? unseenFileProblems(plan, seen) : [];
    return [...problems, ...protectedPathProblems(plan, input.protectedPaths ?? []), ...unseen];
  };
  const request = { role: "planner" as const, model: input.model, system, user, schema: PlanAnswer, check };
  const result = input.tools
    ? await askWithTools(model, { ...request, tools: readTools({ revision: input.tools.revision, seen }), limits: input.tools.limits })
    : await askStructured(model, request);
  if (!result.ok) return result;
  const validation = validatePlan(result.value, input.limits);
  return validation.ok ? { ...result, value: redactPlan(validation.plan), notes: validation.notes } : result;
}
