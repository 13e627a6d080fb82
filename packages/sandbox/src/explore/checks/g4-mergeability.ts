import type { PullRequest } from "../../github/state/types.ts";
import { pullOpenAt, short, taskOf, taskPulls, type RunView } from "../run-view.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";
import { statusComment, taskLines } from "./status.ts";

const READY_WORDS = "ready for `/approve`";
const READY_TITLE = "Ready for approval";

/** The app says the pull request is ready: its status line asks for `/approve`, or its check on the head says so. */
function reportedReady(view: RunView, pull: PullRequest, lines: Map<string, string>): boolean {
  if (lines.get(taskOf(view, pull.headRef))?.includes(READY_WORDS)) return true;
  const appChecks = view.checkRuns.filter((run) => run.appId === view.appId && run.headSha === pull.headSha).sort((a, b) => b.id - a.id);
  return appChecks[0]?.output.title === READY_TITLE;
}

/** G4: at rest, no open task pull request that the app reports ready conflicts with its base. */
export async function checkMergeability(view: RunView): Promise<CheckOutcome> {
  const lines = taskLines(statusComment(view));
  const mainHead = (await view.git.resolve(view.defaultBranch)) ?? view.initialMain;
  const violations: string[] = [];
  let checked = false;
  for (const pull of taskPulls(view).filter((candidate) => pullOpenAt(view, candidate.number) && reportedReady(view, candidate, lines))) {
    checked = true;
    const merged = await view.git.tryMergeTree(mainHead, pull.headSha);
    if (!merged.conflict) continue;
    violations.push(
      `#${pull.number} (${taskOf(view, pull.headRef)}) is reported ready for approval but its head ${short(pull.headSha)} conflicts with ${view.defaultBranch} (${short(mainHead)}) in ${merged.files.join(", ") || "some files"}`,
    );
  }
  return outcome("G4", checked, violations);
}
