/**
 * The names Foreman keys its work by, each with `toString` and `parse` that round-trip. Owner and
 * repository names never hold `/`, `#`, `@` or `:` (GitHub forbids them), so the keys split without
 * escapes. The hidden comment-marker keys are not here: `render/` owns them.
 */

/** A repository by name, as GitHub spells it (case is not significant). */
export interface RepoName {
  owner: string;
  repo: string;
}

export interface WorkflowIdParts extends RepoName {
  issue: number;
}

export interface TaskKeyParts {
  workflowId: string;
  taskId: string;
}

const NAME = "[^/\\s#@:]+";
const ISSUE = "[1-9]\\d*";
const COUNT = "0|[1-9]\\d*";
/** A commit SHA (a rebase key may carry an empty one when the task had no head yet). */
const SHA = "[^/\\s#@:]*";
const TASK = "[^/\\s#@:]+";
const WORKFLOW = `${NAME}/${NAME}#${ISSUE}`;

function exact(pattern: string): RegExp {
  return new RegExp(`^${pattern}$`);
}

/** `owner/repo`, lower-case: the job key of work about a repository rather than one issue. */
export const RepoKey = {
  toString(name: RepoName): string {
    return `${name.owner}/${name.repo}`.toLowerCase();
  },
  parse(text: string): RepoName | null {
    const match = exact(`(${NAME})/(${NAME})`).exec(text);
    return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : null;
  },
};

/** `owner/repo#12`, lower-case: one workflow per issue, and the job key of its own jobs. */
export const WorkflowId = {
  toString(parts: WorkflowIdParts): string {
    return `${RepoKey.toString(parts)}#${parts.issue}`;
  },
  parse(text: string): WorkflowIdParts | null {
    const match = exact(`(${NAME})/(${NAME})#(${ISSUE})`).exec(text);
    return match?.[1] && match[2] && match[3] ? { owner: match[1], repo: match[2], issue: Number(match[3]) } : null;
  },
};

/** `<workflowId>/<taskId>`: the job key of one task's jobs, so they run one at a time and in order. */
export const TaskKey = {
  toString(parts: TaskKeyParts): string {
    return `${parts.workflowId}/${parts.taskId}`;
  },
  parse(text: string): TaskKeyParts | null {
    const match = exact(`(${WORKFLOW})/(${TASK})`).exec(text);
    return match?.[1] && match[2] ? { workflowId: match[1], taskId: match[2] } : null;
  },
};

/** `installation:<id>`: the job key of work about a whole installation. */
export const InstallationKey = {
  toString(installationId: number): string {
    return `installation:${installationId}`;
  },
  parse(text: string): number | null {
    const match = exact(`installation:(${ISSUE})`).exec(text);
    return match?.[1] ? Number(match[1]) : null;
  },
};

/** The keys jobs run under: a repository, a workflow, a task of a workflow, or an installation. */
export const JobKey = {
  /** The workflow a job key belongs to (its own key or one of its tasks'), or null for any other key. */
  workflowOf(key: string): string | null {
    if (WorkflowId.parse(key)) return key;
    return TaskKey.parse(key)?.workflowId ?? null;
  },
};

export interface DecisionKeyParts {
  workflowId: string;
  /** The stored version of the workflow the decision was made on. */
  version: number;
}

/** `<workflowId>@<version>`: one decision of the engine, the prefix of its effects' keys. */
export const DecisionKey = {
  toString(parts: DecisionKeyParts): string {
    return `${parts.workflowId}@${parts.version}`;
  },
  parse(text: string): DecisionKeyParts | null {
    const match = exact(`(${WORKFLOW})@(${COUNT})`).exec(text);
    return match?.[1] && match[2] ? { workflowId: match[1], version: Number(match[2]) } : null;
  },
};

export interface EffectKeyParts {
  /** A `DecisionKey`. */
  decision: string;
  /** The effect's place among the decision's effects. */
  index: number;
  type: string;
}

