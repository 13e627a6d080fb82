import type { RouteResult } from "../context.ts";

/** A 201 answer with the `Location` header GitHub sends with it: the new resource's API address, its `url`. */
export function created(body: Record<string, unknown>): RouteResult {
  return { status: 201, body, headers: typeof body.url === "string" ? { location: body.url } : {} };
}
