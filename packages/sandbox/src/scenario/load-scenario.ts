import { readFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { stringify } from "yaml";
import { crossCheck } from "./cross-check.ts";
import { problemsFromIssues } from "./format-issues.ts";
import { asRecord, asString, dig } from "./raw.ts";
import { CONFIG_PATH } from "./repository.ts";
import { Scenario } from "./scenario.ts";
import { ScenarioError, type ScenarioProblem } from "./scenario-error.ts";
import { readTemplateFolder } from "./template-folder.ts";
import { readYaml, type YamlSource } from "./yaml-source.ts";

export type ParseScenarioOptions = {
  /** The folder that relative paths (repository.template) are resolved against. */
  baseDir: string;
  /** The name used in error messages. */
  fileName?: string;
};

/** Reads a scenario file. Throws ScenarioError listing every problem found. */
export async function loadScenario(filePath: string): Promise<Scenario> {
  const text = await readFile(filePath, "utf8");
  return parseScenario(text, { baseDir: dirname(resolve(filePath)), fileName: basename(filePath) });
}

/**
 * Parses scenario YAML into a checked scenario whose `repository.files` holds every initial file:
 * the template folder's, the listed ones, and .github/foreman.yml from `config` or `configText`.
 * Throws ScenarioError listing every problem found, each with its path and line.
 */
export function parseScenario(text: string, options: ParseScenarioOptions): Scenario {
  const source = options.fileName ?? "scenario";
  const yaml = readYaml(text);
  if (yaml.problems.length > 0) throw new ScenarioError(source, yaml.problems);
  if (!asRecord(yaml.data)) {
    throw new ScenarioError(source, [{ path: [], message: "expected a YAML mapping (name: ..., repository: ...)" }]);
  }
  const parsed = Scenario.safeParse(yaml.data, { reportInput: true });
  const template = loadTemplate(yaml.data, options.baseDir);
  const problems = [...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)), ...crossCheck(yaml.data), ...template.problems];
  const scenario = parsed.success ? withInitialFiles(parsed.data, template.files) : undefined;
  if (scenario && Object.keys(scenario.repository.files).length === 0 && template.problems.length === 0) {
    problems.push({ path: ["repository"], message: "expected files or a template: a repository needs at least one file" });
  }
  if (problems.length > 0 || !scenario) throw new ScenarioError(source, placeAndSort(problems, yaml));
  return scenario;
}

function loadTemplate(raw: unknown, baseDir: string): { files: Record<string, string>; problems: ScenarioProblem[] } {
  const template = asString(dig(raw, "repository", "template"));
  if (template === undefined || template === "") return { files: {}, problems: [] };
  const result = readTemplateFolder(resolve(baseDir, template));
  if ("error" in result) return { files: {}, problems: [{ path: ["repository", "template"], message: result.error }] };
  return { files: result.files, problems: [] };
}

function withInitialFiles(scenario: Scenario, templateFiles: Record<string, string>): Scenario {
  const { config, configText } = scenario.repository;
  const files = { ...templateFiles, ...scenario.repository.files };
  if (configText !== undefined) files[CONFIG_PATH] = configText;
  else if (config !== undefined) files[CONFIG_PATH] = stringify(config);
  return { ...scenario, repository: { ...scenario.repository, files } };
}

/** Adds line numbers, drops repeats, and orders problems as they appear in the file. */
function placeAndSort(problems: ScenarioProblem[], yaml: YamlSource): ScenarioProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${JSON.stringify(problem.path)} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const placed = unique.map((problem) => {
    const position = problem.line === undefined ? yaml.locate(problem.path) : undefined;
    return position ? { ...problem, line: position.line, column: position.column } : problem;
  });
  return placed
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}
