/** One thing wrong with `.github/foreman.yml`, where it is and what is wrong. */
export type ConfigProblem = {
  /** Where in the file, e.g. `limits.tasksPerPlan` or `protectedPaths[2]`; empty for the whole file. */
  path: string;
  message: string;
  /** 1-based, when the problem was found in YAML text. */
  line?: number;
  column?: number;
  /**
   * The file it is in, as `owner/repo:path`, when that is not the repository's own `.github/foreman.yml`
   * (the organisation's defaults, or a file `_extends` names).
   */
  file?: string;
};

export type ConfigPath = readonly (string | number)[];

/** ["limits", "tasksPerPlan"] → "limits.tasksPerPlan"; ["a", 2] → "a[2]"; odd keys are quoted. */
export function formatConfigPath(path: ConfigPath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join("");
}
