import type { Actor } from "./auth.ts";
import type { SandboxCore } from "./core.ts";
import { ApiError, forbidden, notFound } from "./errors.ts";
import { linkHeader } from "./pagination.ts";
import type { Account, Permission, Repository } from "./state/types.ts";

export interface RouteContext {
  core: SandboxCore;
  actor: Actor;
  operationId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The public URL of this request, for pagination links. */
  url: URL;
  /** The request's `Accept` header ("" when absent). */
  accept: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Route = (context: RouteContext) => RouteResult | Promise<RouteResult>;
export type RouteTable = Record<string, Route>;

const RANK: Record<Permission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function permissionAtLeast(have: Permission, need: Permission): boolean {
  return RANK[have] >= RANK[need];
}

export function permissionOf(repo: Repository, account: Account): Permission {
  if (account.id === repo.owner.id) return "admin";
  return repo.collaborators.get(account.login.toLowerCase()) ?? (repo.private ? "none" : "read");
}

/** The account acting: the user, or the app's bot for an installation token. */
export function actingAccount(context: RouteContext): Account {
  const { actor } = context;
  if (actor.kind === "user" || actor.kind === "installation") return actor.account;
  throw new ApiError(401, "Requires authentication");
}

/** Finds `{owner}/{repo}` and checks the caller may see it, answering 404 like GitHub otherwise. */
export function repoFrom(context: RouteContext): Repository {
  const { owner, repo: name } = context.params;
  const repo = owner && name ? context.core.store.findRepository(owner, name) : undefined;
  if (!repo) throw notFound();
  const { actor } = context;
  if (actor.kind === "installation") {
    if (actor.installation.account.id !== repo.owner.id || actor.installation.suspended) throw notFound();
    return repo;
  }
  if (actor.kind === "user") {
    if (permissionOf(repo, actor.account) === "none") throw notFound();
    return repo;
  }
  if (repo.private || actor.kind === "app") throw notFound();
  return repo;
}

/**
 * Checks the caller may perform a write of the given kind: an installation needs its app's
 * permission, a user needs the collaborator level.
 */
export function requireAccess(context: RouteContext, repo: Repository, appPermission: string, userLevel: Permission): void {
  const { actor } = context;
  if (actor.kind === "installation") {
    if (actor.app.permissions[appPermission] !== "write") throw forbidden();
    return;
  }
  if (actor.kind === "user") {
    if (!permissionAtLeast(permissionOf(repo, actor.account), userLevel)) {
      throw new ApiError(403, "Must have push access to this repository.");
    }
    return;
  }
  throw new ApiError(401, "Requires authentication");
}

/** One page of `items`, with the `Link` header Octokit's paginate follows. */
export function paged<T>(context: RouteContext, items: T[], wrap?: (page: T[]) => unknown): RouteResult {
  const perPage = Math.min(Number(context.query.get("per_page") ?? 30) || 30, 100);
  const page = Math.max(Number(context.query.get("page") ?? 1) || 1, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = linkHeader(context.url, { page, last });
  return { body: wrap ? wrap(slice) : slice, headers: link === null ? {} : { link } };
}

export function intParam(context: RouteContext, name: string): number {
  const value = Number(context.params[name]);
  if (!Number.isInteger(value)) throw notFound();
  return value;
}
