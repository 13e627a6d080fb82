import { z } from "zod";
import { InstallationKey, TaskKey } from "../domain/ids.ts";
import { EngineEvent, ReplyTarget } from "../engine/events.ts";
import { Intake } from "../worker/intake.ts";

const AboutTask = { workflowId: z.string().min(1), taskId: z.string().min(1) };

/**
 * An engine event to apply to a workflow: from finished work, the reconciler, a moved base, or an
 * operator's command line (`actor`, recorded in the audit trail; absent for Foreman's own events).
 */
const EventJob = z.object({ workflowId: z.string().min(1), event: EngineEvent, actor: z.string().min(1).optional() });
type EventJob = z.infer<typeof EventJob>;

/** The coder's attempt at a task. */
export const TaskJob = z.object({ ...AboutTask, attempt: z.int().min(1) });
export type TaskJob = z.infer<typeof TaskJob>;

/** The debugger reading a red CI run of the task's head `sha`. */
export const DebugJob = z.object({ ...AboutTask, sha: z.string() });
export type DebugJob = z.infer<typeof DebugJob>;

/** The reviewer reading the green head `sha`; `run` when a human asked for the review again (it keys the new answer). */
export const ReviewJob = z.object({ ...AboutTask, sha: z.string(), run: z.int().optional() });
export type ReviewJob = z.infer<typeof ReviewJob>;

/** The coder answering review findings or a writer's feedback on head `sha`. */
export const ReviseJob = z.object({ ...AboutTask, sha: z.string(), feedback: z.string(), reply: ReplyTarget });
export type ReviseJob = z.infer<typeof ReviseJob>;

/** The planner amending the file list of a task whose head `sha` the debugger found cannot pass as specified. */
export const AmendJob = z.object({ ...AboutTask, sha: z.string(), diagnosis: z.string() });
export type AmendJob = z.infer<typeof AmendJob>;

export const RebaseJob = z.object({
  ...AboutTask,
  /** The task's head when the conflict was seen, so a repeated conflict gets its own key. */
  headSha: z.string(),
});
export type RebaseJob = z.infer<typeof RebaseJob>;

/** `installation.deleted`: the app lost access, so the installation's workflows end. */
export const InstallationRemovedJob = z.object({ installationId: z.int() });
export type InstallationRemovedJob = z.infer<typeof InstallationRemovedJob>;

/** Every kind of job the queue holds, with the schema of its payload. */
const JOB_PAYLOADS = {
  intake: Intake,
  event: EventJob,
  task: TaskJob,
  debug: DebugJob,
  review: ReviewJob,
  revise: ReviseJob,
  rebase: RebaseJob,
  amend: AmendJob,
  installation_removed: InstallationRemovedJob,
};

export type JobKind = keyof typeof JOB_PAYLOADS;

/**
 * The worker's two lanes. A `model` job waits on a model call for most of its run (the coder, the
 * debugger, the reviewer, the planner amending a task, the coder resolving a conflict); a `short`
 * job reads and writes GitHub and the store. Each lane has its own slots, so short jobs never wait
 * behind model calls.
 */
export type Lane = "short" | "model";

const JOB_LANES: { readonly [K in JobKind]: Lane } = {
  intake: "short",
  event: "short",
  installation_removed: "short",
  task: "model",
  debug: "model",
  review: "model",
  revise: "model",
  rebase: "model",
  amend: "model",
};

/** The kinds of job a lane runs. */
export function kindsOf(lane: Lane): JobKind[] {
  return Object.keys(JOB_LANES)
    .filter(isJobKind)
    .filter((kind) => JOB_LANES[kind] === lane);
}

/**
 * What a lane's lease takes: the model lane, its kinds; the short lane, every other kind, so that a
 * stored job of a kind this Foreman does not run is still taken, and fails with its reason.
 */
export function laneFilter(lane: Lane): { kinds: JobKind[] } | { exceptKinds: JobKind[] } {
  return lane === "model" ? { kinds: kindsOf("model") } : { exceptKinds: kindsOf("model") };
}
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[K]>;

