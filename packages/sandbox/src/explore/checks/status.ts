import type { IssueComment } from "../../github/state/types.ts";
import { isApp, type RunView } from "../run-view.ts";

const CHECKLIST_ITEM = /^\s*[-*]\s+\[[ xX]\]\s+\*\*([^*]+)\*\*.*?—\s*(?:#\d+\s+)?(.*)$/;

/** The app's comments on the issue, newest (last updated) first. */
function appIssueComments(view: RunView): IssueComment[] {
  return view.comments
    .filter((comment) => comment.issueNumber === view.issueNumber && isApp(view, comment.user.login))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
}

/**
 * A one-word heading (`### Foreman: done` once the work is done), then a bold phase sentence: the status
 * comment, not an escalation or the summary comment of Foremans that posted one.
 */
const STATUS_HEAD = /^###\s+\w+(?::\s+done)?\s*\n\s*\n\*\*/;

/** The app's status comment on the issue: its newest comment that starts with a heading and the phase in bold. */
export function statusComment(view: RunView): IssueComment | undefined {
  return appIssueComments(view).find((comment) => STATUS_HEAD.test(comment.body.trim()));
}

/** The first bold sentence of the status comment: the workflow's phase in words. */
export function phaseOf(status: IssueComment | undefined): string {
  return /\*\*([^*\n]+)\*\*/.exec(status?.body ?? "")?.[1]?.trim() ?? "";
}

/** Each task's words in the status comment's checklist, by task id. */
export function taskLines(status: IssueComment | undefined): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of (status?.body ?? "").split("\n")) {
    const match = CHECKLIST_ITEM.exec(line);
    if (match?.[1] && match[2] !== undefined) lines.set(match[1].trim(), match[2].trim());
  }
  return lines;
}
