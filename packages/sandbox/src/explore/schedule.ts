import type { z } from "zod";
import type { GitHubFault, ModelFaultInput, ScenarioStep, ScriptedAnswerInput, WebhookFaults } from "../scenario/index.ts";

/** One task of a plan the explorer runs, as the scripted planner and coder answer it. */
export interface ExploreTask {
  id: string;
  dependsOn: string[];
  /** The files the scripted coder creates for the task, path → content: humans push their own versions of them. */
  creates: Record<string, string>;
}

/**
 * A small plan with its scripted model: the issue, the tasks (dependencies first) and the answers
 * of every role (engineer, planner, a coder answer per task, reviewer, debugger), each unlimited.
 */
export interface ExplorePlan {
  name: string;
  /** How often schedules draw this plan, relative to the others (default 1). */
  weight?: number;
  issue: { title: string; body: string };
  tasks: ExploreTask[];
  answers: ScriptedAnswerInput[];
}

/** The repository every schedule starts from, and its CI. */
export interface ExploreRepository {
  owner: string;
  name: string;
  files: Record<string, string>;
  ci: Array<{ name: string; run: string; timeoutSeconds: number }>;
}

/** How the app is configured for a schedule (its `.github/foreman.yml`) and how slow the coder is. */
export interface ScheduleConfig {
  planApproval: "auto" | "manual";
  review: boolean;
  mergeQueue: boolean;
  coderDelayMs: number;
}

type StepInput = z.input<typeof ScenarioStep>;

/** One thing a schedule does, the unit the shrinker removes. */
export type ScheduleItem =
  /** Humans acting: usually a pause then one action, each step optional (skipped when it no longer applies). */
  | { kind: "steps"; what: string; steps: StepInput[] }
  | { kind: "webhooks"; what: string; faults: WebhookFaults }
  | { kind: "github"; what: string; fault: GitHubFault }
  | { kind: "model"; what: string; fault: ModelFaultInput }
  /** A scripted answer used before the plan's own (e.g. a coder that writes a secret into a file). */
  | { kind: "answer"; what: string; answer: ScriptedAnswerInput };

/**
 * `humans`: people act at random moments (and faults may be injected); `faults`: only the approvals
 * a run needs, under faults, so its model requests can be compared with a fault-free baseline (G5).
 */
export type ScheduleKind = "humans" | "faults" | "baseline";

/** A seeded schedule: everything a run does besides the app, replayable from its seed (and the items kept after shrinking). */
export interface Schedule {
  seed: number;
  kind: ScheduleKind;
  plan: string;
  config: ScheduleConfig;
  /** Every item generated from the seed. */
  items: ScheduleItem[];
  /** Indices of the items kept when the schedule was shrunk; all of them when absent. */
  kept?: number[];
}

/** The items a run plays, with their index among the generated ones. */
export function activeItems(schedule: Schedule): Array<{ index: number; item: ScheduleItem }> {
  const kept = schedule.kept ? new Set(schedule.kept) : null;
  return schedule.items.map((item, index) => ({ index, item })).filter(({ index }) => kept === null || kept.has(index));
}

/** The schedule with only these generated items. */
export function keepItems(schedule: Schedule, indices: readonly number[]): Schedule {
  return { ...schedule, kept: [...indices].sort((a, b) => a - b) };
}

/** The schedule in a few lines: its plan, its configuration and each item played. */
export function describeSchedule(schedule: Schedule): string[] {
  const { config } = schedule;
  const head = `seed ${schedule.seed} (${schedule.kind}): plan ${schedule.plan}, planApproval ${config.planApproval}, review ${config.review ? "on" : "off"}, ${config.mergeQueue ? "merge queue" : "API merge"}, coder ${config.coderDelayMs} ms`;
  return [head, ...activeItems(schedule).map(({ index, item }) => `  [${index}] ${item.kind}: ${item.what}`)];
}
