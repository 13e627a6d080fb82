import type { BranchMoveRecord } from "../../github/state/history.ts";
import { branchMoves, isApp, secondsAt, short, type RunView } from "../run-view.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";

/** Lines shorter than this (blank lines, braces) are not told apart; a human's line is longer. */
const MIN_LINE = 6;

/** The lines a commit range adds, per file. */
async function addedLines(view: RunView, before: string, after: string): Promise<Map<string, string[]>> {
  const comparison = await view.git.compare(before, after);
  const added = new Map<string, string[]>();
  for (const file of comparison.files) {
    const lines = (file.patch ?? "")
      .split("\n")
      .filter((line) => line.startsWith("+") && !line.startsWith("+++"))
      .map((line) => line.slice(1))
      .filter((line) => line.trim().length >= MIN_LINE);
    if (lines.length > 0) added.set(file.filename, lines);
  }
  return added;
}

async function linesOf(view: RunView, sha: string, path: string): Promise<Set<string>> {
  const file = await view.git.readFile(sha, path);
  return new Set(file ? file.content.toString("utf8").split("\n") : []);
}

/** Roles whose answers write files: a line shown to one of them and left out of its files is its change, in the diff. */
const WRITING_ROLES = new Set(["coder", "debugger"]);

/** Every line of text that a writing agent was shown in some request (the files in its prompt, its tool results). */
function linesShownToAgents(view: RunView): Set<string> {
  const shown = new Set<string>();
  for (const request of view.modelRequests.filter((candidate) => WRITING_ROLES.has(candidate.role ?? ""))) {
    for (const message of request.messages) for (const line of message.content.split("\n")) shown.add(line.trim());
  }
  return shown;
}

/**
 * Lines humans added on the base before `merge` that were there before it and are gone after it,
 * and that no writing agent was ever shown. A line an agent was shown and wrote its file without
 * is an edit of the agent's, in the pull request's diff that a writer approved; one it never saw
 * was written over mechanically (a change re-applied, a file written on an old version of it).
 */
async function revertedLines(
  view: RunView,
  merge: BranchMoveRecord,
  humanMoves: BranchMoveRecord[],
  cache: Map<number, Map<string, string[]>>,
  shown: ReadonlySet<string>,
): Promise<string[]> {
  const found: string[] = [];
  for (const human of humanMoves.filter((move) => move.seq < merge.seq && move.before !== null && move.after !== null)) {
    let added = cache.get(human.seq);
    if (!added) {
      added = await addedLines(view, human.before ?? "", human.after ?? "");
      cache.set(human.seq, added);
    }
    for (const [path, lines] of added) {
      const before = await linesOf(view, merge.before ?? "", path);
      const after = await linesOf(view, merge.after ?? "", path);
      for (const line of lines.filter((candidate) => before.has(candidate) && !after.has(candidate) && !shown.has(candidate.trim()))) {
        found.push(`${path}: "${line.trim()}" (added by ${human.sender} in ${short(human.after)})`);
      }
    }
  }
  return found;
}

/**
 * G3: after every merge the app made into the default branch, the branch's CI passes (when it
 * passed before), and no line a human had added on the branch is gone unless an agent that writes
 * files was shown it (and so left it out as an edit of its own, shown in the approved diff).
 */
export async function checkDefaultBranch(view: RunView): Promise<CheckOutcome> {
  const moves = branchMoves(view, view.defaultBranch);
  const merges = moves.filter((move) => isApp(view, move.sender) && move.before !== null && move.after !== null);
  const humanMoves = moves.filter((move) => !isApp(view, move.sender));
  const violations: string[] = [];
  const cache = new Map<number, Map<string, string[]>>();
  const shown = linesShownToAgents(view);
  await Promise.all(merges.map((merge) => view.ciPasses(merge.after ?? "")));
  for (const merge of merges) {
    const what = `the merge at ${secondsAt(view, merge.at)} (${short(merge.before)} → ${short(merge.after)})`;
    if (!(await view.ciPasses(merge.after ?? "")) && (await view.ciPasses(merge.before ?? ""))) {
      violations.push(`${view.defaultBranch}'s CI fails after ${what}; it passed before`);
    }
    for (const line of await revertedLines(view, merge, humanMoves, cache, shown))
      violations.push(`${what} removed a human's line: ${line}`);
  }
  return outcome("G3", merges.length > 0, violations);
}
