import { notFound } from "./errors.ts";
import type { SandboxStore } from "./state/store.ts";

/** `/repositories/{id}` and everything under it; `/repositories` alone is another operation (all public repositories). */
const BY_ID = /^\/repositories\/(\d+)(\/.*)?$/;

/**
 * The `/repos/{owner}/{repo}/…` path a `/repositories/{id}/…` path stands for. GitHub answers both
 * forms alike and uses the second in the `Link` headers and redirects it sends, so a client that
 * follows them asks for it. Other paths come back unchanged; an id the sandbox does not know (or a
 * deleted repository) answers 404 as GitHub does.
 */
export function canonicalRepositoryPath(store: SandboxStore, pathname: string): string {
  const match = BY_ID.exec(pathname);
  if (!match) return pathname;
  const repo = store.repositories.get(Number(match[1]));
  if (!repo || repo.deleted) throw notFound();
  return `/repos/${encodeURIComponent(repo.owner.login)}/${encodeURIComponent(repo.name)}${match[2] ?? ""}`;
}
