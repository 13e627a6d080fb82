import type { Task } from "../plan/index.ts";
import { codeSpan } from "../render/code-span.ts";
import { checkWritablePath, describeRefusal } from "./paths.ts";

type TaskFiles = Task["files"];

/** What bounds a task's file list: the plan's cap (`limits.filesPerTask`) and the repository's protected paths. */
export interface TaskFileRules {
  filesPerTask: number;
  protectedPaths: readonly string[];
}

/**
 * Why a task's new file list cannot be used, in words the planner can act on: none at all, more than
 * the cap, a path named twice, or a path the path policy refuses (unsafe, or protected).
 */
export function taskFileProblems(files: TaskFiles, rules: TaskFileRules): string[] {
  const problems: string[] = [];
  if (files.length === 0) problems.push("The list names no file: a task writes at least one.");
  if (files.length > rules.filesPerTask)
    problems.push(`The list names ${files.length} files; at most ${rules.filesPerTask} are allowed (\`limits.filesPerTask\`).`);
  const paths = files.map((file) => file.path);
  for (const path of new Set(paths.filter((path, index) => paths.indexOf(path) !== index)))
    problems.push(`The list names ${codeSpan(path)} more than once.`);
  for (const path of new Set(paths)) {
    const refusal = checkWritablePath(path, { taskFiles: paths, protectedPaths: rules.protectedPaths });
    if (refusal) problems.push(`${describeRefusal(refusal)}.`);
  }
  return problems;
}

/** The files of the list that another running task writes (`inUse`: path → that task), each with its task. */
export function filesTakenBy(files: TaskFiles, inUse: ReadonlyMap<string, string>): Array<{ path: string; taskId: string }> {
  return files.flatMap((file) => {
    const taskId = inUse.get(file.path);
    return taskId === undefined ? [] : [{ path: file.path, taskId }];
  });
}
