import { inlineCode, singleLine } from "../render/markdown.ts";
import type { ConfigProblem } from "./config-problem.ts";

/** Hidden in the comment, so that Foreman edits its one comment instead of adding another. */
export const CONFIG_PROBLEMS_MARKER = "<!-- foreman:config-problems -->";

/** The one comment Foreman posts when `.github/foreman.yml` cannot be used. */
export function renderConfigProblems(problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
  return [
    "### Foreman could not read its configuration",
    "",
    `Foreman found ${count} in \`.github/foreman.yml\`:`,
    "",
    ...problems.map(problemLine),
    "",
    "Fix `.github/foreman.yml` on the default branch and re-add the label.",
    "",
    CONFIG_PROBLEMS_MARKER,
    "",
  ].join("\n");
}

function problemLine(problem: ConfigProblem): string {
  const where = problem.path === "" ? "the file" : inlineCode(problem.path);
  const position = problem.line === undefined ? "" : ` (line ${problem.line}${problem.column === undefined ? "" : `, column ${problem.column}`})`;
  return `- ${where}${position}: ${singleLine(problem.message)}`;
}
