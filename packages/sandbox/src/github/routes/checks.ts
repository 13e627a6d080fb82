import type { RouteTable } from "../context.ts";
import { checkRunRoutes } from "./checks-runs.ts";
import { checkSuiteRoutes } from "./checks-suites.ts";

export const checksRoutes: RouteTable = {
  ...checkRunRoutes,
  ...checkSuiteRoutes,
};
