import { z } from "zod";
import { Edit } from "../../agents/apply-edits.ts";
import { runCoder } from "../../agents/coder.ts";
import { droppedLines, mergeTaskFiles, type FileVersions, type TaskMerge } from "../../agents/merge-edits.ts";
import type { RebaseOutcome } from "../../engine/events.ts";
import { Usage } from "../../engine/types.ts";
import { NO_USAGE } from "../../engine/usage.ts";
import type { FileChange, RepoGitHub } from "../../ports/github.ts";
import { renderBaseMergeMessage } from "../../render/base-updates.ts";
import { escalationReason } from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import { repoView } from "../repo-view.ts";
import { unlessBranchMoved } from "./branch-moved.ts";
import { answerOnce } from "./recorded.ts";
import { coderBrief, contextPaths, editPolicy, recordEdits, taskEdits, type TaskContext } from "./task-context.ts";

/** What the rebase job knows when GitHub could not merge the base into the branch: the head, the moved base, and where they parted. */
export interface MergeInput {
  head: string;
  base: string;
  /** The newest commit both hold: the version of each file the two sides changed from. */
  mergeBase: string;
  /** The files the task's branch changed since `mergeBase`. */
  paths: string[];
}

/** The coder's answer to a conflict, recorded (with the base it saw) before anything is written (G5). */
const Recoded = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("refused"), base: z.string(), reason: z.string(), usage: Usage }),
  z.object({
    kind: z.literal("coded"),
    base: z.string(),
    changes: z.array(z.object({ path: z.string(), content: z.string().nullable() })),
    edits: z.array(Edit),
    usage: Usage,
  }),
]);
type Recoded = z.infer<typeof Recoded>;

/** The merge of the task's files, with the three versions of each and the task's own (what the coder is told it had). */
type Merged = TaskMerge & { versions: Record<string, FileVersions>; taskVersions: Record<string, string | null> };

export type RebaseResult = { outcome: RebaseOutcome; usage: Usage };

/** Every file of the task merged three ways: the merge base's version, the branch's and the moved base's. */
async function mergeFiles(github: RepoGitHub, context: TaskContext, deps: WorkerDeps, input: MergeInput): Promise<Merged> {
  const [base, ours, theirs] = await Promise.all([
    github.readFiles(input.mergeBase, input.paths),
    github.readFiles(input.head, input.paths),
    github.readFiles(input.base, input.paths),
  ]);
  const versions = (path: string): { base: string | null; ours: string | null; theirs: string | null } => ({
    base: base[path] ?? null,
    ours: ours[path] ?? null,
    theirs: theirs[path] ?? null,
  });
  const { state, task } = context;
  const merged = mergeTaskFiles(input.paths, versions, taskEdits(deps.store, state.id, task.id), editPolicy(state, task));
  return {
    ...merged,
    versions: Object.fromEntries(input.paths.map((path) => [path, versions(path)])),
    taskVersions: Object.fromEntries(input.paths.map((path) => [path, ours[path] ?? null])),
  };
}

const fence = (text: string | null): string => (text === null ? "(the file did not exist)" : `\`\`\`\n${text}\n\`\`\``);

/** The coder's brief for a conflict: which files, and the task's own version of each; the files it is shown are the base's, with the other side's change. */
function conflictBrief(context: TaskContext, conflicts: readonly string[], taskVersions: Record<string, string | null>): string {
  const versions = conflicts
    .map((path) => `The task's version of \`${path}\` before the base moved:\n${fence(taskVersions[path] ?? null)}`)
    .join("\n\n");
  return [
    coderBrief(context.state, context.record),
    "",
    `The base branch moved and someone changed ${conflicts.map((path) => `\`${path}\``).join(", ")} there in a way that conflicts with this task's changes.`,
    "The files below are as they are now on the base branch, with those changes, and with the task's other changes already merged in.",
    "Edit only the conflicting files so that they do what the task needs while keeping every change made on the base branch.",
    "",
    versions,
  ].join("\n");
}

