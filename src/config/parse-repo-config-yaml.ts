import type { ConfigProblem } from "./config-problem.ts";
import { formatConfigPath } from "./config-problem.ts";
import { validateRepoConfig } from "./parse-repo-config.ts";
import type { ConfigRule, RepoConfigResult } from "./parse-repo-config.ts";
import { readYamlText } from "./yaml-locations.ts";

/**
 * Reads `.github/foreman.yml` from its text. An empty file (or one with only comments)
 * means every default. Syntax errors and schema problems carry their line and column, as do
 * the problems `rules` find.
 */
export function parseRepoConfigYaml(text: string, rules: readonly ConfigRule[] = []): RepoConfigResult {
  const yaml = readYamlText(text);
  if (yaml.syntaxProblems.length > 0) {
    const problems = yaml.syntaxProblems.map(({ line, column, message }): ConfigProblem => ({
      path: "",
      message: `YAML syntax error at line ${line}, column ${column}: ${message}`,
      line,
      column,
    }));
    return { ok: false, problems };
  }
  const result = validateRepoConfig(yaml.data, rules);
  if (result.ok) return result;
  const problems = result.problems.map((problem): ConfigProblem => ({
    path: formatConfigPath(problem.path),
    message: problem.message,
    ...yaml.locate(problem.path),
  }));
  return { ok: false, problems };
}
