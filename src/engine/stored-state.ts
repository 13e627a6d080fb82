import { z } from "zod";
import { Risk } from "../plan/index.ts";
import { WorkflowState } from "./types.ts";

/**
 * The version of a stored workflow state: the `workflows` row and the status comment's snapshot.
 * 1: written before versions were recorded (the row has no version, the snapshot's envelope says 1).
 * 2: the same shape, written with its version.
 * 3: tasks know when Foreman learned of their head (`headSeenAt`), which binds an `/approve` to what the writer saw,
 *    and a conflict with the base that waits for the task to come to rest (`pendingBase`).
 * 4: tasks remember the last CI result they acted on (`ciResult`) and the debugger's diagnoses (`diagnoses`); a
 *    review may be `unavailable`.
 * 5: the workflow keeps who approved the plan (`planApprover`) and the style of its pull request titles
 *    (`pullRequestTitles`); tasks whether their approval is the plan's (`approvedWithPlan`), when Foreman learned of
 *    their head (`headKnownAt`), whether someone else pushed to their branch (`humanCommits`) and what the base
 *    branch's rules still want before their merge (`awaiting`).
 * 6: the workflow keeps a digest of what its status comment last showed (`statusDigest`), so that an edit that would
 *    change nothing visible is not made.
 * A change to `WorkflowState` bumps this number and adds a migration from the version before to `MIGRATIONS`, which gives
 * new fields their defaults.
 */
export const WORKFLOW_STATE_VERSION = 6;

export type UnreadableReason = "newer" | "unknown" | "invalid";

/** A stored state that this Foreman cannot read: written by a newer one, of no known version, or not a state. */
export class UnreadableStateError extends Error {
  readonly source: string;
  readonly version: number;
  readonly reason: UnreadableReason;
  constructor(source: string, version: number, reason: UnreadableReason, cause?: unknown) {
    super(unreadableMessage(source, version, reason, cause), cause === undefined ? undefined : { cause });
    this.name = "UnreadableStateError";
    this.source = source;
    this.version = version;
    this.reason = reason;
  }
}

function unreadableMessage(source: string, version: number, reason: UnreadableReason, cause: unknown): string {
  switch (reason) {
    case "newer":
      return `${source} was written by a newer Foreman (state version ${version}; this one reads up to ${WORKFLOW_STATE_VERSION}): upgrade Foreman to go on with it`;
    case "unknown":
      return `${source} has state version ${version}, which no Foreman wrote`;
    case "invalid": {
      const detail = cause instanceof z.ZodError ? z.prettifyError(cause) : cause instanceof Error ? cause.message : "unreadable";
      return `${source} is not a valid workflow state at version ${version}: ${detail}`;
    }
  }
}

/** Fields a task gained while version 1 was current: rows and snapshots from before the QA loop lack them. */
function taskDefaultsV1(): Record<string, unknown> {
  return {
    approvedPermission: null,
    riskReasons: [],
    fixAttempts: 0,
    classifications: [],
    lastSignature: null,
    rerunSha: null,
    lastError: null,
    reviewRounds: 0,
    reviewedSha: null,
    reviewVerdict: null,
    findingSignatures: [],
    ownCommits: [],
    retryContext: null,
    usage: { promptTokens: 0, completionTokens: 0, costUsd: 0, modelCalls: 0 },
  };
}

const StateV1 = z.looseObject({ tasks: z.record(z.string(), z.record(z.string(), z.unknown())) });

/** Only the plan's declared risks, for tasks stored before their risk was. */
const DeclaredRisks = z.object({ plan: z.object({ tasks: z.array(z.object({ id: z.string(), risk: Risk })) }) });

function declaredRisks(raw: unknown): Map<string, Risk> {
  const parsed = DeclaredRisks.safeParse(raw);
  return new Map(parsed.success ? parsed.data.plan.tasks.map((task) => [task.id, task.risk]) : []);
}

/**
 * Version 1 to 2: the shape is today's, but older rows lack the task fields added during version 1.
 * They start empty; a task's risk starts at its plan's declared risk (high when the plan lacks it),
 * and the workflow's fix attempts at 0. Fields this migration does not know are carried as they are.
 */
function fromV1(raw: unknown): unknown {
  const state = StateV1.parse(raw);
  const declared = declaredRisks(raw);
  const tasks = Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [id, { risk: declared.get(id) ?? "high", ...taskDefaultsV1(), ...task }]),
  );
  return { fixAttemptsTotal: 0, ...state, tasks };
}

/** Fields a task gained in version 3. */
function taskDefaultsV2(): Record<string, unknown> {
  return { headSeenAt: null, pendingBase: null };
}

/** A migration that gives every task the fields `defaults` lists, at their defaults; everything else is carried as it is. */
const withTaskDefaults =
  (defaults: () => Record<string, unknown>) =>
  (raw: unknown): unknown => {
    const state = StateV1.parse(raw);
    const tasks = Object.fromEntries(Object.entries(state.tasks).map(([id, task]) => [id, { ...defaults(), ...task }]));
    return { ...state, tasks };
  };

/** Version 2 to 3 and 3 to 4: the new task fields start at their defaults. */
const fromV2 = withTaskDefaults(taskDefaultsV2);
const fromV3 = withTaskDefaults(() => ({ ciResult: null, diagnoses: [] }));

/**
 * Version 4 to 5: no plan approval is known from before (tasks keep their own approvals), titles stay
 * as they were written (`plain`), and no merge waits on the base branch's rules.
 */
const taskDefaultsV4 = withTaskDefaults(() => ({ approvedWithPlan: false, headKnownAt: null, humanCommits: false, awaiting: null }));
const fromV4 = (raw: unknown): unknown => ({ planApprover: null, pullRequestTitles: "plain", ...(taskDefaultsV4(raw) as object) });

/** Version 5 to 6: what the status comment showed is not known, so its next edit is made. */
const fromV5 = (raw: unknown): unknown => ({ statusDigest: null, ...StateV1.parse(raw) });

/** From each version to the next. */
const MIGRATIONS: Readonly<Record<number, (raw: unknown) => unknown>> = { 1: fromV1, 2: fromV2, 3: fromV3, 4: fromV4, 5: fromV5 };

/**
 * A stored state read back: migrated from its version to the newest and checked. Throws an
 * `UnreadableStateError` naming `source` (e.g. `workflow acme/stats#12`) when it cannot be.
 */
export function readWorkflowState(raw: unknown, version: number, source: string): WorkflowState {
  if (version > WORKFLOW_STATE_VERSION) throw new UnreadableStateError(source, version, "newer");
  let data = raw;
  try {
    for (let from = version; from < WORKFLOW_STATE_VERSION; from += 1) {
      const migrate = MIGRATIONS[from];
      if (!migrate) throw new UnreadableStateError(source, version, "unknown");
      data = migrate(data);
    }
  } catch (error) {
    if (error instanceof z.ZodError) throw new UnreadableStateError(source, version, "invalid", error);
    throw error;
  }
  const parsed = WorkflowState.safeParse(data);
  if (!parsed.success) throw new UnreadableStateError(source, version, "invalid", parsed.error);
  return parsed.data;
}

/** A state about to be stored, checked so that it reads back; always at the newest version. */
export function writableWorkflowState(state: WorkflowState, source: string): WorkflowState {
  const parsed = WorkflowState.safeParse(state);
  if (!parsed.success) throw new UnreadableStateError(source, WORKFLOW_STATE_VERSION, "invalid", parsed.error);
  return parsed.data;
}
