import { permissionAtLeast, permissionOf, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { serializeRepository } from "../serializers/repository.ts";
import { serializeUser } from "../serializers/user.ts";
import type { Permission } from "../state/types.ts";

/** The merge settings of every sandbox repository: all methods allowed, auto-merge on. */
const MERGE_SETTINGS = {
  allow_merge_commit: true,
  allow_squash_merge: true,
  allow_rebase_merge: true,
  allow_auto_merge: true,
  allow_update_branch: true,
  delete_branch_on_merge: false,
  use_squash_pr_title_as_default: false,
  squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
  squash_merge_commit_message: "COMMIT_MESSAGES",
  merge_commit_title: "MERGE_MESSAGE",
  merge_commit_message: "PR_TITLE",
};

function permissionFlags(permission: Permission): Record<string, boolean> {
  return {
    admin: permissionAtLeast(permission, "admin"),
    maintain: permissionAtLeast(permission, "maintain"),
    push: permissionAtLeast(permission, "write"),
    triage: permissionAtLeast(permission, "triage"),
    pull: permissionAtLeast(permission, "read"),
  };
}

/** `GET /repos/{owner}/{repo}`: the full repository, with the caller's permissions for a user. */
export function getRepositoryRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const { core, actor } = context;
  return {
    body: {
      ...serializeRepository(core.urls, repo, core.openIssueCount(repo)),
      network_count: 0,
      subscribers_count: 0,
      ...MERGE_SETTINGS,
      ...(actor.kind === "user" ? { permissions: permissionFlags(permissionOf(repo, actor.account)) } : {}),
      ...(repo.owner.type === "Organization" ? { organization: serializeUser(core.urls, repo.owner) } : {}),
    },
  };
}

/** The legacy `permission` field folds maintain into write and triage into read. */
const LEGACY_PERMISSION: Record<Permission, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

/** `GET /collaborators/{username}/permission`: owners are admins, others what they were granted. */
export function getPermissionLevelRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const username = context.params.username ?? "";
  const account = context.core.store.findAccount(username);
  if (!account) throw new ApiError(404, `${username} is not a user`);
  const permission = permissionOf(repo, account);
  return {
    body: {
      permission: LEGACY_PERMISSION[permission],
      role_name: permission,
      user: { ...serializeUser(context.core.urls, account), permissions: permissionFlags(permission), role_name: permission },
    },
  };
}
