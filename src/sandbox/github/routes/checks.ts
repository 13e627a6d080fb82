import type { RouteTable } from "../context.ts";

export const checksRoutes: RouteTable = {};
