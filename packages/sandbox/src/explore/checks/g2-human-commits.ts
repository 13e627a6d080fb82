import type { BranchMoveRecord } from "../../github/state/history.ts";
import { branchMoves, isApp, secondsAt, short, taskPulls, type RunView } from "../run-view.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";

/** Whether the branch's pull request was merged: deleting it afterwards loses nothing. */
const mergedBranch = (view: RunView, branch: string): boolean => taskPulls(view).some((pull) => pull.headRef === branch && pull.merged);

/** The first later move after which a human's commit is no longer in the branch's history, if any. */
async function lostAt(view: RunView, pushed: BranchMoveRecord, later: BranchMoveRecord[]): Promise<BranchMoveRecord | undefined> {
  const commit = pushed.after ?? "";
  for (const move of later) {
    if (!isApp(view, move.sender) && move.forced) return undefined;
    if (move.after === null) return isApp(view, move.sender) && !mergedBranch(view, move.branch) ? move : undefined;
    if (!(await view.git.isAncestor(commit, move.after))) return move;
  }
  return undefined;
}

/**
 * G2: a commit a human pushed stays in its branch's history: every later head of the branch
 * descends from it, unless a human force-pushed meanwhile (their own choice).
 */
export async function checkHumanCommits(view: RunView): Promise<CheckOutcome> {
  const moves = branchMoves(view);
  const pushes = moves.filter((move) => !isApp(view, move.sender) && move.after !== null && move.before !== move.after);
  const violations: string[] = [];
  for (const pushed of pushes) {
    const later = moves.filter((move) => move.branch === pushed.branch && move.seq > pushed.seq);
    const lost = await lostAt(view, pushed, later);
    if (!lost) continue;
    const how = lost.after === null ? "deleted the branch" : `moved it to ${short(lost.after)}${lost.forced ? " (forced)" : ""}`;
    violations.push(
      `${pushed.sender}'s commit ${short(pushed.after)} on ${pushed.branch} (pushed at ${secondsAt(view, pushed.at)}) is gone: ${lost.sender} ${how} at ${secondsAt(view, lost.at)}`,
    );
  }
  return outcome("G2", pushes.length > 0, violations);
}
