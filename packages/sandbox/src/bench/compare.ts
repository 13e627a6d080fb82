import type { FinalState } from "./final-state.ts";

/** How a run's final state differs from the uninterrupted baseline. */
export interface Comparison {
  /** Issue closed and every planned task merged. */
  completed: boolean;
  /** Things that exist more than once where the baseline has one, in words. */
  duplicates: string[];
  /** Tasks the baseline merged and this run did not. */
  lostTasks: string[];
  /** Other differences from the baseline (files on the default branch, missing comments), in words. */
  differences: string[];
}

function overCounts(label: string, actual: Record<string, number>, baseline: Record<string, number>): string[] {
  return Object.entries(actual)
    .filter(([key, n]) => n > Math.max(baseline[key] ?? 0, 1))
    .map(([key, n]) => `${label} ${key}: ${n} (baseline ${baseline[key] ?? 0})`);
}

function missing(label: string, actual: Record<string, number>, baseline: Record<string, number>): string[] {
  return Object.keys(baseline)
    .filter((key) => (actual[key] ?? 0) === 0)
    .map((key) => `${label} ${key} is missing`);
}

function fileDifferences(actual: FinalState, baseline: FinalState): string[] {
  const paths = [...new Set([...Object.keys(actual.mainFiles), ...Object.keys(baseline.mainFiles)])].sort();
  return paths.filter((path) => actual.mainFiles[path] !== baseline.mainFiles[path]).map((path) => `default branch file ${path} differs`);
}

/** Compares a run's final state with the baseline's: completion, duplicates, lost tasks, other differences. */
export function compareWithBaseline(actual: FinalState, baseline: FinalState): Comparison {
  const lostTasks = baseline.mergedTasks.filter((task) => !actual.mergedTasks.includes(task));
  const duplicates = [
    ...overCounts("pull requests for task", actual.pullsPerTask, baseline.pullsPerTask),
    ...overCounts("commits on task", actual.commitsPerTask, baseline.commitsPerTask),
    ...overCounts("app comments", actual.appComments, baseline.appComments),
    ...overCounts("check runs", actual.checkRunsPerKey, {}),
    ...(actual.mainCommits > baseline.mainCommits
      ? [`default branch commits: ${actual.mainCommits} (baseline ${baseline.mainCommits})`]
      : []),
    ...actual.branches.filter((branch) => !baseline.branches.includes(branch)).map((branch) => `extra branch ${branch}`),
  ];
  const differences = [
    ...(actual.mainTree !== baseline.mainTree
      ? [`default branch tree ${actual.mainTree.slice(0, 7)} differs from ${baseline.mainTree.slice(0, 7)}`]
      : []),
    ...fileDifferences(actual, baseline),
    ...missing("app comment", actual.appComments, baseline.appComments),
    ...actual.failureNotes.map((note) => `the app reported: ${note}`),
  ];
  return { completed: actual.issueState === "closed" && lostTasks.length === 0, duplicates, lostTasks, differences };
}
