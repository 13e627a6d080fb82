import { CommentKey, failureText, renderWorkflowFailure } from "../render/index.ts";
import { chosenTitleStyle } from "../domain/conventional-commits.ts";
import { WorkflowId } from "../domain/ids.ts";
import type { EngineEvent } from "./events.ts";
import { ignore, type Decision } from "./decision.ts";
import { startReadyTasks } from "./schedule.ts";
import type { WorkflowState } from "./types.ts";
import { addUsage, NO_USAGE } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

export function start(event: Of<"start">, now: number): Decision {
  const state: WorkflowState = {
    id: WorkflowId.toString({ ...event.ref, issue: event.issue }),
    ref: event.ref,
    issue: event.issue,
    issueTitle: event.issueTitle,
    requester: event.requester,
    phase: "planning",
    config: event.config,
    defaultBranch: event.defaultBranch,
    questions: [],
    answers: [],
    brief: null,
    plan: null,
    planNotes: [],
    planFeedback: null,
    tasks: {},
    planApprover: null,
    pullRequestTitles: chosenTitleStyle(event.config.pullRequests.title, event.pullRequestTitles),
    usage: NO_USAGE,
    statusCommentId: null,
    statusDigest: null,
    fixAttemptsTotal: 0,
    startedAt: now,
    finishedAt: null,
    failure: null,
  };
  return { state, effects: [{ type: "update_status" }, { type: "run_engineer" }] };
}

export function engineerDone(state: WorkflowState, event: Of<"engineer_done">): Decision {
  if (state.phase !== "planning" || state.brief !== null) return ignore(state, "engineer result outside scoping");
  const usage = addUsage(state.usage, event.usage);
  if (event.outcome.kind === "questions") {
    const next = { ...state, usage, phase: "clarifying" as const, questions: event.outcome.questions };
    return { state: next, effects: [{ type: "update_status" }] };
  }
  const next = { ...state, usage, brief: event.outcome.brief, questions: [] };
  return { state: next, effects: [{ type: "update_status" }, { type: "run_planner" }] };
}

export function reply(state: WorkflowState, event: Of<"reply">): Decision {
  if (state.phase !== "clarifying") return ignore(state, "not waiting for answers");
  const next = { ...state, phase: "planning" as const, answers: [...state.answers, `${event.author}: ${event.body}`] };
  return { state: next, effects: [{ type: "update_status" }, { type: "run_engineer" }] };
}

export function planDone(state: WorkflowState, event: Of<"plan_done">, now: number): Decision {
  if (state.phase !== "planning") return ignore(state, "plan outside planning");
  const planned: WorkflowState = {
    ...state,
    usage: addUsage(state.usage, event.usage),
    plan: event.plan,
    planNotes: event.notes,
    planFeedback: null,
    tasks: {},
  };
  if (state.config.planApproval === "manual") {
    return { state: { ...planned, phase: "awaiting_approval" }, effects: [{ type: "update_status" }] };
  }
  return startReadyTasks({ ...planned, phase: "executing" }, now);
}

export function planFailed(state: WorkflowState, event: Of<"plan_failed">, now: number): Decision {
  if (state.phase !== "planning") return ignore(state, "plan result outside planning");
  return fail({ ...state, usage: addUsage(state.usage, event.usage) }, failureText.plannerInvalid(event.problems), now);
}

export function agentFailed(state: WorkflowState, event: Of<"agent_failed">, now: number): Decision {
  return fail({ ...state, usage: addUsage(state.usage, event.usage) }, failureText.agentFailed(event.role, event.reason), now);
}

/** Stops the workflow: `failure` (a sentence from `failureText`) is kept, shown in the status comment and posted. */
export function fail(state: WorkflowState, failure: string, now: number): Decision {
  const next = { ...state, phase: "failed" as const, failure, finishedAt: now };
  return {
    state: next,
    effects: [{ type: "update_status" }, { type: "comment", key: CommentKey.failure, on: "issue", body: renderWorkflowFailure(failure) }],
  };
}

/** A writer approved the plan: the work starts, and who approved it (with their permission then) is kept for the approvals it may give. */
export function approvePlan(state: WorkflowState, event: Of<"approve_plan">, now: number): Decision {
  if (state.phase !== "awaiting_approval") return ignore(state, "no plan waiting for approval");
  const planApprover = { login: event.by, permission: event.permission ?? null, at: now };
  return startReadyTasks({ ...state, phase: "executing", planApprover }, now);
}

export function replan(state: WorkflowState, event: Of<"replan">): Decision {
  if (state.phase !== "awaiting_approval") return ignore(state, "no plan waiting for approval");
  const next = { ...state, phase: "planning" as const, plan: null, planFeedback: event.feedback };
  return { state: next, effects: [{ type: "update_status" }, { type: "run_planner" }] };
}
