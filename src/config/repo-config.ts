import { z } from "zod";
import { globProblem } from "../policy/glob-problem.ts";
import { ChecksConfig } from "./checks-config.ts";
import { ExtendsValue } from "./extends-target.ts";

const ModelName = z.string().min(1);
const PositiveInt = z.int().min(1);

/** A path glob: one that cannot be parsed, or can never match a path in the repository, is a problem. */
const PathGlob = z
  .string()
  .min(1)
  .superRefine((glob, context) => {
    const problem = glob === "" ? undefined : globProblem(glob);
    if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
  });

const ModelsConfig = z
  .object({
    /** Absent: the deployment's default (`FOREMAN_DEFAULT_MODEL`). */
    default: ModelName.optional(),
    engineer: ModelName.optional(),
    planner: ModelName.optional(),
    coder: ModelName.optional(),
    debugger: ModelName.optional(),
    reviewer: ModelName.optional(),
  })
  .strict();

const MergeConfig = z
  .object({
    /** `auto`: GitHub's merge queue when the branch has one, else the API. */
    mode: z.enum(["auto", "queue", "api"]).default("auto"),
    method: z.enum(["merge", "squash", "rebase"]).default("squash"),
    closeIssue: z.boolean().default(true),
  })
  .strict();

const LimitsConfig = z
  .object({
    tasksPerPlan: PositiveInt.max(20).default(6),
    filesPerTask: PositiveInt.max(100).default(10),
    changedLinesPerTask: PositiveInt.default(400),
    issueBodyChars: PositiveInt.default(20_000),
    tokensPerIssue: PositiveInt.default(400_000),
    costPerIssueUsd: z.number().positive().default(5),
    /** The longest chain of dependent tasks a plan may have. */
    planDepth: PositiveInt.max(20).default(4),
  })
  .strict();

const ApprovalConfig = z
  .object({
    /** An approval must come from someone other than the user who started the work. */
    separateApprover: z.boolean().default(false),
    /** Who may approve a high-risk task besides maintainers and admins. */
    highRiskApprovers: z.array(z.string().min(1)).default([]),
    /** A writer's approving review (GitHub's Approve button) approves the task for the commit it was given on, as `/approve` does. */
    nativeReviews: z.boolean().default(true),
    /**
     * Which tasks need their own approval: `each` every task; `plan` none that a writer's approval of the plan covers (green CI,
     * nothing blocking from the reviewer, a head Foreman made, not high risk); `risk` as `plan`, for low-risk tasks only.
     */
    tasks: z.enum(["each", "plan", "risk"]).default("each"),
  })
  .strict();

const ReviewConfig = z
  .object({
    /** Whether a model reviews each task once CI is green. */
    enabled: z.boolean().default(true),
    /** Review rounds (reviewer → coder) per task before a human is asked. */
    maxRounds: z.int().min(1).max(10).default(2),
  })
  .strict();

const QaConfig = z
  .object({
    /** Debugger fixes per task before a human is asked. */
    maxFixAttempts: z.int().min(0).max(10).default(3),
    /** Debugger fixes across all tasks of one issue. */
    maxFixAttemptsPerIssue: z.int().min(0).max(50).default(8),
    review: ReviewConfig.prefault({}),
  })
  .strict();

const PullRequestsConfig = z
  .object({
    /**
     * How task pull requests (and their commits) are titled: `conventional` as `type(scope): description`
     * (Conventional Commits), `plain` as `[#issue] title`, `auto` as the default branch's recent history does.
     */
    title: z.enum(["auto", "conventional", "plain"]).default("auto"),
    /** The last task's pull request says `Closes #issue`, so GitHub closes the issue when it merges (needs `merge.closeIssue`). */
    closesIssue: z.boolean().default(false),
  })
  .strict();

/** One role's agent: how many turns it may call tools, and whether it has tools at all. */
const roleAgent = (maxTurns: number) =>
  z
    .object({
      /** Model turns that may call tools before the role must answer. */
      maxTurns: z.int().min(1).max(100).default(maxTurns),
      /** Overrides `agents.tools` for this role. */
      tools: z.boolean().optional(),
    })
    .strict();

/** A role that edits: also how many times it may run the repository's checks (`checks`) per job. */
const writerAgent = (maxTurns: number) =>
  roleAgent(maxTurns)
    .extend({
      /** Runs of the declared checks (or allowed commands) per job; 0: none. */
      maxCheckRuns: z.int().min(0).max(20).default(4),
    })
    .strict();

const AgentsConfig = z
  .object({
    /** Whether agents read the repository through tools (a local copy at the exact commit); false: the fixed context of old. */
    tools: z.boolean().default(true),
    /** Past this size (in tokens, about four characters each), older tool results in a conversation are shortened. */
    contextTokens: z.int().min(4_000).max(1_000_000).default(32_000),
    engineer: roleAgent(8).prefault({}),
    planner: roleAgent(12).prefault({}),
    coder: writerAgent(20).prefault({}),
    debugger: writerAgent(12).prefault({}),
    reviewer: roleAgent(8).prefault({}),
  })
  .strict();

/** `.github/foreman.yml` on the default branch. Every key is optional. */
export const RepoConfig = z
  .object({
    label: z.string().min(1).max(50).default("foreman"),
    planApproval: z.enum(["auto", "manual"]).default("manual"),
    maxParallelTasks: z.int().min(1).max(10).default(3),
    /** `models:` with every key under it commented out reads as no models, as a missing section does. */
    models: ModelsConfig.nullish().transform((models) => models ?? {}),
    merge: MergeConfig.prefault({}),
    protectedPaths: z.array(PathGlob).default([]),
    limits: LimitsConfig.prefault({}),
    qa: QaConfig.prefault({}),
    approval: ApprovalConfig.prefault({}),
    agents: AgentsConfig.prefault({}),
    allowBots: z.array(z.string().min(1)).default([]),
    checks: ChecksConfig.prefault({}),
    pullRequests: PullRequestsConfig.prefault({}),
  })
  .strict();
export type RepoConfig = z.infer<typeof RepoConfig>;

/**
 * One file as written: the keys of `RepoConfig`, and `_extends`, naming a file whose keys this one
 * builds on (as in Probot). The keys of the files read together are merged into one `RepoConfig`.
 */
export const RepoConfigFile = RepoConfig.extend({ _extends: ExtendsValue.optional() });

/**
 * The config as a saved workflow holds it: read back as it was accepted when the workflow started.
 * Checks added to the file's schema later (such as the glob check on `protectedPaths`) apply to the
 * next config read from the repository, never to a workflow already under way.
 */
export const StoredRepoConfig = RepoConfig.extend({ protectedPaths: z.array(z.string()).default([]) });

export type AgentRole = "engineer" | "planner" | "coder" | "debugger" | "reviewer";

/** Whether a role reads the repository through tools: its own `tools` setting, else `agents.tools`. */
export function toolsFor(config: RepoConfig, role: AgentRole): boolean {
  return config.agents[role].tools ?? config.agents.tools;
}

/** The model a role uses: its own setting, else `models.default`, else the deployment's default (`FOREMAN_DEFAULT_MODEL`). */
export function modelFor(config: RepoConfig, role: AgentRole, deploymentDefault: string): string {
  return config.models[role] ?? config.models.default ?? deploymentDefault;
}
