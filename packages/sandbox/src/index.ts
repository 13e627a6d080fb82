/**
 * The sandbox's public API: a local GitHub on real git, a scripted OpenAI-compatible model server,
 * the scenario format, and the driver that runs an app under test against them.
 */
export { SandboxGitHub, type SandboxGitHubOptions, type CreateRepositoryOptions, type RegisterAppOptions } from "./github/sandbox.ts";
export type { ProtectionOptions } from "./github/protection/options.ts";
export { expireInstallationTokens } from "./github/auth.ts";
export type { GitHubFaultRule } from "./github/faults.ts";
export type { Delivery } from "./github/webhooks.ts";
export type { CheckRun, CiCommand, IssueComment, PullRequest, Repository } from "./github/state/types.ts";
export { loadOpenApiIndex, validateResponse } from "./github/fidelity/rest.ts";
export { startModelServer, type ModelServer, type ModelServerOptions, type RecordedModelRequest } from "./model/index.ts";
export * from "./scenario/index.ts";
export type { AppContext, AppUnderTest } from "./run/app-under-test.ts";
export { readManifest } from "./run/manifest.ts";
export { createWorld, type RealModel, type UserOctokit, type World, type WorldOptions } from "./run/world.ts";
export { performStep } from "./run/actions.ts";
export { POLL_MS, waitFor } from "./run/wait-for.ts";
export { commentsOn, pullState, taskBranch, taskPull } from "./run/observe.ts";
export { conditionHolds } from "./run/conditions.ts";
export { statusLineOf, taskStateFailures } from "./run/task-state.ts";
export { expectationFailures } from "./run/expectations.ts";
export { collectFigures, isCommitWrite, type RunFigures } from "./run/summary.ts";
export { describeDelivery } from "./run/timeline.ts";
export { driveScenario, type DriveOptions, type ScenarioHooks, type ScenarioRun } from "./run/drive-scenario.ts";
export { QuietClock, waitQuiet } from "./run/idle.ts";
export { runScenario, type RunOptions, type RunResult } from "./run/run-scenario.ts";
export { play, type PlayOptions, type PlayResult } from "./bench/play.ts";
export { compareWithBaseline, type Comparison } from "./bench/compare.ts";
export { crashPlans, type Disruption, type DisruptionRecord, type KillPoint } from "./bench/disruptions.ts";
export type { FinalState } from "./bench/final-state.ts";
export type { InjectedFaults } from "./bench/injected.ts";
export * from "./explore/index.ts";
