/**
 * The names Foreman keys its work by, each with `toString` and `parse` that round-trip. Owner and
 * repository names never hold `/`, `#`, `@` or `:` (GitHub forbids them), so the keys split without
 * escapes. The idempotency keys built on these are in `keys.ts`; the hidden comment-marker keys are
 * not here: `render/` owns them.
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

export interface PullCheckRunIdParts extends RepoName {
  /** The pull request that is not a Foreman task. */
  pr: number;
  /** Its head, the merge group that tests it with the base, or its head's `Foreman config` check. */
  on: "head" | "merge_group" | "config";
}

const PULL_CHECK_SUFFIXES = { head: "", merge_group: "/merge-group", config: "/config" } as const;

/**
 * The `external_id` of the `Foreman` check that passes on a pull request that is not a Foreman task
 * (where the base branch requires the check): `<repoKey>/pull/<pr>` on its head,
 * `<repoKey>/pull/<pr>/merge-group` on a merge group; and of the `Foreman config` check on its head,
 * `<repoKey>/pull/<pr>/config`. No task's `CheckRunId` looks like it (no `#`).
 */
export const PullCheckRunId = {
  toString(parts: PullCheckRunIdParts): string {
    return `${RepoKey.toString(parts)}/pull/${parts.pr}${PULL_CHECK_SUFFIXES[parts.on]}`;
  },
  parse(text: string): PullCheckRunIdParts | null {
    const match = exact(`(${NAME})/(${NAME})/pull/(${ISSUE})(/merge-group|/config)?`).exec(text);
    if (!match?.[1] || !match[2] || !match[3]) return null;
    const on = match[4] === "/merge-group" ? "merge_group" : match[4] === "/config" ? "config" : "head";
    return { owner: match[1], repo: match[2], pr: Number(match[3]), on };
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
