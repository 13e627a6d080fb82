import { z } from "zod";
import { BranchName, LabelName, Login, RepositoryName, RepositoryPath } from "./primitives.ts";

/** Where the loader writes `config` / `configText`. */
export const CONFIG_PATH = ".github/foreman.yml";

/** One of the repository's own checks, run by the sandbox on each PR head and merge-group commit. */
export const CiJob = z.strictObject({
  /** The check run (job) name. */
  name: z.string().min(1),
  /** A shell command, run in a checkout of the exact commit. */
  run: z.string().min(1),
  timeoutSeconds: z.int().min(1).max(3600).default(120),
  env: z.record(z.string(), z.string()).optional(),
});
export type CiJob = z.infer<typeof CiJob>;

/** A commit of the repository's history before the scenario starts, on top of the initial one. */
const HistoryCommit = z.strictObject({
  /** The whole commit message; its first line is the commit's title. */
  message: z.string().min(1),
  /** Files it adds or changes: path → text. None: an empty commit. */
  files: z.record(RepositoryPath, z.string()).default({}),
});
export type HistoryCommit = z.infer<typeof HistoryCommit>;

/** Approving reviews classic branch protection can require; a ruleset allows up to 10. */
const MAX_CLASSIC_REVIEWS = 6;

/**
 * The default branch's protection, enforced on merges (REST merge, merge queue, auto-merge) and
 * reported as classic branch protection or a ruleset. Without it, the required checks (the CI
 * job names) gate only the merge queue and auto-merge.
 */
const ScenarioProtection = z
  .strictObject({
    /** Where GitHub reports the rules: `GET /branches/{branch}/protection` or `GET /rules/branches/{branch}`. */
    via: z.enum(["branchProtection", "ruleset"]).default("branchProtection"),
    /** Approving reviews needed from users with write access. */
    requiredReviews: z.int().min(0).max(10).default(0),
    /** A push to the pull request dismisses its approvals. */
    dismissStaleReviews: z.boolean().default(false),
    /** Files with owners in `CODEOWNERS` (on the base branch) need an approval from one of them. */
    codeOwnerReviews: z.boolean().default(false),
    /** Check run names and commit status contexts that must succeed; default: the `ci` job names. */
    requiredChecks: z.array(z.string().min(1)).optional(),
    /** The head must contain the base branch's tip ("Require branches to be up to date"). */
    upToDate: z.boolean().default(false),
    /** Merge commits are refused (`merge_method: merge`). */
    linearHistory: z.boolean().default(false),
  })
  .superRefine((protection, context) => {
    if (protection.via === "branchProtection" && protection.requiredReviews > MAX_CLASSIC_REVIEWS) {
      const message = `branch protection requires at most ${MAX_CLASSIC_REVIEWS} approving reviews (a ruleset up to 10)`;
      context.addIssue({ code: "custom", path: ["requiredReviews"], message });
    }
  });

export const ScenarioRepository = z
  .strictObject({
    owner: Login,
    name: RepositoryName,
    defaultBranch: BranchName.default("main"),
    /** Initial files on the default branch: path → text. Files here win over the template's. */
    files: z.record(RepositoryPath, z.string()).default({}),
    /** A folder, relative to the scenario file, whose files the loader reads into `files`. */
    template: z.string().min(1).optional(),
    ci: z.array(CiJob).default([]),
    /** Commits on the default branch after the initial one (which holds `files` and the config), oldest first. */
    history: z.array(HistoryCommit).optional(),
    /** Whether the default branch has GitHub's merge queue. */
    mergeQueue: z.boolean().default(false),
    /** The default branch's protection; absent, merges are checked as the sandbox always did. */
    protection: ScenarioProtection.optional(),
    /** Written as .github/foreman.yml; validated by the app, not here. */
    config: z.record(z.string(), z.json()).optional(),
    /** Raw text for .github/foreman.yml, to script a config the app must reject. */
    configText: z.string().optional(),
  })
  .superRefine((repository, context) => {
    if (repository.config !== undefined && repository.configText !== undefined) {
      context.addIssue({ code: "custom", path: ["configText"], message: "give config or configText, not both" });
    }
    const writesConfig = repository.config !== undefined || repository.configText !== undefined;
    if (writesConfig && CONFIG_PATH in repository.files) {
      context.addIssue({
        code: "custom",
        path: ["files", CONFIG_PATH],
        message: "give config/configText or this file, not both",
      });
    }
  });
export type ScenarioRepository = z.infer<typeof ScenarioRepository>;

/**
 * Another repository on the sandbox GitHub, beside the scenario's: the organisation's `.github`
 * repository with its defaults, or a repository a config's `_extends` names. It is in the app's
 * installation when its owner is the scenario repository's.
 */
export const ExtraRepository = z.strictObject({
  /** Default: the scenario repository's owner. */
  owner: Login.optional(),
  name: RepositoryName,
  defaultBranch: BranchName.default("main"),
  /** Its files on the default branch: path → text; at least one. */
  files: z.record(RepositoryPath, z.string()).refine((files) => Object.keys(files).length > 0, {
    error: "expected at least one file: a repository needs one",
  }),
});
export type ExtraRepository = z.infer<typeof ExtraRepository>;

export const Permission = z.enum(["admin", "maintain", "write", "triage", "read", "none"]);
export type Permission = z.infer<typeof Permission>;

/** A person (or another app) who takes part in the scenario. */
export const Actor = z
  .strictObject({
    login: Login,
    /** Their permission on the repository. */
    permission: Permission,
    type: z.enum(["User", "Bot"]).default("User"),
  })
  .superRefine((actor, context) => {
    const isBotLogin = actor.login.endsWith("[bot]");
    if (isBotLogin !== (actor.type === "Bot")) {
      const message = isBotLogin ? "a [bot] login needs type: Bot" : "a Bot's login must end with [bot]";
      context.addIssue({ code: "custom", path: ["type"], message });
    }
  });
export type Actor = z.infer<typeof Actor>;

/** The issue the scenario starts from. */
export const ScenarioIssue = z.strictObject({
  author: Login,
  title: z.string().min(1),
  body: z.string().default(""),
  labels: z.array(LabelName).default([]),
});
export type ScenarioIssue = z.infer<typeof ScenarioIssue>;
