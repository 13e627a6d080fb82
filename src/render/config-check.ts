import type { ConfigProblem } from "../config/config-problem.ts";
import { CONFIG_PATH, sameSource, sourceName, type ConfigSource } from "../config/config-source.ts";
import type { CheckAnnotation } from "../ports/github-types.ts";
import type { CheckTitle } from "./check-run-output.ts";
import { problemLine } from "./config-problems.ts";
import { inlineCode } from "./markdown.ts";
import { joinMarkdown, markdown, neutralizePlainText, type SafeMarkdown } from "./neutralize-markdown.ts";

/** What the `Foreman config` check found: the files the configuration was read from, or its problems. */
export type ConfigCheckView = { ok: true; sources: readonly ConfigSource[] } | { ok: false; problems: readonly ConfigProblem[] };

export interface ConfigCheckOutput {
  state: "success" | "failure";
  title: CheckTitle;
  summary: SafeMarkdown;
  /** One per problem in the repository's own file that has a line. */
  annotations: CheckAnnotation[];
}

function sourcesLine(sources: readonly ConfigSource[], repositoryFile: ConfigSource): SafeMarkdown {
  if (sources.length === 0)
    return markdown`This commit has no \`.github/foreman.yml\` and the organisation's \`.github\` repository has none either: every key takes its default.`;
  const names = sources.map((source) =>
    sameSource(source, repositoryFile) ? markdown`this commit's \`.github/foreman.yml\`` : inlineCode(sourceName(source)),
  );
  const order = sources.length > 1 ? markdown` (in this order; the first file wins where they set the same key)` : markdown``;
  return markdown`Read from ${joinMarkdown(names, ", ")}${order}.`;
}

function annotationOf(problem: ConfigProblem): CheckAnnotation[] {
  if (problem.file !== undefined || problem.line === undefined) return [];
  const where = problem.path === "" ? "" : `${problem.path}: `;
  return [{ path: CONFIG_PATH, line: problem.line, message: neutralizePlainText(`${where}${problem.message}`) }];
}

/**
 * The `Foreman config` check run on a pull request that changes `.github/foreman.yml`: whether the
 * configuration reads at its head as it would once merged, and each problem with its line.
 * `repositoryFile` is the pull request's repository's own file.
 */
export function renderConfigCheck(view: ConfigCheckView, repositoryFile: ConfigSource): ConfigCheckOutput {
  if (view.ok) {
    const summary = joinMarkdown(
      [markdown`The configuration reads without problems.`, markdown``, sourcesLine(view.sources, repositoryFile)],
      "\n",
    );
    return { state: "success", title: "Configuration reads", summary, annotations: [] };
  }
  const count = view.problems.length === 1 ? markdown`a problem` : markdown`${view.problems.length} problems`;
  const summary = joinMarkdown(
    [
      markdown`Foreman found ${count} in its configuration at this commit; it would refuse to start work with it.`,
      markdown``,
      ...view.problems.map(problemLine),
    ],
    "\n",
  );
  return { state: "failure", title: "Configuration has problems", summary, annotations: view.problems.flatMap(annotationOf) };
}
