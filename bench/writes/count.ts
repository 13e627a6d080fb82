/**
 * What each GitHub write of a run was for, and the floor it is measured against: the writes a
 * labelled issue cannot do without (docs/development/performance.md, "Writes and their floor").
 */

/** One write as the sandbox logged it. */
export interface LoggedWrite {
  operationId: string | null;
  status: number;
  body?: unknown;
}

/** Where a write belongs: a task's own path, or the issue's. */
type WritePath = "task" | "issue";

/** A write's purpose in words (`commit`, `status comment`, …) and whose path it is on. */
export interface WriteKind {
  what: string;
  path: WritePath;
}

const KINDS: Readonly<Record<string, WriteKind>> = {
  "git/create-tree": { what: "commit", path: "task" },
  "git/create-commit": { what: "commit", path: "task" },
  "git/create-ref": { what: "commit", path: "task" },
  "git/update-ref": { what: "commit", path: "task" },
  "git/create-blob": { what: "commit", path: "task" },
  "pulls/create": { what: "pull request", path: "task" },
  "checks/create": { what: "check run", path: "task" },
  "checks/update": { what: "check run", path: "task" },
  "pulls/create-review": { what: "review", path: "task" },
  "pulls/update-branch": { what: "branch update", path: "task" },
  "pulls/merge": { what: "merge", path: "task" },
  "issues/create-comment": { what: "comment", path: "issue" },
  "issues/update-comment": { what: "status comment edit", path: "issue" },
  "reactions/create-for-issue-comment": { what: "reaction", path: "issue" },
  "issues/update": { what: "issue closed", path: "issue" },
  "issues/add-labels": { what: "label", path: "issue" },
  "issues/remove-label": { what: "label", path: "issue" },
};

/** A GraphQL mutation by what it does: a commit (`createCommitOnBranch`), a merge (`enqueuePullRequest`), or another write. */
function graphqlKind(body: unknown): WriteKind {
  const text = JSON.stringify(body ?? "");
  if (text.includes("createCommitOnBranch")) return { what: "commit", path: "task" };
  if (text.includes("enqueuePullRequest")) return { what: "merge", path: "task" };
  return { what: "GraphQL mutation", path: "issue" };
}

export function kindOf(write: LoggedWrite): WriteKind {
  if (write.operationId === "graphql") return graphqlKind(write.body);
  return KINDS[write.operationId ?? ""] ?? { what: write.operationId ?? "unknown", path: "issue" };
}

/**
 * The floor, as the issue "Throughput" counts it: per task, the commit (its branch at the base and one
 * `createCommitOnBranch`), the pull request, one check run and the merge; per issue, the status
 * comment (created once, its last edit) and closing the issue.
 */
export const FLOOR = { perTask: 5, perIssue: 3 } as const;

export interface WriteCounts {
  tasks: number;
  writes: number;
  byKind: Record<string, number>;
  byPath: Record<WritePath, number>;
  floor: number;
  /** Writes over the floor's: 1 is the floor itself. */
  ratioToFloor: number;
  /** All writes of the issue spread over its tasks: what one task costs of the installation's budget. */
  writesPerTask: number;
  /** Tasks an installation finishes in an hour at GitHub's 500 content writes an hour, at this many writes per task. */
  tasksPerHourAt500: number;
}

/** Counts a run's successful writes by purpose and path, against the floor for `tasks` tasks of one issue. */
export function countWrites(writes: readonly LoggedWrite[], tasks: number): WriteCounts {
  const done = writes.filter((write) => write.status < 400);
  const byKind: Record<string, number> = {};
  const byPath: Record<WritePath, number> = { task: 0, issue: 0 };
  for (const write of done) {
    const kind = kindOf(write);
    byKind[kind.what] = (byKind[kind.what] ?? 0) + 1;
    byPath[kind.path] += 1;
  }
  const floor = FLOOR.perTask * tasks + FLOOR.perIssue;
  const writesPerTask = tasks === 0 ? 0 : done.length / tasks;
  return {
    tasks,
    writes: done.length,
    byKind,
    byPath,
    floor,
    ratioToFloor: floor === 0 ? 0 : round(done.length / floor),
    writesPerTask: round(writesPerTask),
    tasksPerHourAt500: writesPerTask === 0 ? 0 : round(500 / writesPerTask),
  };
}

const round = (value: number): number => Math.round(value * 100) / 100;
