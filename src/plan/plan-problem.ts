type PlanProblemCode =
  | "duplicate_id"
  | "unknown_dependency"
  | "self_dependency"
  | "cycle"
  | "too_many_tasks"
  | "too_many_files"
  | "unsafe_path"
  | "duplicate_file"
  | "too_deep";

/** One reason a plan cannot be run, in words the Planner can act on in a repair round. */
export type PlanProblem = {
  code: PlanProblemCode;
  message: string;
  /** The task the problem is about, when there is one. */
  taskId?: string;
  /** For `cycle`: the ids on the cycle, the first repeated at the end. */
  cycle?: string[];
};

export type PlanLimits = {
  tasksPerPlan: number;
  filesPerTask: number;
  /** The longest chain of dependent tasks allowed; no limit when absent. */
  planDepth?: number;
};
