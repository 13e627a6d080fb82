import type { Logger } from "pino";
import type { RepoConfig } from "../config/index.ts";
import type { OperatorLimits } from "../config/operator-limits.ts";
import type { GitHubPort } from "../ports/github.ts";
import type { AgentRole, ModelPort } from "../ports/model.ts";
import type { ChecksPort } from "../ports/checks.ts";
import type { GitHubBudgetPort } from "../ports/github-budget.ts";
import type { WorkspacePort } from "../ports/workspace.ts";
import type { Store } from "../store/store.ts";

export interface WorkerDeps {
  store: Store;
  github: GitHubPort;
  model: ModelPort;
  log: Logger;
  now: () => number;
  /** The app's bot login (`<slug>[bot]`), so Foreman never acts on its own comments. */
  botLogin: string;
  /** Workflows one installation may have running at once (10 when not given). */
  maxWorkflowsPerInstallation?: number;
  /** The model name for a role: repository config first, then the deployment default. */
  modelFor: (role: AgentRole, config: RepoConfig) => string;
  /** The deployment's allowed models and budget ceilings, applied when a repository's config is read (none when not given). */
  operatorLimits?: OperatorLimits;
  /** Local clones of the repositories, read at exact revisions (absent in tests that need none). */
  workspace?: WorkspacePort;
  /** A current installation token, for the workspace to fetch with; agents have tools only with both. */
  installationToken?: (installationId: number) => Promise<string>;
  /** Runs the repository's declared checks in an OS sandbox (absent: local checks are off). */
  checks?: ChecksPort;
  /**
   * Called by a short job (an event's effects) before model work of its own, the engineer's or the
   * planner's, with the repository's owner: the worker moves the job to the model lane, so that it
   * holds no short slot while the model answers. Resolves once the job holds a model slot; absent
   * outside the worker and for jobs already in the model lane.
   */
  enterModelLane?: (owner: string) => Promise<void>;
  /** Whether an installation's writes wait on GitHub's limits, for the status comment to say so (absent: the throttle is off). */
  githubBudget?: GitHubBudgetPort;
}
