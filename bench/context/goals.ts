import type { RunRecord } from "./run.ts";

/** One of the issue's goals, judged from the runs (reported, never asserted). */
export interface Goal {
  goal: string;
  /** null when the runs it needs are missing. */
  met: boolean | null;
  detail: string;
}

/** The most a role's prompt tokens per call may grow from the smallest repository to the largest. */
const FLAT_RATIO = 1.2;

const ROLES = ["engineer", "planner", "coder", "reviewer"] as const;

function runOf(runs: readonly RunRecord[], files: number | undefined, tools: boolean): RunRecord | undefined {
  return runs.find((run) => run.files === files && run.tools === tools);
}

/** Mean prompt tokens per call over every role's calls. */
export function meanPerCall(run: RunRecord): number {
  const roles = Object.values(run.roles);
  const calls = roles.reduce((sum, role) => sum + role.modelCalls, 0);
  return calls === 0 ? 0 : Math.round(roles.reduce((sum, role) => sum + role.promptTokens.total, 0) / calls);
}

const ratio = (large: number, small: number): number => (small === 0 ? 0 : Math.round((large / small) * 100) / 100);

/** Each role's mean prompt tokens per call in the largest repository over the smallest, with tools on or off. */
function growth(runs: readonly RunRecord[], tools: boolean): Record<string, number> | null {
  const sizes = runs.filter((run) => run.tools === tools).map((run) => run.files);
  const small = runOf(runs, Math.min(...sizes), tools);
  const large = runOf(runs, Math.max(...sizes), tools);
  if (!small || !large || small === large) return null;
  const byRole = ROLES.flatMap((role) => {
    const from = small.roles[role]?.promptTokens.mean;
    const to = large.roles[role]?.promptTokens.mean;
    return from === undefined || to === undefined ? [] : [[role, ratio(to, from)] as const];
  });
  return { ...Object.fromEntries(byRole), all: ratio(meanPerCall(large), meanPerCall(small)) };
}

function flatGoal(runs: readonly RunRecord[]): Goal {
  const goal = `prompt tokens per call flat in repository size (largest within ${FLAT_RATIO}× of smallest, tools on)`;
  const on = growth(runs, true);
  if (!on) return { goal, met: null, detail: "needs tools-on runs of two sizes" };
  const off = growth(runs, false);
  const show = (figures: Record<string, number>): string =>
    Object.entries(figures)
      .map(([role, value]) => `${role} ${value}×`)
      .join(", ");
  const met = Object.values(on).every((value) => value <= FLAT_RATIO);
  return { goal, met, detail: `tools on: ${show(on)}${off ? `; tools off: ${show(off)}` : ""}` };
}

function reachGoal(runs: readonly RunRecord[]): Goal {
  const goal = "no path of the repository unreachable (tools on)";
  const on = runs.filter((run) => run.tools && run.paths.unreachable !== null);
  if (on.length === 0) return { goal, met: null, detail: "needs a tools-on run with its crawl" };
  const line = (run: RunRecord): string => `${run.files} files: ${run.paths.unreachable ?? "?"} unreachable`;
  const off = runs.filter((run) => !run.tools);
  return {
    goal,
    met: on.every((run) => run.paths.unreachable === 0),
    detail: `tools on: ${on.map(line).join(", ")}${off.length > 0 ? `; tools off: ${off.map(line).join(", ")}` : ""}`,
  };
}

function readsGoal(runs: readonly RunRecord[]): Goal {
  const goal = "fewer GitHub API reads per task than with tools off";
  const pairs = runs.flatMap((on) => {
    const off = on.tools ? runOf(runs, on.files, false) : undefined;
    return off ? [{ files: on.files, on: on.githubPerTask.apiReads, off: off.githubPerTask.apiReads }] : [];
  });
  if (pairs.length === 0) return { goal, met: null, detail: "needs runs with tools on and off of one size" };
  return {
    goal,
    met: pairs.every((pair) => pair.on < pair.off),
    detail: pairs.map((pair) => `${pair.files} files: ${pair.on} with tools, ${pair.off} without`).join("; "),
  };
}

/** The issue's three goals, judged from the runs. */
export function goalsOf(runs: readonly RunRecord[]): Goal[] {
  return [flatGoal(runs), reachGoal(runs), readsGoal(runs)];
}
