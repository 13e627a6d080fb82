import { runEngineer } from "../agents/engineer.ts";
import { runPlanner } from "../agents/planner.ts";
import { filesThatMatter } from "../agents/repo-context.ts";
import type { AgentTools } from "../agents/tools/agent-tools.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { RepoGitHub } from "../ports/github.ts";
import type { AgentRole } from "../ports/model.ts";
import type { WorkerDeps } from "./deps.ts";
import { repoView } from "./repo-view.ts";

interface RepoSnapshot {
  headSha: string;
  issueBody: string;
  tree: string[];
  files: Record<string, string | null>;
  guidance: Record<string, string | null>;
  tools: AgentTools | undefined;
}

/** The default branch's head as the role sees it: its files (with tools, from the workspace) and the issue. */
async function snapshot(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState, role: AgentRole): Promise<RepoSnapshot> {
  const repository = await github.repository();
  const issue = await github.getIssue(state.issue);
  const view = await repoView(deps, github, state, role, repository.headSha);
  const tree = await view.tree();
  const { files, guidance } = await view.read(filesThatMatter(tree, `${issue.title}\n${issue.body}`));
  return { headSha: repository.headSha, issueBody: issue.body, tree, files, guidance, tools: view.tools };
}

export async function engineerEvent(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState): Promise<EngineEvent> {
  await deps.enterModelLane?.(state.ref.owner);
  const repo = await snapshot(deps, github, state, "engineer");
  const result = await runEngineer(deps.model, {
    model: deps.modelFor("engineer", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    defaultBranch: state.defaultBranch,
    issueTitle: state.issueTitle,
    issueBody: repo.issueBody,
    maxIssueChars: state.config.limits.issueBodyChars,
    answers: state.answers,
    tree: repo.tree,
    files: repo.files,
    guidance: repo.guidance,
    tools: repo.tools,
  });
  if (!result.ok) return { type: "agent_failed", role: "engineer", reason: result.problems.join("; "), usage: result.usage };
  const outcome =
    result.value.decision === "ask"
      ? { kind: "questions" as const, questions: result.value.questions }
      : { kind: "brief" as const, brief: result.value.brief };
  return { type: "engineer_done", outcome, usage: result.usage };
}

export async function plannerEvent(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState): Promise<EngineEvent> {
  await deps.enterModelLane?.(state.ref.owner);
  const repo = await snapshot(deps, github, state, "planner");
  const result = await runPlanner(deps.model, {
    model: deps.modelFor("planner", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    defaultBranch: state.defaultBranch,
    issueTitle: state.issueTitle,
    issueBody: repo.issueBody,
    maxIssueChars: state.config.limits.issueBodyChars,
    brief: state.brief ?? "",
    feedback: state.planFeedback,
    tree: repo.tree,
    files: repo.files,
    guidance: repo.guidance,
    tools: repo.tools,
    limits: {
      tasksPerPlan: state.config.limits.tasksPerPlan,
      filesPerTask: state.config.limits.filesPerTask,
      planDepth: state.config.limits.planDepth,
    },
    protectedPaths: state.config.protectedPaths,
  });
  if (!result.ok) return { type: "plan_failed", problems: result.problems, usage: result.usage };
  return { type: "plan_done", plan: result.value, notes: result.notes ?? [], usage: result.usage };
}
