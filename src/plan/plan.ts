import { z } from "zod";

/** A task id: short, lower-case, safe in branch names, markers and mermaid. */
export const TASK_ID_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;

export const TaskId = z
  .string()
  .regex(TASK_ID_PATTERN, "must be lower-case letters, digits and dashes, starting with a letter, at most 31 characters");
export type TaskId = z.infer<typeof TaskId>;

/** A task id as a model may write it ("Add_Parser ", "add parser") in the form ids take ("add-parser"). */
function normaliseTaskId(value: unknown): unknown {
  return typeof value === "string"
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-")
    : value;
}

/** A task id in a plan, and each id a task depends on: normalised, then checked. */
const PlannedTaskId = z.preprocess(normaliseTaskId, TaskId);

const FileAction = z.enum(["create", "modify", "delete"]);
type FileAction = z.infer<typeof FileAction>;

const TaskFile = z
  .object({
    path: z.string().min(1),
    action: FileAction,
  })
  .strict();
type TaskFile = z.infer<typeof TaskFile>;

export const Risk = z.enum(["low", "medium", "high"]);
export type Risk = z.infer<typeof Risk>;

export const Task = z
  .object({
    id: PlannedTaskId,
    title: z.string().min(1).max(120),
    description: z.string(),
    files: z.array(TaskFile),
    dependsOn: z.array(z.preprocess(normaliseTaskId, z.string())),
    acceptanceCriteria: z.array(z.string().min(1)).min(1),
    risk: Risk,
  })
  .strict();
export type Task = z.infer<typeof Task>;

/** The Planner's answer: a small dependency graph of tasks, in plan order. */
export const Plan = z
  .object({
    summary: z.string(),
    tasks: z.array(Task).min(1),
  })
  .strict();
export type Plan = z.infer<typeof Plan>;
