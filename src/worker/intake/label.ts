import { WorkflowId } from "../../domain/ids.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import {
  CONFIG_PROBLEMS_MARKER,
  CommentKey,
  renderConfigProblems,
  renderConfigProblemsResolved,
  renderRefusal,
  type SafeMarkdown,
} from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";
import { loadRepoConfig } from "../load-config.ts";
import { authorize } from "./authorized.ts";
import { detectedTitleStyle } from "./title-style.ts";
import { answer, NOTHING, routeTo, type IntakePlan } from "./routed.ts";
import { DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION, workflowCap } from "./workflow-cap.ts";

/**
 * Foreman's label starts a workflow when a writer added it, the configuration reads and the
 * installation is under its workflow cap; otherwise one comment on the issue says why not.
 */
export async function planLabel(
  deps: WorkerDeps,
  github: RepoGitHub,
  intake: Extract<Intake, { kind: "issue_labeled" }>,
): Promise<IntakePlan> {
  const id = WorkflowId.toString({ ...intake.ref, issue: intake.issue });
  const comment = (key: string, body: SafeMarkdown): IntakePlan => answer(id, [{ type: "post_comment", issue: intake.issue, key, body }]);
  const repository = await github.repository();
  const loaded = await loadRepoConfig(github, intake.ref, repository.defaultBranch, deps.operatorLimits);
  if (!loaded.ok) {
    if (intake.label.toLowerCase() !== loaded.label.toLowerCase()) return NOTHING;
    return comment(CommentKey.configProblems, renderConfigProblems(loaded.problems));
  }
  const { config } = loaded;
  if (intake.label.toLowerCase() !== config.label.toLowerCase()) return NOTHING;
  const auth = await authorize(github, intake.sender, config.allowBots);
  if (!auth.ok)
    return comment(
      CommentKey.labelDenied(intake.sender.login),
      renderRefusal({ kind: "label_denied", denial: auth.denial, label: config.label }),
    );
  const cap = workflowCap(deps.store, intake.ref, intake.issue, deps.maxWorkflowsPerInstallation ?? DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION);
  if (cap) return comment(CommentKey.workflowCap, renderRefusal({ kind: "workflow_cap", ...cap }));
  const resolved = await resolvedProblems(github, intake.issue, deps.botLogin);
  const titles = await detectedTitleStyle(deps, github, config);
  return routeTo(
    id,
    {
      type: "start",
      ref: intake.ref,
      issue: intake.issue,
      issueTitle: intake.issueTitle,
      requester: intake.sender.login,
      config,
      defaultBranch: repository.defaultBranch,
      ...(titles === undefined ? {} : { pullRequestTitles: titles }),
    },
    resolved,
  );
}

/**
 * Foreman's config-problems comment on the issue, while it still lists problems, rewritten to say
 * they are fixed (the configuration has just read); nothing when there is none.
 */
async function resolvedProblems(github: RepoGitHub, issue: number, botLogin: string): Promise<GitHubWrite[]> {
  const comments = await github.listComments(issue);
  const stale = comments.some((comment) => isAppLogin(comment.author, botLogin) && comment.body.includes(CONFIG_PROBLEMS_MARKER));
  return stale ? [{ type: "post_comment", issue, key: CommentKey.configProblems, body: renderConfigProblemsResolved() }] : [];
}
