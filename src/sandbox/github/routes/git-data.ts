import type { RouteTable } from "../context.ts";

export const gitDataRoutes: RouteTable = {};
