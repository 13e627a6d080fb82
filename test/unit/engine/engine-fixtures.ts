import { expect } from "vitest";
import type { z } from "zod";
import { RepoConfig } from "../../../src/config/index.ts";
import { decide } from "../../../src/engine/decide.ts";
import type { Decision } from "../../../src/engine/decision.ts";
import type { Effect } from "../../../src/engine/effects.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { TaskRecord, Usage, WorkflowState } from "../../../src/engine/types.ts";
import { Plan, type Task } from "../../../src/plan/index.ts";

export const NOW = 1_700_000_000_000;

export const USAGE: Usage = { promptTokens: 100, completionTokens: 20, costUsd: 0.25, modelCalls: 1 };

/**
 * The repository's configuration as `.github/foreman.yml` would give it, defaults filled in. The
 * reviewer is off unless a test turns it on, so that green CI leads straight to approval.
 */
export function config(input: z.input<typeof RepoConfig> = {}): RepoConfig {
  return RepoConfig.parse({ ...input, qa: { ...input.qa, review: { enabled: false, ...input.qa?.review } } });
}

type TaskInput = { id: string; dependsOn?: string[]; files?: string[] };

/** A real, schema-checked plan of the given tasks. */
export function planOf(...tasks: TaskInput[]): Plan {
  return Plan.parse({
    summary: "Build it in steps.",
    tasks: tasks.map((input): Task => ({
      id: input.id,
      title: `Task ${input.id}`,
      description: `Do ${input.id}.`,
      files: (input.files ?? [`src/${input.id}.ts`]).map((path) => ({ path, action: "modify" as const })),
      dependsOn: input.dependsOn ?? [],
      acceptanceCriteria: [`${input.id} works`],
      risk: "low",
    })),
  });
}

export function startEvent(repoConfig: RepoConfig = config()): EngineEvent {
  return {
    type: "start",
    ref: { installationId: 1, owner: "Acme", repo: "Calculator" },
    issue: 7,
    issueTitle: "Add subtraction",
    requester: "maya",
    config: repoConfig,
    defaultBranch: "main",
  };
}

/** Applies an event that must be acted on; fails the test when the engine ignores it. */
export function step(state: WorkflowState | null, event: EngineEvent, now = NOW): Decision {
  const decision = decide(state, event, now);
  if (!decision) throw new Error(`decide returned null for ${event.type}`);
  expect(decision.ignored).toBeUndefined();
  return decision;
}

/** Applies events in order, each of which must be acted on, and returns the last decision. */
export function run(state: WorkflowState | null, events: EngineEvent[], now = NOW): Decision {
  let decision: Decision | null = null;
  let current = state;
  for (const event of events) {
    decision = step(current, event, now);
    current = decision.state;
  }
  if (!decision) throw new Error("run needs at least one event");
  return decision;
}

/** A workflow whose plan was just made, waiting for `/approve` (or executing, with `planApproval: auto`). */
export function planned(plan: Plan, repoConfig: RepoConfig = config()): Decision {
  return run(null, [
    startEvent(repoConfig),
    { type: "engineer_done", outcome: { kind: "brief", brief: "Add a sub function." }, usage: USAGE },
    { type: "plan_done", plan, notes: [], usage: USAGE },
  ]);
}

/** A workflow executing the plan after `/approve`. */
export function executing(plan: Plan, repoConfig: RepoConfig = config()): Decision {
  return step(planned(plan, repoConfig).state, { type: "approve_plan", by: "maya" });
}

export const shaOf = (taskId: string, push = 1): string => `${taskId}${"0".repeat(39 - taskId.length)}${push}`;

export const published = (taskId: string, pr = 10): EngineEvent => ({
  type: "task_published",
  taskId,
  pr,
  prNodeId: `PR_${taskId}`,
  headSha: shaOf(taskId),
  risk: { level: "low", reasons: [] },
  usage: USAGE,
});

export const green = (taskId: string, sha = shaOf(taskId)): EngineEvent => ({
  type: "ci_completed",
  taskId,
  sha,
  conclusion: "success",
  summary: "2 check(s) passed.",
});

export const red = (taskId: string, sha = shaOf(taskId)): EngineEvent => ({
  type: "ci_completed",
  taskId,
  sha,
  conclusion: "failure",
  summary: "Failing checks:\n- test",
});

export const approve = (taskId: string, sha = shaOf(taskId)): EngineEvent => ({
  type: "approve_task",
  taskId,
  by: "maya",
  sha,
  permission: "admin",
});

export const merged = (taskId: string, sha = shaOf(taskId)): EngineEvent => ({ type: "task_merged", taskId, sha });

/** Publish, green CI, approval and merge of one task. */
export const through = (taskId: string): EngineEvent[] => [published(taskId), green(taskId), approve(taskId), merged(taskId)];

export function taskOf(state: WorkflowState, id: string): TaskRecord {
  const task = state.tasks[id];
  if (!task) throw new Error(`task ${id} has no record`);
  return task;
}

export const started = (effects: Effect[]): string[] => effects.flatMap((effect) => (effect.type === "start_task" ? [effect.taskId] : []));

export const ofType = <T extends Effect["type"]>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] =>
  effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
