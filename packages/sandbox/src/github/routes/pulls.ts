import type { RouteTable } from "../context.ts";
import { createPull } from "./pulls-create.ts";
import { mergePull } from "./pulls-merge.ts";
import { getPull, listPullCommits, listPullFiles, listPulls } from "./pulls-read.ts";
import { updatePullBranch } from "./pulls-update-branch.ts";
import { updatePull } from "./pulls-update.ts";

export const pullsRoutes: RouteTable = {
  "pulls/create": createPull,
  "pulls/get": getPull,
  "pulls/list": listPulls,
  "pulls/update": updatePull,
  "pulls/list-files": listPullFiles,
  "pulls/list-commits": listPullCommits,
  "pulls/merge": mergePull,
  "pulls/update-branch": updatePullBranch,
};
