import type { SandboxCore } from "../core.ts";
import type { ProtectionRules, ProtectionSource, Repository } from "../state/types.ts";

/** The default branch's protection as a test or a scenario gives it; every key is optional. */
export interface ProtectionOptions {
  /** Reported as classic branch protection (default) or as a repository ruleset. */
  via?: ProtectionSource;
  /** Approving reviews needed from users with write access; default 0. */
  requiredReviews?: number;
  /** A push dismisses the pull request's approving reviews; default false. */
  dismissStaleReviews?: boolean;
  /** Files with a code owner need one of their owners' approval; default false. */
  codeOwnerReviews?: boolean;
  /** Required check run names and commit status contexts; default: the repository's CI job names. */
  requiredChecks?: string[];
  /** The head must contain the base branch's tip ("up to date", strict); default false. */
  upToDate?: boolean;
  /** The merge method `merge` is refused; default false. */
  linearHistory?: boolean;
  /** Reported by classic branch protection (`enforce_admins`); admins get no bypass either way. */
  enforceAdmins?: boolean;
}

/** The rules `options` describe, under `id` (a ruleset keeps its id while it is edited). */
export function protectionRules(id: number, options: ProtectionOptions): ProtectionRules {
  return {
    id,
    via: options.via ?? "branchProtection",
    requiredReviews: options.requiredReviews ?? 0,
    dismissStaleReviews: options.dismissStaleReviews ?? false,
    codeOwnerReviews: options.codeOwnerReviews ?? false,
    upToDate: options.upToDate ?? false,
    linearHistory: options.linearHistory ?? false,
    enforceAdmins: options.enforceAdmins ?? false,
  };
}

/** The required checks `options` name, or the CI job names (the sandbox's default since its first model). */
function requiredChecksOf(repo: Pick<Repository, "ci">, options: ProtectionOptions): string[] {
  return options.requiredChecks ?? repo.ci.map((command) => command.name);
}

/**
 * Sets the default branch's protection on a live repository, or removes it (`null`: no rules and
 * no required checks). The merge queue and auto-merge look again at what they wait for.
 */
export function applyProtection(core: SandboxCore, repo: Repository, options: ProtectionOptions | null): void {
  if (options === null) {
    repo.protection = null;
    repo.requiredChecks = [];
  } else {
    const via = options.via ?? "branchProtection";
    const id = repo.protection?.via === via ? repo.protection.id : core.store.nextId();
    repo.protection = protectionRules(id, options);
    repo.requiredChecks = requiredChecksOf(repo, options);
  }
  repo.updatedAt = core.store.timestamp();
  core.mergeQueue?.checksChanged(repo, "");
}
