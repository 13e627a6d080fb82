export { DEFAULT_QUIET_SECONDS, ScenarioExpectation, FileExpectation } from "./expectation.ts";
export { APP_AUTHOR, CommentCountExpectation, DUPLICATE_KINDS, DuplicateKind, duplicateKinds, NoDuplicates } from "./count-expectations.ts";
export { AppCheckCondition, CheckConclusion, TaskCondition } from "./task-condition.ts";
export { GitHubFault, GitHubFaultSelection, GitHubSandboxOptions, WebhookFaults } from "./github-faults.ts";
export { loadScenario, parseScenario, type ParseScenarioOptions } from "./load-scenario.ts";
export {
  AnswerMatch,
  AnswerUsage,
  ModelFault,
  ModelFaultSelection,
  ModelScript,
  ScriptedAnswer,
  type ModelFaultInput,
  type ModelFaultKind,
  type ModelScriptInput,
  type ScriptedAnswerInput,
} from "./model-script.ts";
export { AgentRole, Login, RepositoryPath, TaskId } from "./primitives.ts";
export { Actor, CiJob, CONFIG_PATH, ExtraRepository, Permission, ScenarioIssue, ScenarioRepository } from "./repository.ts";
export type { HistoryCommit } from "./repository.ts";
export { Scenario, type ScenarioInput } from "./scenario.ts";
export { describeProblem, formatPath, ScenarioError, type ProblemPath, type ScenarioProblem } from "./scenario-error.ts";
export {
  CommentTarget,
  ScenarioStep,
  StepCondition,
  STEP_ACTIONS,
  WaitAction,
  stepAction,
  type StepAction,
  type StepActionKind,
} from "./steps.ts";
