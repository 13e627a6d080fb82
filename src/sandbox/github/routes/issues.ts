import type { RouteTable } from "../context.ts";

export const issuesRoutes: RouteTable = {};
