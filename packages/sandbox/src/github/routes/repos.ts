import type { RouteTable } from "../context.ts";
import { getBranchRoute, listBranchesRoute } from "./repos-branches.ts";
import { compareRoute, getRepoCommitRoute } from "./repos-commits.ts";
import { getContentRoute } from "./repos-contents.ts";
import { listCommitsRoute } from "./repos-list-commits.ts";
import { getPermissionLevelRoute, getRepositoryRoute } from "./repos-info.ts";
import { mergeRoute } from "./repos-merge.ts";

/** Repository, branch, contents, commit, commit history, compare and merge endpoints. */
export const reposRoutes: RouteTable = {
  "repos/get": getRepositoryRoute,
  "repos/get-branch": getBranchRoute,
  "repos/list-branches": listBranchesRoute,
  "repos/get-content": getContentRoute,
  "repos/compare-commits-with-basehead": compareRoute,
  "repos/merge": mergeRoute,
  "repos/get-collaborator-permission-level": getPermissionLevelRoute,
  "repos/get-commit": getRepoCommitRoute,
  "repos/list-commits": listCommitsRoute,
};
