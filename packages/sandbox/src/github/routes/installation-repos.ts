import type { RouteContext, RouteResult, RouteTable } from "../context.ts";
import { ApiError } from "../errors.ts";
import { serializeRepository } from "../serializers/repository.ts";

/** `GET /installation/repositories`: the repositories an installation token reaches (the account's, all of them). */
function listReposAccessibleToInstallationRoute(context: RouteContext): RouteResult {
  const { actor } = context;
  if (actor.kind !== "installation")
    throw new ApiError(403, "You must authenticate with an installation access token in order to list repositories for an installation.");
  const repos = [...context.core.store.repositories.values()]
    .filter((repo) => !repo.deleted && repo.owner.id === actor.installation.account.id)
    .sort((a, b) => a.id - b.id);
  const perPage = Math.min(Number(context.query.get("per_page") ?? 30) || 30, 100);
  const page = Math.max(Number(context.query.get("page") ?? 1) || 1, 1);
  const slice = repos.slice((page - 1) * perPage, page * perPage);
  const openIssues = (id: number): number => context.core.store.issuesOf(id).filter((issue) => issue.state === "open").length;
  return {
    body: {
      total_count: repos.length,
      repository_selection: "all",
      repositories: slice.map((repo) => serializeRepository(context.core.urls, repo, openIssues(repo.id))),
    },
  };
}

export const installationRepoRoutes: RouteTable = {
  "apps/list-repos-accessible-to-installation": listReposAccessibleToInstallationRoute,
};
