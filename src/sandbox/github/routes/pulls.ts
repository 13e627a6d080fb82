import type { RouteTable } from "../context.ts";

export const pullsRoutes: RouteTable = {};
