import { TaskKey, WorkflowId, type TaskKeyParts } from "./ids.ts";

/**
 * The idempotency keys of Foreman's work: under each, the store records a result once, so work that
 * runs again (a retry, a crash, a redelivered webhook) finds it instead of doing it twice. Each has
 * `toString` and `parse` that round-trip; the formats are those earlier releases recorded under.
 */

const COUNT = /^(?:0|[1-9]\d*)$/;

function count(text: string | undefined): number | null {
  return text !== undefined && COUNT.test(text) ? Number(text) : null;
}

/** `text` split at the first (or last) `separator`; null without one. */
function split(text: string, separator: string, at: "first" | "last" = "first"): [string, string] | null {
  const index = at === "first" ? text.indexOf(separator) : text.lastIndexOf(separator);
  return index < 0 ? null : [text.slice(0, index), text.slice(index + separator.length)];
}

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
    const [workflowId, version] = split(text, "@", "last") ?? [];
    const number = count(version);
    return workflowId !== undefined && WorkflowId.parse(workflowId) && number !== null ? { workflowId, version: number } : null;
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
    const match = /^([^:]+):(\d+):([a-z_]+)$/.exec(text);
    const index = count(match?.[2]);
    return match?.[1] && match[3] && index !== null && DecisionKey.parse(match[1]) ? { decision: match[1], index, type: match[3] } : null;
  },
};

/** What a task's job did once, keyed so a job that runs again after a crash finds it. */
export type TaskWork =
  /** `run` is when the workflow started: a workflow started again on the same issue counts its attempts anew. */
  | { work: "code"; attempt: number; run?: number }
  | { work: "debug" | "rebase" | "amend"; sha: string }
  /** `run`: when a human asked for the review again (`/retry`), so that the reviewer is asked anew. */
  | { work: "review"; sha: string; run?: number | undefined }
  | { work: "revise"; sha: string; round: number }
  /** The edits a task's coder made, replayed onto a moved base. */
  | { work: "edits" };

export type TaskWorkKeyParts = TaskKeyParts & TaskWork;

function workSuffix(work: TaskWork): string {
  switch (work.work) {
    case "code":
      return `#${work.attempt}:code${work.run === undefined ? "" : `:${work.run}`}`;
    case "revise":
      return `@${work.sha}:revise:${work.round}`;
    case "edits":
      return ":edits";
    case "review":
      return `@${work.sha}:review${work.run === undefined ? "" : `:${work.run}`}`;
    default:
      return `@${work.sha}:${work.work}`;
  }
}

/** A SHA in a key: hex in practice; a rebase key carries an empty one when the task had no head yet. */
const SHA = "[^/\\s#@:]*";

function parseWork(suffix: string): TaskWork | null {
  const code = /^#(\d+):code(?::(\d+))?$/.exec(suffix);
  const attempt = count(code?.[1]);
  const run = count(code?.[2]);
  if (attempt !== null) return run === null ? { work: "code", attempt } : { work: "code", attempt, run };
  const revise = new RegExp(`^@(${SHA}):revise:(\\d+)$`).exec(suffix);
  const round = count(revise?.[2]);
  if (revise?.[1] !== undefined && round !== null) return { work: "revise", sha: revise[1], round };
  const review = new RegExp(`^@(${SHA}):review:(\\d+)$`).exec(suffix);
  const reviewRun = count(review?.[2]);
  if (review?.[1] !== undefined && reviewRun !== null) return { work: "review", sha: review[1], run: reviewRun };
  const atSha = new RegExp(`^@(${SHA}):(review|debug|rebase|amend)$`).exec(suffix);
  const work = atSha?.[2];
  if (atSha?.[1] !== undefined && (work === "review" || work === "debug" || work === "rebase" || work === "amend"))
    return { work, sha: atSha[1] };
  return suffix === ":edits" ? { work: "edits" } : null;
}

