import { z } from "zod";
import { CommentCountExpectation, NoDuplicates } from "./count-expectations.ts";
import { AgentRole, LabelName, RepositoryPath, TaskId } from "./primitives.ts";
import { TaskCondition } from "./task-condition.ts";

const Count = z.int().min(0);

const Texts = z.union([z.string(), z.array(z.string()).min(1)], { error: "expected a string or a list of strings" });

export const FileExpectation = z
  .strictObject({
    /** Text (or every text of a list) the file must contain. */
    contains: Texts.optional(),
    /** Text (or any text of a list) the file must not contain. */
    notContains: Texts.optional(),
    /** The file's exact content. */
    equals: z.string().optional(),
    /** false: the file must not exist. */
    exists: z.boolean().optional(),
  })
  .superRefine((file, context) => {
    if (Object.values(file).every((value) => value === undefined)) {
      context.addIssue({ code: "custom", message: "expected at least one of: contains, notContains, equals, exists" });
    }
  });
export type FileExpectation = z.infer<typeof FileExpectation>;

/** How long the run must stay quiet, once everything expected holds, before it ends and is judged. */
export const DEFAULT_QUIET_SECONDS = 2;

/** What must be true when the scenario ends. Lists of task ids are exact sets. */
export const ScenarioExpectation = z.strictObject({
  issue: z
    .strictObject({
      state: z.enum(["open", "closed"]).optional(),
      /** The exact set of labels on the issue. */
      labels: z.array(LabelName).optional(),
      /** Texts that some comment on the issue contains (one comment per text). */
      commentsContain: z.array(z.string().min(1)).optional(),
      /** Texts that no comment on the issue contains. */
      commentsNotContain: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  pullRequests: z
    .strictObject({
      merged: z.array(TaskId).optional(),
      open: z.array(TaskId).optional(),
      /** Closed without being merged. */
      closed: z.array(TaskId).optional(),
      /** How many pull requests the app opened in all. */
      count: Count.optional(),
    })
    .optional(),
  defaultBranch: z
    .strictObject({
      files: z.record(RepositoryPath, FileExpectation).optional(),
      /** The repository's ci jobs pass on the final default-branch commit. */
      ciPasses: z.boolean().optional(),
    })
    .optional(),
  model: z
    .strictObject({
      /** Requests no scripted answer matched. */
      unmatched: Count.default(0),
      /** Scripted answers never used (an unlimited answer counts once it was used). */
      remaining: Count.optional(),
      /** Exact number of chat requests per role. */
      requests: z.partialRecord(AgentRole, Count).optional(),
    })
    .prefault({}),
  sandbox: z
    .strictObject({
      /** GitHub calls the sandbox rejected as ones GitHub would not accept. */
      rejectedCalls: Count.default(0),
    })
    .prefault({}),
  /** At most this many Git Data API writes per task commit (tree, commit, ref: 3). */
  gitDataWritesPerTask: z.int().min(1).optional(),
  /** How many comments each place holds. */
  comments: z.array(CommentCountExpectation).min(1).optional(),
  /** The app created nothing twice: pull requests, comments, commits, check runs, reviews. */
  noDuplicates: NoDuplicates.optional(),
  /** The state of tasks, as a maintainer sees it on GitHub. */
  tasks: z.array(TaskCondition).min(1).optional(),
  /**
   * Once everything expected holds, the run goes on until nothing has been in flight for this
   * long, so that a late wrong action (a second comment, a duplicate pull request) is seen.
   */
  quietSeconds: z.number().min(0).max(600).default(DEFAULT_QUIET_SECONDS),
});
export type ScenarioExpectation = z.infer<typeof ScenarioExpectation>;
