import type { Permission } from "../../engine/types.ts";
import type { PullRequestInfo } from "../../ports/github.ts";

const ROLES: ReadonlySet<string> = new Set<Permission>(["none", "read", "triage", "write", "maintain", "admin"]);

/**
 * The collaborator's role. `permission` is the legacy level (triage reads as `read`, maintain as
 * `write`); `role_name` is the real role, unless it is a custom role, which falls back to the level.
 */
export function roleOf(data: { permission: string; role_name?: string }): Permission {
  const role = data.role_name ?? "";
  return (ROLES.has(role) ? role : data.permission) as Permission;
}

interface PullData {
  number: number;
  node_id: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  state: string;
  merged_at: string | null;
  body: string | null;
}

export function toPullInfo(data: PullData): PullRequestInfo {
  return {
    number: data.number,
    nodeId: data.node_id,
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    state: data.state === "closed" ? "closed" : "open",
    merged: data.merged_at !== null,
    body: data.body ?? "",
  };
}
