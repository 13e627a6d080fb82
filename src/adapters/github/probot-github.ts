import type { Probot } from "probot";
import type { GitHubPort, RepoGitHub, RepoTarget } from "../../ports/github.ts";
import { call } from "./classify-error.ts";
import { ExpiringCache } from "./expiring-cache.ts";
import { OctokitRepoGitHub } from "./octokit-github.ts";

/** How long a branch's required checks are kept: a requirement a maintainer adds is seen within this. */
const REQUIRED_CHECKS_TTL_MS = 5 * 60_000;
/** Branches whose required checks are kept at once (a few hundred repositories' default branches). */
const REQUIRED_CHECKS_ENTRIES = 1_000;

/**
 * The GitHub port over Probot: the app's own client for its installations, an installation client
 * for everything else. `appLogin` is the app's account (see `readAppLogin`). The answers of reads
 * that change seldom (a branch's required checks) are kept for the process.
 */
export class ProbotGitHub implements GitHubPort {
  private readonly probot: Probot;
  private readonly appLogin: string;
  private readonly requiredChecksCache: ExpiringCache<string[]>;
  constructor(probot: Probot, appLogin: string) {
    this.probot = probot;
    this.appLogin = appLogin;
    this.requiredChecksCache = new ExpiringCache({ ttlMs: REQUIRED_CHECKS_TTL_MS, maxEntries: REQUIRED_CHECKS_ENTRIES, now: Date.now });
  }

  installations(): Promise<number[]> {
    return call(async () => {
      const octokit = await this.probot.auth();
      const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
      return installations.filter((installation) => !installation.suspended_at).map((installation) => installation.id);
    });
  }

  repositories(installationId: number): Promise<Array<{ owner: string; repo: string }>> {
    return call(async () => {
      const octokit = await this.probot.auth(installationId);
      const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      return repositories.map((repository) => ({ owner: repository.owner.login, repo: repository.name }));
    });
  }

  /** A current installation access token (cached until it nears its expiry), for git to fetch the installation's repositories. */
  installationToken(installationId: number): Promise<string> {
    return call(async () => {
      const octokit = await this.probot.auth(installationId);
      const auth = (await octokit.auth({ type: "installation" })) as { token: string };
      return auth.token;
    });
  }

  async forRepo(target: RepoTarget): Promise<RepoGitHub> {
    const octokit = await call(() => this.probot.auth(target.installationId));
    return new OctokitRepoGitHub(octokit, {
      owner: target.owner,
      repo: target.repo,
      appLogin: this.appLogin,
      requiredChecksCache: this.requiredChecksCache,
    });
  }
}