/** G3, a real conflict: the coder again, with the human's change in view (the files as they are on the new base). */
async function askCoder(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, input: MergeInput, merged: Merged): Promise<Recoded> {
  const { state, task } = context;
  // The base's files with the task's other changes already merged in: what the coder reads, with or without tools.
  const view = await repoView(deps, github, state, "coder", input.base, merged.changes);
  const { files, guidance } = await view.read([...new Set([...contextPaths(state, task), ...input.paths])]);
  const result = await runCoder(deps.model, {
    model: deps.modelFor("coder", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    task,
    brief: conflictBrief(context, merged.conflicts, merged.taskVersions),
    tree: await view.tree(),
    files,
    policy: editPolicy(state, task),
    guidance,
    tools: view.tools,
  });
  if (!result.ok) return { kind: "refused", base: input.base, reason: result.problems.join("; "), usage: result.usage };
  return { kind: "coded", base: input.base, changes: result.value.changes, edits: result.value.edits, usage: result.usage };
}

/** The task's files whose new version from the coder leaves out lines the moved base added (G3: never committed). */
function droppingBaseLines(merged: Merged, coded: readonly FileChange[]): string[] {
  return coded
    .filter((change) => {
      const versions = merged.versions[change.path];
      return versions !== undefined && droppedLines(versions, change.content).length > 0;
    })
    .map((change) => change.path);
}

/** The merged files, with the coder's versions of the conflicting ones. */
function withCoded(merged: readonly FileChange[], coded: readonly FileChange[]): FileChange[] {
  const byPath = new Map(merged.map((change) => [change.path, change]));
  for (const change of coded) byPath.set(change.path, change);
  return [...byPath.values()];
}

/**
 * When GitHub's update-branch found conflicts: Foreman merges the task's files with the moved base
 * three ways (never one side written over the other) and commits the merge on top of the head (a
 * merge commit: the head and the base are its parents). When files really conflict, the coder
 * writes them again with the base's version in view; its answer is recorded under `answerKey`
 * before the commit, and the commit is made on the base that answer saw.
 */
export async function mergeWithBase(
  deps: WorkerDeps,
  github: RepoGitHub,
  context: TaskContext,
  input: MergeInput,
  answerKey: string,
): Promise<RebaseResult> {
  const { state, task, record } = context;
  const merged = await mergeFiles(github, context, deps, input);
  const message = renderBaseMergeMessage({ issue: state.issue, title: task.title, base: input.base, baseBranch: state.defaultBranch });
  /** The merge commit on top of the head; null when someone pushed in between (nothing is written then). */
  const commit = (changes: FileChange[]): Promise<string | null> =>
    unlessBranchMoved(
      async () =>
        (await github.commitOnBranch({ branch: record.branch, expectedHead: input.head, baseSha: input.base, message, changes })).sha,
      () => null,
    );
  const moved: RebaseOutcome = { kind: "human_commits", sha: null };
  if (merged.conflicts.length === 0) {
    const sha = await commit(merged.changes);
    return { outcome: sha === null ? moved : { kind: "committed", commitSha: sha, how: "merged" }, usage: NO_USAGE };
  }
  const answer = await answerOnce(deps, answerKey, Recoded, () => askCoder(deps, github, context, input, merged));
  if (answer.kind === "refused") return { outcome: { kind: "failed", reason: answer.reason }, usage: answer.usage };
  const dropping = droppingBaseLines(merged, answer.changes);
  if (dropping.length > 0)
    return { outcome: { kind: "failed", reason: escalationReason.recodeDropsBaseLines(dropping) }, usage: answer.usage };
  const sha = await commit(withCoded(merged.changes, answer.changes));
  if (sha === null) return { outcome: moved, usage: answer.usage };
  recordEdits(deps.store, state.id, task.id, answer.edits, false);
  return { outcome: { kind: "committed", commitSha: sha, how: "recoded", conflicts: merged.conflicts }, usage: answer.usage };
}

/** The base a recorded answer of the coder saw, so that a job run again commits on it; null when the coder was not asked. */
export function answeredBase(deps: WorkerDeps, answerKey: string): string | null {
  const stored = deps.store.effectResult(answerKey);
  return stored === undefined ? null : Recoded.parse(stored).base;
}