/** The schemas by kind, typed so that a kind picks out its own payload type. */
const SCHEMAS: { readonly [K in JobKind]: z.ZodType<JobPayload<K>> } = JOB_PAYLOADS;

/** A leased job as stored; `parseLeasedJob` reads its payload back as its kind's. */
export interface Job {
  id: number;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
  /** Rate-limit waits so far: they are not attempts, but each waits longer. */
  waits: number;
  /** Fencing token: increases on every lease, so a worker that lost its lease cannot finish the job. */
  leaseToken: number;
}

/** A job to queue; `K` narrows it to one kind. Jobs with the same key run one at a time, in order. */
export type JobInput<K extends JobKind = JobKind> = { [P in K]: { kind: P; key: string; payload: JobPayload<P>; runAt?: number } }[K];

/** A leased job with its payload read back and checked. */
export type LeasedJob<K extends JobKind = JobKind> = { [P in K]: Omit<Job, "kind" | "payload"> & { kind: P; payload: JobPayload<P> } }[K];

/** A job whose kind is not one Foreman runs, or whose payload is not its kind's: it is never run. */
export class InvalidJobError extends Error {
  readonly kind: string;
  constructor(kind: string, detail: string, cause?: z.ZodError) {
    super(`job "${kind}" ${detail}`, cause ? { cause } : undefined);
    this.name = "InvalidJobError";
    this.kind = kind;
  }
}

const UNKNOWN_KIND = "is not a kind of job this Foreman runs";

function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_PAYLOADS, kind);
}

/** The payload as its kind's; the kind is checked too, for data that did not come through the types (a stored row). */
function checked<K extends JobKind>(kind: K, payload: unknown): JobPayload<K> {
  if (!isJobKind(kind)) throw new InvalidJobError(kind, UNKNOWN_KIND);
  const parsed = SCHEMAS[kind].safeParse(payload);
  if (!parsed.success)
    throw new InvalidJobError(kind, `has a payload that is not its kind's: ${z.prettifyError(parsed.error)}`, parsed.error);
  return parsed.data;
}

/** A job about to be queued, its payload checked (and normalised) against its kind's schema. */
export function checkedJobInput<K extends JobKind>(job: JobInput<K>): JobInput<K> {
  return { ...job, payload: checked<K>(job.kind, job.payload) };
}

function leased<K extends JobKind>(job: Job, kind: K): LeasedJob<K> {
  return { ...job, kind, payload: checked(kind, job.payload) };
}

/** A leased job read back: throws an `InvalidJobError` naming the kind and the problems when it does not parse. */
export function parseLeasedJob(job: Job): LeasedJob {
  if (!isJobKind(job.kind)) throw new InvalidJobError(job.kind, UNKNOWN_KIND);
  return leased(job, job.kind);
}

/** The job that turns a webhook (or what the reconciler found in place of a lost one) into engine events. */
export function intakeJob(key: string, intake: Intake): JobInput<"intake"> {
  return { kind: "intake", key, payload: intake };
}

/** The event job that applies `event` to a workflow; keyed by the workflow, so its events apply in order. `actor`: who asked, when someone did. */
export function eventJob(workflowId: string, event: EngineEvent, actor?: string): JobInput<"event"> {
  return { kind: "event", key: workflowId, payload: actor === undefined ? { workflowId, event } : { workflowId, event, actor } };
}

export type TaskJobKind = "task" | "debug" | "review" | "revise" | "rebase" | "amend";

/** A job about one task: keyed by the task, so its jobs run one at a time and in order, beside other tasks. */
export function taskJob<K extends TaskJobKind>(kind: K, payload: JobPayload<K>): JobInput<K> {
  return { kind, key: TaskKey.toString(payload), payload };
}

/** The job that closes every open workflow of an installation the app was removed from. */
export function installationRemovedJob(installationId: number): JobInput<"installation_removed"> {
  return { kind: "installation_removed", key: InstallationKey.toString(installationId), payload: { installationId } };
}
