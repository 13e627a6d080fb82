import type { RouteTable } from "../context.ts";
import { createBlobRoute, createCommitRoute, createTreeRoute, getBlobRoute, getCommitRoute, getTreeRoute } from "./git-data-objects.ts";
import { createRefRoute, deleteRefRoute, getRefRoute, listMatchingRefsRoute, updateRefRoute } from "./git-data-refs.ts";

/** GitHub's Git Data API: blobs, trees, commits and refs over the repository's real git store. */
export const gitDataRoutes: RouteTable = {
  "git/create-blob": createBlobRoute,
  "git/get-blob": getBlobRoute,
  "git/create-tree": createTreeRoute,
  "git/get-tree": getTreeRoute,
  "git/create-commit": createCommitRoute,
  "git/get-commit": getCommitRoute,
  "git/get-ref": getRefRoute,
  "git/list-matching-refs": listMatchingRefsRoute,
  "git/create-ref": createRefRoute,
  "git/update-ref": updateRefRoute,
  "git/delete-ref": deleteRefRoute,
};
