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

/** Lines humans added on the base before `merge` that were there before it and are gone after it. */
async function revertedLines(
  view: RunView,
  merge: BranchMoveRecord,
  humanMoves: BranchMoveRecord[],
  cache: Map<number, Map<string, string[]>>,
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
      for (const line of lines.filter((candidate) => before.has(candidate) && !after.has(candidate))) {
        found.push(`${path}: "${line.trim()}" (added by ${human.sender} in ${short(human.after)})`);
      }
    }
  }
  return found;
}

/**
 * G3: after every merge the app made into the default branch, the branch's CI passes (when it
 * passed before), and no line a human had added on the branch is gone.
 */
export async function checkDefaultBranch(view: RunView): Promise<CheckOutcome> {
  const moves = branchMoves(view, view.defaultBranch);
  const merges = moves.filter((move) => isApp(view, move.sender) && move.before !== null && move.after !== null);
  const humanMoves = moves.filter((move) => !isApp(view, move.sender));
  const violations: string[] = [];
  const cache = new Map<number, Map<string, string[]>>();
  await Promise.all(merges.map((merge) => view.ciPasses(merge.after ?? "")));
  for (const merge of merges) {
    const what = `the merge at ${secondsAt(view, merge.at)} (${short(merge.before)} → ${short(merge.after)})`;
    if (!(await view.ciPasses(merge.after ?? "")) && (await view.ciPasses(merge.before ?? ""))) {
      violations.push(`${view.defaultBranch}'s CI fails after ${what}; it passed before`);
    }
    for (const line of await revertedLines(view, merge, humanMoves, cache)) violations.push(`${what} removed a human's line: ${line}`);
  }
  return outcome("G3", merges.length > 0, violations);
}
