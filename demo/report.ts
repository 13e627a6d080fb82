import type { RunResult } from "@foreman/sandbox";

/** The human-readable end of a demo run: what got merged, and the figures that matter. */
export function formatReport(result: RunResult): string {
  const { figures } = result;
  const rows: Array<[string, string]> = [
    ["tasks", figures.taskIds.join(", ") || "(none)"],
    ["pull requests", `${figures.pullRequests} opened, ${figures.merged} merged`],
    ["GitHub API calls", `${figures.apiCalls} (${figures.apiWrites} writes, ${figures.graphqlCalls} GraphQL)`],
    ["git fetches", String(figures.gitFetches)],
    ["Commit writes per task", String(figures.gitDataWritesPerTask)],
    ["model calls", `${figures.modelCalls} (${figures.promptTokens} prompt + ${figures.completionTokens} completion tokens)`],
    ["webhooks delivered", String(figures.webhooks)],
    ["CI runs on task branches", `${figures.ciRuns} (${figures.redCiRuns} red, ${figures.ciSeconds} s of jobs)`],
    ["calls GitHub would reject", String(figures.rejectedCalls)],
    ["default branch CI", figures.defaultBranchCi === null ? "not run" : figures.defaultBranchCi ? "passes" : "FAILS"],
    ["time", `${figures.seconds} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    "",
    result.ok ? "Done: the feature is merged." : "The run did not end as expected:",
    ...result.failures.map((failure) => `  - ${failure}`),
    "",
  ];
  lines.push(...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`));
  if (!result.ok && result.appLogTail) lines.push("", "Last lines of the app's log:", result.appLogTail);
  return lines.join("\n");
}
