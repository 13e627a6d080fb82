import { z } from "zod";
import { CHANGE_TYPES, SCOPE_PATTERN } from "../domain/conventional-commits.ts";

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

/** A word as a model may write it (" Feat", "Stats") in the lower case the schema wants. */
const lowerCase = (value: unknown): unknown => (typeof value === "string" ? value.trim().toLowerCase() : value);

/** The kind of change, as Conventional Commits names it (absent: inferred from the task when a title needs it). */
const ChangeType = z.enum(CHANGE_TYPES);

/** The part of the code base a task changes, for a `type(scope): …` title. */
const Scope = z.string().regex(SCOPE_PATTERN, "must be one short lower-case word (letters, digits, dashes)");

/** What every task says, however it was written. */
const TaskFields = {
  id: PlannedTaskId,
  title: z.string().min(1).max(120),
  description: z.string(),
  files: z.array(TaskFile),
  dependsOn: z.array(z.preprocess(normaliseTaskId, z.string())),
  acceptanceCriteria: z.array(z.string().min(1)).min(1),
  risk: Risk,
};

/** A task of a plan. Plans stored before tasks had a type and a scope read back without them. */
export const Task = z
  .object({ ...TaskFields, type: z.preprocess(lowerCase, ChangeType).optional(), scope: z.preprocess(lowerCase, Scope).optional() })
  .strict();
export type Task = z.infer<typeof Task>;

/** A small dependency graph of tasks, in plan order. */
export const Plan = z
  .object({
    summary: z.string(),
    tasks: z.array(Task).min(1),
  })
  .strict();
export type Plan = z.infer<typeof Plan>;

/** A key strict structured output requires, which the model may leave null (or out, in JSON mode). */
const orNull = <T extends z.ZodType>(schema: T) => z.preprocess((value) => lowerCase(value ?? null), schema.nullable());

/** Drops a null type or scope: the task's is then inferred when a title needs it. */
function withoutNulls<T extends { type: unknown; scope: unknown }>(task: T) {
  const { type, scope, ...rest } = task;
  return {
    ...rest,
    ...(type === null ? {} : { type: type as NonNullable<T["type"]> }),
    ...(scope === null ? {} : { scope: scope as NonNullable<T["scope"]> }),
  };
}

/**
 * The Planner's answer, read into a `Plan`. Strict structured output wants every key of an object
 * required, so the answer's `type` and `scope` are required and may be null; a null one is left out.
 */
export const PlanAnswer = z
  .object({
    summary: z.string(),
    tasks: z.array(z.object({ ...TaskFields, type: orNull(ChangeType), scope: orNull(Scope) }).strict()).min(1),
  })
  .strict()
  .transform((answer): Plan => ({ summary: answer.summary, tasks: answer.tasks.map(withoutNulls) }));
