import type { RouteTable } from "../context.ts";
import { jobRoutes } from "./actions-jobs.ts";
import { workflowRunRoutes } from "./actions-runs.ts";

export const actionsRoutes: RouteTable = {
  ...workflowRunRoutes,
  ...jobRoutes,
};
