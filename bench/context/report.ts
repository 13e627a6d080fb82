import { goalsOf, meanPerCall, type Goal } from "./goals.ts";
import type { RunRecord } from "./run.ts";
import { TOKENIZER } from "./tokens.ts";

export interface ContextReport {
  command: string;
  startedAt: string;
  seconds: number;
  /** How prompt tokens are counted. */
  tokenizer: typeof TOKENIZER & { counts: string };
  sizes: number[];
  goals: Goal[];
  runs: RunRecord[];
}

export function reportOf(command: string, startedAt: number, sizes: number[], runs: RunRecord[]): ContextReport {
  return {
    command,
    startedAt: new Date(startedAt).toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    tokenizer: { ...TOKENIZER, counts: "each request's messages (tool calls and results included) and its tool definitions (as JSON)" },
    sizes,
    goals: goalsOf(runs),
    runs,
  };
}

const ROLES = ["engineer", "planner", "coder", "reviewer", "debugger"];

function roleCells(run: RunRecord): string[] {
  return ROLES.map((role) => {
    const figures = run.roles[role];
    return figures ? `${figures.promptTokens.mean}×${figures.modelCalls}` : "-";
  });
}

function toolCell(run: RunRecord): string {
  const counts: Record<string, number> = {};
  for (const figures of Object.values(run.roles)) {
    for (const [tool, count] of Object.entries(figures.toolCalls)) counts[tool] = (counts[tool] ?? 0) + count;
  }
  return (
    Object.entries(counts)
      .map(([tool, count]) => `${tool} ${count}`)
      .join(", ") || "-"
  );
}

function pathCell(run: RunRecord): string {
  const { total, shown, unreachable } = run.paths;
  return `${shown}/${total} shown, ${unreachable ?? "?"} unreachable`;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, index) => cell.padEnd(widths[index] ?? 0))
    .join("  ")
    .trimEnd();
}

/** The runs as a table (prompt tokens: mean per call × calls, per call over all roles, in all), then the crawls and the goals. */
export function formatReport(report: ContextReport): string {
  const header = ["files", "tools", "done", "s", ...ROLES, "per call", "in all", "tool calls", "API r/w per task", "git adv/pack", "paths"];
  const rows = report.runs.map((run) => [
    String(run.files),
    run.tools ? "on" : "off",
    run.completed ? "yes" : "NO",
    run.seconds.toFixed(0),
    ...roleCells(run),
    String(meanPerCall(run)),
    String(Object.values(run.roles).reduce((sum, role) => sum + role.promptTokens.total, 0)),
    toolCell(run),
    `${run.githubPerTask.apiReads}/${run.githubPerTask.apiWrites}`,
    `${run.githubPerTask.gitAdvertise}/${run.githubPerTask.gitUploadPack}`,
    pathCell(run),
  ]);
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? "").length)));
  const crawls = report.runs.flatMap((run) =>
    run.reach
      ? [
          `  ${run.files} files: list_files reached ${run.reach.listed} paths in ${run.reach.listCalls} calls; read_file ${run.reach.readTried - run.reach.readFailed.length}/${run.reach.readTried} sampled paths`,
        ]
      : [],
  );
  const failures = report.runs.flatMap((run) =>
    run.failures.map((failure) => `  ${run.files} files, tools ${run.tools ? "on" : "off"}: ${failure}`),
  );
  const verdict = (goal: Goal): string => (goal.met === null ? "not measured" : goal.met ? "met" : "NOT met");
  return [
    `Context bench: prompt tokens (${report.tokenizer.library} ${report.tokenizer.encoding}) as mean per call × calls, per role`,
    "",
    pad(header, widths),
    pad(
      widths.map((width) => "-".repeat(width)),
      widths,
    ),
    ...rows.map((row) => pad(row, widths)),
    ...(crawls.length > 0 ? ["", "tools reach (a crawl with the agents' list_files, and read_file on a sample):", ...crawls] : []),
    "",
    "goals:",
    ...report.goals.map((goal) => `  ${verdict(goal).padEnd(12)} ${goal.goal}\n               ${goal.detail}`),
    ...(failures.length > 0 ? ["", "runs that did not complete:", ...failures] : []),
    "",
    `total time: ${report.seconds.toFixed(0)} s`,
  ].join("\n");
}
