import type { FidelityProblem } from "./problem.ts";

export type GitHubValidationError = {
  readonly status: 422;
  readonly body: {
    readonly message: string;
    readonly documentation_url: string;
    readonly status: "422";
  };
};

/**
 * The answer GitHub gives when a request does not match the endpoint's schema, e.g.
 * `{"message":"Invalid request.\n\n\"head\" wasn't supplied.", "status":"422", ...}`.
 */
export function toGitHubValidationError(problems: readonly FidelityProblem[]): GitHubValidationError {
  const details = problems.map((problem) => problem.message).join("\n");
  return {
    status: 422,
    body: {
      message: `Invalid request.\n\n${details}`,
      documentation_url: "https://docs.github.com/rest",
      status: "422",
    },
  };
}
