import type { ConfigProblem } from "../config/config-problem.ts";
import { inlineCode, singleLine } from "./markdown.ts";
import { hiddenMarker, joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Hidden in the comment, so that Foreman edits its one comment instead of adding another. */
export const CONFIG_PROBLEMS_MARKER = "<!-- foreman:config-problems -->";

/** The one comment Foreman posts when `.github/foreman.yml` cannot be used. */
export function renderConfigProblems(problems: readonly ConfigProblem[]): SafeMarkdown {
  const count = problems.length === 1 ? markdown`a problem` : markdown`${problems.length} problems`;
  const elsewhere = problems.some((problem) => problem.file !== undefined);
  return joinMarkdown(
    [
      markdown`### Foreman could not read its configuration`,
      markdown``,
      elsewhere ? markdown`Foreman found ${count} in its configuration:` : markdown`Foreman found ${count} in \`.github/foreman.yml\`:`,
      markdown``,
      ...problems.map(problemLine),
      markdown``,
      elsewhere
        ? markdown`Fix each file named above on its repository's default branch and re-add the label.`
        : markdown`Fix \`.github/foreman.yml\` on the default branch and re-add the label.`,
      markdown``,
      hiddenMarker(CONFIG_PROBLEMS_MARKER),
      markdown``,
    ],
    "\n",
  );
}

/** Hidden in the comment once its problems are fixed, so that Foreman updates it only once. */
const CONFIG_RESOLVED_MARKER = "<!-- foreman:config-resolved -->";

/**
 * The config-problems comment once `.github/foreman.yml` reads again (posted under the same key,
 * it replaces the list of problems, which would otherwise stay up as if still true).
 */
export function renderConfigProblemsResolved(): SafeMarkdown {
  return joinMarkdown(
    [
      markdown`### Foreman's configuration reads again`,
      markdown``,
      markdown`The problems this comment listed in \`.github/foreman.yml\` are fixed: the file on the default branch reads without problems now.`,
      markdown``,
      hiddenMarker(CONFIG_RESOLVED_MARKER),
      markdown``,
    ],
    "\n",
  );
}

/** One problem as a list item: its key, its line and column, and the file when it is not the repository's own. */
export function problemLine(problem: ConfigProblem): SafeMarkdown {
  const where = problem.path === "" ? markdown`the file` : inlineCode(problem.path);
  const column = problem.column === undefined ? markdown`` : markdown`, column ${problem.column}`;
  const position = problem.line === undefined ? markdown`` : markdown` (line ${problem.line}${column})`;
  const file = problem.file === undefined ? markdown`` : markdown` in ${inlineCode(problem.file)}`;
  return markdown`- ${where}${position}${file}: ${singleLine(problem.message)}`;
}
