export type ProblemPath = readonly (string | number)[];

/** One problem in a scenario, at a path such as `repository.ci[0].run`. */
export type ScenarioProblem = {
  /** The path, e.g. ["repository", "ci", 0, "run"]; empty for the whole document. */
  path: ProblemPath;
  message: string;
  /** 1-based position in the YAML text, where known. */
  line?: number;
  column?: number;
};

/** Thrown when a scenario cannot be used; lists every problem found, not just the first. */
export class ScenarioError extends Error {
  readonly problems: readonly ScenarioProblem[];
  readonly source: string;

  constructor(source: string, problems: readonly ScenarioProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const lines = problems.map((problem) => `  - ${describeProblem(problem)}`);
    super([`${source}: ${count}`, ...lines].join("\n"));
    this.name = "ScenarioError";
    this.source = source;
    this.problems = problems;
  }
}

/** `repository.ci[0].run: expected a string (line 12)`, or `line 4, column 3: YAML syntax error: ...`. */
export function describeProblem(problem: ScenarioProblem): string {
  if (problem.path.length === 0) {
    if (problem.line === undefined) return problem.message;
    const column = problem.column === undefined ? "" : `, column ${problem.column}`;
    return `line ${problem.line}${column}: ${problem.message}`;
  }
  const line = problem.line === undefined ? "" : ` (line ${problem.line})`;
  return `${formatPath(problem.path)}: ${problem.message}${line}`;
}

/** ["files", "src/a.js"] → `files["src/a.js"]`; ["ci", 0, "run"] → `ci[0].run`. */
export function formatPath(path: ProblemPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
