import type { RouteTable } from "../context.ts";
import { actionsRoutes } from "./actions.ts";
import { appRoutes } from "./apps.ts";
import { branchProtectionRoutes } from "./branch-protection.ts";
import { branchRulesRoutes } from "./branch-rules.ts";
import { checksRoutes } from "./checks.ts";
import { gitDataRoutes } from "./git-data.ts";
import { installationRepoRoutes } from "./installation-repos.ts";
import { issueListRoutes } from "./issues-list.ts";
import { issuesRoutes } from "./issues.ts";
import { pullsRoutes } from "./pulls.ts";
import { reposRoutes } from "./repos.ts";
import { reviewsRoutes } from "./reviews.ts";
import { statusRoutes } from "./statuses.ts";

export const allRoutes: RouteTable = {
  ...appRoutes,
  ...reposRoutes,
  ...gitDataRoutes,
  ...issuesRoutes,
  ...issueListRoutes,
  ...installationRepoRoutes,
  ...pullsRoutes,
  ...reviewsRoutes,
  ...checksRoutes,
  ...actionsRoutes,
  ...statusRoutes,
  ...branchProtectionRoutes,
  ...branchRulesRoutes,
};
