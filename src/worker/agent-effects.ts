import { runEngineer } from "../agents/engineer.ts";
import { runPlanner } from "../agents/planner.ts";
import { filesThatMatter } from "../agents/repo-context.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { RepoGitHub } from "../ports/github.ts";
import type { WorkerDeps } from "./deps.ts";

interface RepoSnapshot {
  headSha: string;
  issueBody: string;
  tree: string[];
  files: Record<string, string | null>;
}

async function snapshot(github: RepoGitHub, state: WorkflowState): Promise<RepoSnapshot> {
  const repository = await github.repository();
  const issue = await github.getIssue(state.issue);
  const tree = await github.listFiles(repository.headSha);
  const files = await github.readFiles(repository.headSha, filesThatMatter(tree, `${issue.title}\n${issue.body}`));
  return { headSha: repository.headSha, issueBody: issue.body, tree, files };
}

export async function engineerEvent(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState): Promise<EngineEvent> {
  const repo = await snapshot(github, state);
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
  });
  if (!result.ok) return { type: "agent_failed", role: "engineer", reason: result.problems.join("; "), usage: result.usage };
  const outcome =
    result.value.decision === "ask"
      ? { kind: "questions" as const, questions: result.value.questions }
      : { kind: "brief" as const, brief: result.value.brief };
  return { type: "engineer_done", outcome, usage: result.usage };
}

export async function plannerEvent(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState): Promise<EngineEvent> {
  const repo = await snapshot(github, state);
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
