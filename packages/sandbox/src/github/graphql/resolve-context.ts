import type { Actor } from "../auth.ts";
import { permissionAtLeast, permissionOf } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import type { MergeQueue } from "../merge-queue/index.ts";
import type { Account, Repository } from "../state/types.ts";
import { GraphqlFailure } from "./failure.ts";

type AuthenticatedActor = Extract<Actor, { kind: "installation" | "user" }>;

/** What every resolver sees: the sandbox, who is asking, and the merge queue service. */
export interface ResolveContext {
  core: SandboxCore;
  actor: AuthenticatedActor;
  /** The user, or the app's bot for an installation. */
  account: Account;
  queue: MergeQueue | null;
}

/** Whether the caller may see the repository (installations see their account's repositories). */
export function canSee(ctx: ResolveContext, repo: Repository): boolean {
  if (repo.deleted) return false;
  const { actor } = ctx;
  if (actor.kind === "installation") return actor.installation.account.id === repo.owner.id && !actor.installation.suspended;
  return permissionOf(repo, actor.account) !== "none";
}

/**
 * Checks the caller may run a writing mutation: an installation needs every listed app
 * permission at `write`, a user needs push access.
 */
export function requireWrite(ctx: ResolveContext, repo: Repository, appPermissions: readonly string[], mutation: string): void {
  const { actor } = ctx;
  if (actor.kind === "installation") {
    if (appPermissions.some((permission) => actor.app.permissions[permission] !== "write")) {
      throw new GraphqlFailure("FORBIDDEN", "Resource not accessible by integration");
    }
    return;
  }
  if (!permissionAtLeast(permissionOf(repo, actor.account), "write")) {
    throw new GraphqlFailure("FORBIDDEN", `${actor.account.login} does not have the correct permissions to execute \`${mutation}\``);
  }
}
