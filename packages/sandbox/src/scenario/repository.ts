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
