import { WriteKey } from "../domain/keys.ts";
import type { CheckAnnotation, Reaction } from "../ports/github-types.ts";
import type { CheckTitle, SafeMarkdown } from "../render/index.ts";
import type { ReplyTarget } from "./events.ts";

/** The state of the `Foreman` check run on a commit. */
export type CheckState = "in_progress" | "success" | "failure" | "neutral" | "cancelled";

/**
 * A write to GitHub at a target it names itself: what the intake stage (answers to a webhook's
 * sender, the check on a merge group) and the job runners (a review, an answer in a thread) ask
 * for. The effect runner performs it (`performWrites`); posted text is `SafeMarkdown`, which only
 * the render functions produce.
 */
export type GitHubWrite =
  /** Creates or updates the comment carrying the hidden marker for `key` (find-or-create). */
  | { type: "post_comment"; issue: number; key: string; body: SafeMarkdown }
  /** A reaction on a comment; GitHub keeps one per user and content. */
  | { type: "react"; commentId: number; content: Reaction }
  | { type: "close_pull_request"; pr: number }
  /**
   * The `Foreman` check run with this external id on `sha` (find-or-create); with `run: "config"`, the
   * `Foreman config` check run, which says whether `.github/foreman.yml` reads, with `annotations` at its lines.
   */
  | {
      type: "report_check";
      sha: string;
      externalId: string;
      state: CheckState;
      title: CheckTitle;
      summary: SafeMarkdown;
      run?: "config";
      annotations?: CheckAnnotation[];
    }
  /** A review of type COMMENT carrying the hidden marker for `key` (find-or-create). */
  | {
      type: "post_review";
      pr: number;
      sha: string;
      key: string;
      body: SafeMarkdown;
      comments: Array<{ path: string; line: number; body: SafeMarkdown }>;
    }
  /** An answer in a review comment's thread; performed once per `key`, as GitHub would keep a second. */
  | { type: "reply_in_thread"; pr: number; commentId: number; key: string; body: SafeMarkdown };

/** The identity of a write: the same write asked for twice has the same key, whatever its text. */
export function writeKey(write: GitHubWrite): string {
  switch (write.type) {
    case "post_comment":
      return WriteKey.toString({ write: "comment", issue: write.issue, key: write.key });
    case "react":
      return WriteKey.toString({ write: "reaction", commentId: write.commentId, content: write.content });
    case "close_pull_request":
      return WriteKey.toString({ write: "close", pr: write.pr });
    case "report_check":
      return WriteKey.toString({ write: "check", externalId: write.externalId, sha: write.sha });
    case "post_review":
      return WriteKey.toString({ write: "review", pr: write.pr, key: write.key });
    case "reply_in_thread":
      return WriteKey.toString({ write: "reply", commentId: write.commentId, key: write.key });
  }
}

/** What the engine asks the outside world to do, about its own workflow; performed by the effect runner through ports. */
export type Effect =
  | { type: "run_engineer" }
  | { type: "run_planner" }
  | { type: "start_task"; taskId: string }
  | { type: "update_status" }
  | { type: "comment"; key: string; body: SafeMarkdown; on: "issue" | { taskId: string } }
  | { type: "set_check"; taskId: string; sha: string; state: CheckState; title: CheckTitle; summary: SafeMarkdown }
  | { type: "merge_task"; taskId: string; sha: string }
  /** Reads the checks already finished on a commit, in case CI completed before Foreman knew the commit. */
  | { type: "poll_ci"; taskId: string; sha: string }
  | { type: "run_debugger"; taskId: string; sha: string }
  | { type: "rerun_jobs"; taskId: string; sha: string }
  /** `run`: when a human asked for the review again, so that the reviewer is asked anew rather than its last answer reused. */
  | { type: "run_reviewer"; taskId: string; sha: string; run?: number }
  /** Asks the planner for a new file list for the task, which the debugger found cannot pass as specified. */
  | { type: "amend_files"; taskId: string; sha: string; diagnosis: string }
  | { type: "run_revision"; taskId: string; sha: string; feedback: string; reply: ReplyTarget }
  | { type: "rebase_task"; taskId: string }
  | { type: "label"; add: string[]; remove: string[] }
  | { type: "close_issue" }
  | { type: "close_task_pr"; taskId: string };

export type EffectType = Effect["type"];
