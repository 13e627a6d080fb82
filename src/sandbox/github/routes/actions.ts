import type { RouteTable } from "../context.ts";

export const actionsRoutes: RouteTable = {};
