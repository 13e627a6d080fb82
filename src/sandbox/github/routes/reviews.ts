import type { RouteTable } from "../context.ts";

export const reviewsRoutes: RouteTable = {};
