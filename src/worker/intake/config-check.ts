import { CONFIG_PATH } from "../../config/index.ts";
import { PullCheckRunId } from "../../domain/ids.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { RepoReads } from "../../ports/github.ts";
import { renderConfigCheck } from "../../render/index.ts";
import type { Intake } from "../intake.ts";
import { loadRepoConfig } from "../load-config.ts";

/**
 * The `Foreman config` check on a pull request whose files include `.github/foreman.yml`: the
 * configuration read at its head (with the organisation's defaults and what `_extends` names, from
 * their default branches), a failure listing every problem, annotated at its line. Nothing for a
 * pull request that leaves the file alone.
 */
export async function configCheck(github: RepoReads, intake: Extract<Intake, { kind: "pr_not_task" }>): Promise<GitHubWrite[]> {
  const files = await github.listPullFiles(intake.pr);
  if (!files.some((file) => file.filename === CONFIG_PATH)) return [];
  const loaded = await loadRepoConfig(github, intake.ref, intake.sha);
  const view = loaded.ok ? { ok: true as const, sources: loaded.sources } : { ok: false as const, problems: loaded.problems };
  const output = renderConfigCheck(view, { owner: intake.ref.owner, repo: intake.ref.repo, path: CONFIG_PATH });
  const externalId = PullCheckRunId.toString({ ...intake.ref, pr: intake.pr, on: "config" });
  return [{ type: "report_check", run: "config", sha: intake.sha, externalId, ...output }];
}