/** The task key `text` starts with (up to its first `#`, `@` or `:` after the task id) and the rest. */
function leadingTaskKey(text: string): { task: TaskKeyParts; rest: string } | null {
  const taskStart = text.indexOf("/", text.indexOf("#")) + 1;
  const length = taskStart > 0 ? text.slice(taskStart).search(/[#@:]/) : -1;
  const task = length < 0 ? null : TaskKey.parse(text.slice(0, taskStart + length));
  return task ? { task, rest: text.slice(taskStart + length) } : null;
}

/**
 * The idempotency key of a task's recorded work: `<taskKey>#<attempt>:code:<run>` (without `:<run>`
 * before runs were counted), `<taskKey>@<sha>:review` (`:review:<run>` for a review asked
 * again; `:debug`, `:rebase`, `:amend`), `<taskKey>@<sha>:revise:<round>` and `<taskKey>:edits`.
 */
export const TaskWorkKey = {
  toString(parts: TaskWorkKeyParts): string {
    return `${TaskKey.toString(parts)}${workSuffix(parts)}`;
  },
  parse(text: string): TaskWorkKeyParts | null {
    const leading = leadingTaskKey(text);
    const work = leading ? parseWork(leading.rest) : null;
    return leading && work ? { ...leading.task, ...work } : null;
  },
};

/** What one write to GitHub is about, whatever its text: the same write asked for twice is the same. */
export type WriteIdentity =
  /** The comment carrying the hidden marker `key` on an issue or pull request. */
  | { write: "comment"; issue: number; key: string }
  | { write: "reaction"; commentId: number; content: string }
  | { write: "close"; pr: number }
  /** The check run with this external id on a commit. */
  | { write: "check"; externalId: string; sha: string }
  | { write: "review"; pr: number; key: string }
  | { write: "reply"; commentId: number; key: string };

/** `comment:<issue>:<key>`, `reaction:<comment>:<content>`, `close:<pr>`, `check:<externalId>@<sha>`, `review:<pr>:<key>`, `reply:<comment>:<key>`. */
export const WriteKey = {
  toString(identity: WriteIdentity): string {
    switch (identity.write) {
      case "comment":
        return `comment:${identity.issue}:${identity.key}`;
      case "reaction":
        return `reaction:${identity.commentId}:${identity.content}`;
      case "close":
        return `close:${identity.pr}`;
      case "check":
        return `check:${identity.externalId}@${identity.sha}`;
      case "review":
        return `review:${identity.pr}:${identity.key}`;
      case "reply":
        return `reply:${identity.commentId}:${identity.key}`;
    }
  },
  parse(text: string): WriteIdentity | null {
    const [write, rest] = split(text, ":") ?? [];
    if (write === "close") {
      const pr = count(rest);
      return pr === null ? null : { write, pr };
    }
    if (write === "check") {
      const [externalId, sha] = split(rest ?? "", "@", "last") ?? [];
      return externalId && sha ? { write, externalId, sha } : null;
    }
    const [number, key] = split(rest ?? "", ":") ?? [];
    const id = count(number);
    if (id === null || !key) return null;
    if (write === "comment") return { write, issue: id, key };
    if (write === "reaction") return { write, commentId: id, content: key };
    if (write === "review") return { write, pr: id, key };
    return write === "reply" ? { write, commentId: id, key } : null;
  },
};

/** `acknowledged:<delivery id>`: the reaction that tells a command's sender it was taken, when nothing else answered it. */
export const AcknowledgeKey = {
  toString(deliveryId: string): string {
    return `acknowledged:${deliveryId}`;
  },
  parse(text: string): string | null {
    const [prefix, deliveryId] = split(text, ":") ?? [];
    return prefix === "acknowledged" && deliveryId ? deliveryId : null;
  },
};

/** `delivery:<delivery id>`: the writes that answer one webhook delivery (a refusal, a reaction, a merge group's check). */
export const DeliveryWritesKey = {
  toString(deliveryId: string): string {
    return `delivery:${deliveryId}`;
  },
  parse(text: string): string | null {
    const [prefix, deliveryId] = split(text, ":") ?? [];
    return prefix === "delivery" && deliveryId ? deliveryId : null;
  },
};

/** `writes:<batch key>`: the record that the batch of writes under that key was performed, so it is not performed again. */
export const WritesRecordKey = {
  toString(batchKey: string): string {
    return `writes:${batchKey}`;
  },
  parse(text: string): string | null {
    const [prefix, batchKey] = split(text, ":") ?? [];
    return prefix === "writes" && batchKey ? batchKey : null;
  },
};
