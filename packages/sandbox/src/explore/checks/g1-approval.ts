import type { PullRequest } from "../../github/state/types.ts";
import { branchMoves, eventsOf, field, headBefore, isApp, secondsAt, short, taskOf, taskPulls, text, type RunView } from "../run-view.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";

/** An approval as given: who, when, and the commit it can authorise (null: none it could name). */
interface Approval {
  by: string;
  seq: number;
  at: number;
  sha: string | null;
  how: string;
}

const APPROVE_LINE = /^\/approve\b[ \t]*([0-9a-f]{7,40})?\b/i;

/** The `/approve` in a comment: the sha it names, "" for none, or null when it is no approval. */
function approveCommand(body: string): string | null {
  for (const line of body.split(/\r?\n/)) {
    const match = APPROVE_LINE.exec(line.trim());
    if (match) return (match[1] ?? "").toLowerCase();
  }
  return null;
}

/**
 * A writer's `/approve` comment binds to the head the pull request had when it was written, or to
 * the commit it names if that commit had been on the branch by then; a writer's approving review
 * binds to its `commit_id`. An `/approve` on the issue approves the ready tasks, each by the same
 * rule, so it counts for every task's pull request.
 */
function approvalsOf(view: RunView, pull: PullRequest): Approval[] {
  const moves = branchMoves(view, pull.headRef);
  const comments = eventsOf(view, "issue_comment", "created").flatMap((event): Approval[] => {
    const on = field(event.payload, "issue", "number");
    if ((on !== pull.number && on !== view.issueNumber) || !view.writers.has(event.sender)) return [];
    const named = approveCommand(text(field(event.payload, "comment", "body")));
    if (named === null) return [];
    const existed = moves.filter((move) => move.seq < event.seq && move.after !== null).map((move) => move.after ?? "");
    const sha =
      named === "" ? headBefore(view, pull.headRef, event.seq) : (existed.find((candidate) => candidate.startsWith(named)) ?? null);
    return [{ by: event.sender, seq: event.seq, at: event.at, sha, how: named === "" ? "/approve" : `/approve ${named}` }];
  });
  const reviews = eventsOf(view, "pull_request_review", "submitted").flatMap((event): Approval[] => {
    const approved = text(field(event.payload, "review", "state")).toLowerCase() === "approved";
    if (field(event.payload, "pull_request", "number") !== pull.number || !approved || !view.writers.has(event.sender)) return [];
    return [
      {
        by: event.sender,
        seq: event.seq,
        at: event.at,
        sha: text(field(event.payload, "review", "commit_id")) || null,
        how: "an approving review",
      },
    ];
  });
  return [...comments, ...reviews].sort((a, b) => a.seq - b.seq);
}

/**
 * Whether `sha` is authorised: an approval binds to it, or the app made it as a clean merge of an
 * authorised commit with a commit of the base (a branch update, as GitHub's merge queue does).
 */
async function authorised(view: RunView, pull: PullRequest, approvals: Approval[], sha: string, depth = 0): Promise<boolean> {
  if (approvals.some((approval) => approval.sha === sha)) return true;
  const made = branchMoves(view, pull.headRef).find((move) => move.after === sha);
  if (depth > 4 || !made || !isApp(view, made.sender)) return false;
  const commit = await view.git.getCommit(sha);
  const [first, second] = commit.parents;
  if (commit.parents.length !== 2 || first === undefined || second === undefined) return false;
  const mainHead = headBefore(view, view.defaultBranch, made.seq) ?? view.initialMain;
  for (const [side, base] of [
    [first, second],
    [second, first],
  ] as const) {
    if (!(await view.git.isAncestor(base, mainHead))) continue;
    if (!(await authorised(view, pull, approvals, side, depth + 1))) continue;
    const merged = await view.git.tryMergeTree(side, base);
    if (!merged.conflict && merged.tree === commit.tree) return true;
  }
  return false;
}

const describe = (view: RunView, approvals: Approval[]): string =>
  approvals.length === 0
    ? "no writer approved it"
    : `approvals: ${approvals.map((approval) => `${approval.by}'s ${approval.how} at ${secondsAt(view, approval.at)} for ${short(approval.sha)}`).join("; ")}`;

/** G1: every merged task head was authorised by a writer's approval of a commit that existed when they approved. */
export async function checkApproval(view: RunView): Promise<CheckOutcome> {
  const merges = eventsOf(view, "pull_request", "closed").filter((event) => field(event.payload, "pull_request", "merged") === true);
  const violations: string[] = [];
  let checked = false;
  for (const pull of taskPulls(view).filter((candidate) => candidate.merged)) {
    const merge = merges.find((event) => field(event.payload, "pull_request", "number") === pull.number);
    const head = text(field(merge?.payload, "pull_request", "head", "sha")) || pull.headSha;
    const approvals = approvalsOf(view, pull).filter((approval) => merge === undefined || approval.seq < merge.seq);
    checked = true;
    if (await authorised(view, pull, approvals, head)) continue;
    const when = merge ? ` at ${secondsAt(view, merge.at)}` : "";
    violations.push(
      `#${pull.number} (${taskOf(view, pull.headRef)}) merged head ${short(head)}${when}, which no writer approved: ${describe(view, approvals)}`,
    );
  }
  return outcome("G1", checked, violations);
}
