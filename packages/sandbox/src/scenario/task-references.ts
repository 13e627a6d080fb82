import { asArray, asRecord, asString, dig } from "./raw.ts";
import type { ProblemPath } from "./scenario-error.ts";

export type TaskReference = { path: ProblemPath; id: string };

/**
 * The task ids the scripted planner declares: every `tasks[].id` at the top of a planner answer's
 * content, or one level down (e.g. `plan.tasks`). Content given as a JSON string is read too.
 * Empty when no planner answer has that shape, and then task ids cannot be checked.
 */
export function plannedTaskIds(rawScenario: unknown): Set<string> {
  const ids = new Set<string>();
  for (const answer of asArray(dig(rawScenario, "model", "answers"))) {
    const role = asString(dig(answer, "role")) ?? asString(dig(answer, "match", "role"));
    if (role !== "planner") continue;
    const content = contentValue(dig(answer, "content"));
    for (const holder of [content, ...Object.values(asRecord(content) ?? {})]) {
      for (const task of asArray(dig(holder, "tasks"))) {
        const id = asString(dig(task, "id"));
        if (id !== undefined) ids.add(id);
      }
    }
  }
  return ids;
}

/** Every place in the scenario that names a task id. */
export function taskReferences(rawScenario: unknown): TaskReference[] {
  const references: TaskReference[] = [];
  const add = (path: ProblemPath, value: unknown): void => {
    const id = asString(value);
    if (id !== undefined) references.push({ path, id });
  };
  asArray(dig(rawScenario, "steps")).forEach((step, index) => {
    const at = ["steps", index];
    add([...at, "when", "pullRequest", "task"], dig(step, "when", "pullRequest", "task"));
    add([...at, "when", "mergeQueue", "task"], dig(step, "when", "mergeQueue", "task"));
    add([...at, "when", "task", "id"], dig(step, "when", "task", "id"));
    add([...at, "when", "commentContains", "on", "task"], dig(step, "when", "commentContains", "on", "task"));
    add([...at, "comment", "on", "task"], dig(step, "comment", "on", "task"));
    add([...at, "editComment", "on", "task"], dig(step, "editComment", "on", "task"));
    add([...at, "push", "task"], dig(step, "push", "task"));
    add([...at, "review", "task"], dig(step, "review", "task"));
    add([...at, "close", "on", "task"], dig(step, "close", "on", "task"));
    add([...at, "reopen", "on", "task"], dig(step, "reopen", "on", "task"));
  });
  asArray(dig(rawScenario, "expect", "tasks")).forEach((task, index) => add(["expect", "tasks", index, "id"], dig(task, "id")));
  asArray(dig(rawScenario, "expect", "comments")).forEach((count, index) =>
    add(["expect", "comments", index, "on", "task"], dig(count, "on", "task")),
  );
  for (const state of ["merged", "open", "closed"]) {
    asArray(dig(rawScenario, "expect", "pullRequests", state)).forEach((id, index) => {
      add(["expect", "pullRequests", state, index], id);
    });
  }
  return references;
}

function contentValue(content: unknown): unknown {
  if (typeof content !== "string") return content;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}
