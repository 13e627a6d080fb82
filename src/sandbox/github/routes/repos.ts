import type { RouteTable } from "../context.ts";

export const reposRoutes: RouteTable = {};
