import type { EventRecord } from "../../github/state/history.ts";
import { eventsOf, field, isApp, pullOpenAt, secondsAt, taskOf, taskPulls, text, type RunView } from "../run-view.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";

/** How long the app may take to stop after a human closed the issue or a task's pull request. */
const STOP_BOUND_MS = 10_000;

const requestTime = (time: string): number => Date.parse(time);

const mentionsTask = (texts: readonly { content: string }[], task: string): boolean =>
  texts.some((message) => message.content.includes(`### ${task}:`));

/** The issue closed by a human and left closed for the bound: then no task PR open and no model request. */
function issueClosures(view: RunView): string[] {
  const violations: string[] = [];
  const issueEvents = eventsOf(view, "issues").filter((event) => field(event.payload, "issue", "number") === view.issueNumber);
  for (const closed of issueEvents.filter((event) => event.action === "closed" && !isApp(view, event.sender))) {
    const reopened = issueEvents.find((event) => event.action === "reopened" && event.seq > closed.seq);
    const limit = closed.at + STOP_BOUND_MS;
    const until = reopened?.at ?? Number.POSITIVE_INFINITY;
    if (until <= limit) continue;
    const late = view.modelRequests.filter((request) => requestTime(request.time) > limit && requestTime(request.time) < until);
    const first = late[0];
    if (first) {
      violations.push(
        `${closed.sender} closed the issue at ${secondsAt(view, closed.at)}; the model was still asked ${late.length} time(s) after ${STOP_BOUND_MS / 1000} s (first: ${first.role ?? "?"} at ${secondsAt(view, requestTime(first.time))})`,
      );
    }
    for (const pull of taskPulls(view).filter((candidate) => pullOpenAt(view, candidate.number, limit))) {
      violations.push(
        `${closed.sender} closed the issue at ${secondsAt(view, closed.at)}; #${pull.number} (${taskOf(view, pull.headRef)}) was still open ${STOP_BOUND_MS / 1000} s later`,
      );
    }
  }
  return violations;
}

/** A later human act on the same pull request (a comment, a push to its branch, a reopen) starts it again. */
function resumedAt(view: RunView, closed: EventRecord, number: number, branch: string): number {
  const later = view.history.find((record) => {
    if (record.seq <= closed.seq || isApp(view, record.sender)) return false;
    if (record.kind === "branch") return record.branch === branch;
    return (
      field(record.payload, "issue", "number") === number ||
      field(record.payload, "pull_request", "number") === number ||
      field(record.payload, "number") === number
    );
  });
  return later?.at ?? Number.POSITIVE_INFINITY;
}

/** A task's pull request closed by a human: no new pull request for the task and no model request about it after the bound. */
function pullClosures(view: RunView): string[] {
  const violations: string[] = [];
  const closes = eventsOf(view, "pull_request", "closed").filter(
    (event) => !isApp(view, event.sender) && field(event.payload, "pull_request", "merged") !== true,
  );
  for (const closed of closes) {
    const number = field(closed.payload, "number");
    const branch = text(field(closed.payload, "pull_request", "head", "ref"));
    if (typeof number !== "number" || !branch.startsWith(view.taskPrefix)) continue;
    const task = taskOf(view, branch);
    const limit = closed.at + STOP_BOUND_MS;
    const until = resumedAt(view, closed, number, branch);
    if (until <= limit) continue;
    const reopenedByApp = eventsOf(view, "pull_request", "opened").filter(
      (event) => event.at > limit && event.at < until && text(field(event.payload, "pull_request", "head", "ref")) === branch,
    );
    for (const opened of reopenedByApp)
      violations.push(
        `${closed.sender} closed ${task}'s #${number} at ${secondsAt(view, closed.at)}; a new pull request for it was opened at ${secondsAt(view, opened.at)}`,
      );
    const asked = view.modelRequests.filter(
      (request) => requestTime(request.time) > limit && requestTime(request.time) < until && mentionsTask(request.messages, task),
    );
    if (asked[0])
      violations.push(
        `${closed.sender} closed ${task}'s #${number} at ${secondsAt(view, closed.at)}; the model was still asked about ${task} at ${secondsAt(view, requestTime(asked[0].time))}`,
      );
  }
  return violations;
}

/** A person reopened the issue and then labelled it: the app answers (a fresh workflow), unless the issue was closed again. */
function relabels(view: RunView): string[] {
  const issueEvents = eventsOf(view, "issues").filter((event) => field(event.payload, "issue", "number") === view.issueNumber);
  const reopened = issueEvents.filter((event) => event.action === "reopened" && !isApp(view, event.sender)).at(-1);
  if (!reopened || view.issueState !== "open") return [];
  const labelled = issueEvents.find(
    (event) =>
      event.seq > reopened.seq &&
      event.action === "labeled" &&
      !isApp(view, event.sender) &&
      text(field(event.payload, "label", "name")) === view.label,
  );
  if (!labelled) return [];
  const answered = eventsOf(view, "issue_comment").some(
    (event) => event.seq > labelled.seq && isApp(view, event.sender) && field(event.payload, "issue", "number") === view.issueNumber,
  );
  return answered
    ? []
    : [`${labelled.sender} reopened the issue and labelled it at ${secondsAt(view, labelled.at)}; the app did not start again`];
}

/**
 * G6: a human closing the issue stops the workflow, closing one task's pull request stops that
 * task, within the bound; reopening and labelling the issue starts it again.
 */
export function checkStopping(view: RunView): Promise<CheckOutcome> {
  const humanCloses = view.history.filter(
    (record) =>
      record.kind === "event" &&
      record.action === "closed" &&
      (record.event === "issues" || record.event === "pull_request") &&
      !isApp(view, record.sender),
  );
  const reopens = eventsOf(view, "issues", "reopened").some((event) => !isApp(view, event.sender));
  return Promise.resolve(
    outcome("G6", humanCloses.length > 0 || reopens, [...issueClosures(view), ...pullClosures(view), ...relabels(view)]),
  );
}