/** `<decision>:<index>:<effect type>`: the idempotency key of one effect the engine decided. */
export const EffectKey = {
  toString(parts: EffectKeyParts): string {
    return `${parts.decision}:${parts.index}:${parts.type}`;
  },
  parse(text: string): EffectKeyParts | null {
    const match = exact(`(${WORKFLOW}@(?:${COUNT})):(${COUNT}):([a-z_]+)`).exec(text);
    return match?.[1] && match[2] && match[3] ? { decision: match[1], index: Number(match[2]), type: match[3] } : null;
  },
};

/** What a task's job did once, keyed so a job that runs again after a crash finds it. */
export type TaskWork =
  | { work: "code"; attempt: number }
  | { work: "review" | "debug" | "rebase"; sha: string }
  | { work: "revise"; sha: string; round: number }
  /** The edits a task's coder made, replayed onto a moved base. */
  | { work: "edits" };

export type TaskWorkKeyParts = TaskKeyParts & TaskWork;

function workSuffix(work: TaskWork): string {
  switch (work.work) {
    case "code":
      return `#${work.attempt}:code`;
    case "revise":
      return `@${work.sha}:revise:${work.round}`;
    case "edits":
      return ":edits";
    default:
      return `@${work.sha}:${work.work}`;
  }
}

function parseWork(suffix: string): TaskWork | null {
  const code = exact(`#(${COUNT}):code`).exec(suffix);
  if (code?.[1]) return { work: "code", attempt: Number(code[1]) };
  const revise = exact(`@(${SHA}):revise:(${COUNT})`).exec(suffix);
  if (revise?.[1] !== undefined && revise[2]) return { work: "revise", sha: revise[1], round: Number(revise[2]) };
  const atSha = exact(`@(${SHA}):(review|debug|rebase)`).exec(suffix);
  if (atSha?.[1] !== undefined && (atSha[2] === "review" || atSha[2] === "debug" || atSha[2] === "rebase")) return { work: atSha[2], sha: atSha[1] };
  return suffix === ":edits" ? { work: "edits" } : null;
}

/**
 * The idempotency key of a task's recorded work: `<taskKey>#<attempt>:code`, `<taskKey>@<sha>:review`
 * (`:debug`, `:rebase`), `<taskKey>@<sha>:revise:<round>` and `<taskKey>:edits`.
 */
export const TaskWorkKey = {
  toString(parts: TaskWorkKeyParts): string {
    return `${TaskKey.toString(parts)}${workSuffix(parts)}`;
  },
  parse(text: string): TaskWorkKeyParts | null {
    const match = exact(`(${WORKFLOW})/(${TASK})([#@:].*)`).exec(text);
    const work = match?.[3] === undefined ? null : parseWork(match[3]);
    return match?.[1] && match[2] && work ? { workflowId: match[1], taskId: match[2], ...work } : null;
  },
};

export interface CheckRunIdParts extends TaskKeyParts {
  /** The task's own head, or the merge group that tests it with the base. */
  on: "head" | "merge_group";
}

/** The `external_id` of Foreman's check runs: `<taskKey>` on a task's head, `<taskKey>/merge-group` on a merge group. */
export const CheckRunId = {
  toString(parts: CheckRunIdParts): string {
    return parts.on === "head" ? TaskKey.toString(parts) : `${TaskKey.toString(parts)}/merge-group`;
  },
  parse(text: string): CheckRunIdParts | null {
    const group = text.endsWith("/merge-group") ? TaskKey.parse(text.slice(0, -"/merge-group".length)) : null;
    if (group) return { ...group, on: "merge_group" };
    const head = TaskKey.parse(text);
    return head ? { ...head, on: "head" } : null;
  },
};

export interface ReconcileDeliveryParts {
  /** What the reconciler fed in: a missed comment, a missed label, a rebuilt workflow. */
  what: string;
  /** The comment id, or the workflow id. */
  id: string;
}

/** `reconcile:<what>:<id>`: the delivery id of work the reconciler fed in, in place of a lost webhook's. */
export const ReconcileDeliveryId = {
  toString(parts: ReconcileDeliveryParts): string {
    return `reconcile:${parts.what}:${parts.id}`;
  },
  parse(text: string): ReconcileDeliveryParts | null {
    const match = /^reconcile:([a-z_]+):(\S+)$/.exec(text);
    return match?.[1] && match[2] ? { what: match[1], id: match[2] } : null;
  },
};
