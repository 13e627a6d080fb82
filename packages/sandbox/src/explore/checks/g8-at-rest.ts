import { isApp, pullOpenAt, taskOf, taskPulls, type RunView } from "../run-view.ts";
import { RUN_TIMEOUT_SECONDS } from "../to-scenario.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";
import { phaseOf, statusComment, taskLines } from "./status.ts";

/** Status words of work under way: at rest, with nothing in flight, no task may say them. */
const IN_FLIGHT = [
  "coding",
  "PR open",
  "CI running",
  "approved",
  "merging",
  "fixing a CI failure",
  "in review",
  "revising after review",
  "updating to the new base",
  "queued",
];
const BUSY_PHASES = ["Reading the issue", "Planning the work", "Working on the tasks"];
const TERMINAL_PHASES = ["Done", "Cancelled"];
const DONE_WORDS = ["merged", "cancelled"];

/** A human action a comment can name: a command, a push of a fix, reopening, closing the issue, the label, an answer. */
const NAMES_ACTION = /\/approve|\/retry|\/plan|\bpush|\breopen|\bclose this issue|\blabel\b|reply in a comment/i;

function lineProblems(view: RunView, lines: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [task, words] of lines) {
    const busy = IN_FLIGHT.find((word) => words === word || words.startsWith(`${word} `) || words === `**${word}**`);
    if (busy) problems.push(`task ${task} still says "${words}" with nothing in flight`);
    if (words.includes("/approve")) {
      const pull = taskPulls(view).find((candidate) => taskOf(view, candidate.headRef) === task && pullOpenAt(view, candidate.number));
      if (!pull) problems.push(`task ${task} asks for /approve but has no open pull request`);
    }
  }
  return problems;
}

/** Whether some comment of the app's (on the issue or a task's pull request) names what a human can do next. */
function namesHumanAction(view: RunView): boolean {
  return view.comments.some((comment) => isApp(view, comment.user.login) && NAMES_ACTION.test(comment.body));
}

function openIssueProblems(view: RunView): string[] {
  const status = statusComment(view);
  const appSpoke = view.comments.some((comment) => isApp(view, comment.user.login) && comment.issueNumber === view.issueNumber);
  const labelled = view.issueLabels.some((label) => label.toLowerCase() === view.label.toLowerCase());
  if (!status) return labelled && !appSpoke ? ["the issue is labelled but the app never said anything"] : [];
  const phase = phaseOf(status);
  if (TERMINAL_PHASES.some((word) => phase.startsWith(word))) return [];
  const lines = taskLines(status);
  // Before the plan is approved every task is queued; only a workflow at work has tasks in flight.
  const problems = phase.startsWith("Working on the tasks") ? lineProblems(view, lines) : [];
  const allDone = lines.size > 0 && [...lines.values()].every((words) => DONE_WORDS.includes(words));
  const busyPhase = BUSY_PHASES.find((word) => phase.startsWith(word));
  if (busyPhase && lines.size === 0) problems.push(`the status says "${phase}" with nothing in flight`);
  if (!allDone && !namesHumanAction(view)) problems.push(`the run waits ("${phase}") but no comment of the app names what a human can do`);
  return problems;
}

function closedIssueProblems(view: RunView): string[] {
  return taskPulls(view)
    .filter((pull) => pullOpenAt(view, pull.number))
    .map((pull) => `the issue is closed but #${pull.number} (${taskOf(view, pull.headRef)}) is still open`);
}

/** G8: the run comes to rest within the bound, terminal or waiting on a human action that a comment of the app names. */
export function checkAtRest(view: RunView): Promise<CheckOutcome> {
  if (!view.atRest) return Promise.resolve(outcome("G8", true, [`the run was not at rest within ${RUN_TIMEOUT_SECONDS} s`]));
  return Promise.resolve(outcome("G8", true, view.issueState === "closed" ? closedIssueProblems(view) : openIssueProblems(view)));
}
