import { z } from "zod";

/** The agent roles; the product names the role of each model call in the `x-foreman-role` header. */
export const AgentRole = z.enum(["engineer", "planner", "coder", "debugger", "reviewer"]);
export type AgentRole = z.infer<typeof AgentRole>;

/** A GitHub login: a user (`maya`) or an app's bot account (`other-bot[bot]`). */
export const Login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, {
  error: "expected a GitHub login (letters, digits and dashes; a bot ends with [bot])",
});

/** A task id from the plan; it becomes part of the branch name `foreman/<issue>/<task>`. */
export const TaskId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  error: "expected a task id (letters, digits, '.', '_' or '-')",
});

export const LabelName = z.string().min(1).max(50);

export const RepositoryName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, { error: "expected a repository name (letters, digits, '.', '_' or '-')" });

export const BranchName = z
  .string()
  .min(1)
  .refine((name) => isValidBranchName(name), { error: "expected a valid git branch name" });

/** A path inside the repository: relative, forward slashes, no `.`/`..` segments, not under `.git/`. */
export const RepositoryPath = z.string().refine((path) => isRepositoryPath(path), {
  error: "expected a relative path inside the repository (forward slashes, no leading /, no . or .. segments)",
});

export const Probability = z.number().min(0).max(1);

export const PositiveSeconds = z.number().positive().max(3600);

function isRepositoryPath(path: string): boolean {
  if (path.length === 0 || path.includes("\\") || path.startsWith("/")) return false;
  const segments = path.split("/");
  if (segments[0] === ".git") return false;
  return segments.every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

function isValidBranchName(name: string): boolean {
  if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".lock") || name.endsWith(".")) return false;
  if (name.startsWith("-")) return false;
  // Spaces, control characters and the characters git reserves for revision syntax.
  if (/[\s~^:?*[\\]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f")) return false;
  return !name.includes("..") && !name.includes("//") && !name.includes("@{");
}
