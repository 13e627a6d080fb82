import { z } from "zod";
import { TaskId } from "./primitives.ts";

/** A check run's conclusion, as GitHub names it. */
export const CheckConclusion = z.enum(["success", "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required", "stale"]);

/**
 * The newest check run the app under test reported on the head of the task's pull request, as a
 * maintainer sees it in the PR's checks: its status, its conclusion and its title.
 */
export const AppCheckCondition = z.strictObject({
  /** Only the app's check runs with this name (e.g. `Foreman`). */
  name: z.string().min(1).optional(),
  status: z.enum(["queued", "in_progress", "completed"]).optional(),
  conclusion: CheckConclusion.optional(),
  /** The check run's exact title, e.g. `Ready for approval`. */
  title: z.string().min(1).optional(),
});
export type AppCheckCondition = z.infer<typeof AppCheckCondition>;

const TASK_FACTS = ["pullRequest", "checks", "appCheck", "statusLine"] as const;

/**
 * A task's state in the words a maintainer sees on GitHub, read from the sandbox alone: the
 * task's pull request, the repository's checks on its head, the app's own check run there, and
 * the task's line in the app's status comment. Every fact given must hold.
 */
export const TaskCondition = z
  .strictObject({
    id: TaskId,
    /** none: the task has no pull request yet; otherwise the state of its newest one. */
    pullRequest: z.enum(["none", "open", "merged", "closed"]).optional(),
    /** The combined state of the repository's own checks on the pull request's head. */
    checks: z.enum(["success", "failure", "pending"]).optional(),
    appCheck: AppCheckCondition.optional(),
    /** Text that the task's checklist line in the app's comments on the issue contains, e.g. "ready for `/approve`". */
    statusLine: z.string().min(1).optional(),
  })
  .superRefine((task, context) => {
    if (!TASK_FACTS.some((key) => task[key] !== undefined)) {
      context.addIssue({ code: "custom", message: `expected at least one of: ${TASK_FACTS.join(", ")}` });
    }
    if (task.pullRequest === "none") {
      for (const key of ["checks", "appCheck"] as const) {
        if (task[key] !== undefined)
          context.addIssue({ code: "custom", path: [key], message: "a task without a pull request has no checks" });
      }
    }
  });
export type TaskCondition = z.infer<typeof TaskCondition>;
