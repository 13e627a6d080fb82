import type { WorkspaceErrorKind } from "../../ports/workspace.ts";
import type { GitExecResult } from "./git-exec.ts";

const NOT_FOUND = /not our ref|couldn't find remote ref|no such remote ref|unadvertised object|repository not found|returned error: 404/i;
const AUTH = /authentication failed|could not read username|could not read password|returned error: 40[13]/i;
const BAD_PATTERN =
  /^fatal: command line, '.*': |invalid regular expression|unmatched|invalid (preceding|range|character class|back reference)/im;

/** Why a git command failed, in the port's words; `fetching` for commands that talk to the remote. */
export function failureKind(result: GitExecResult, fetching: boolean): WorkspaceErrorKind {
  if (result.timedOut) return "timeout";
  if (NOT_FOUND.test(result.stderr)) return "not_found";
  if (AUTH.test(result.stderr)) return "auth";
  if (fetching) return "fetch";
  return BAD_PATTERN.test(result.stderr) ? "invalid_input" : "git";
}

/** The first lines of git's complaint, for an error message. */
export function complaint(result: GitExecResult): string {
  if (result.timedOut) return "git took too long and was stopped";
  const text = result.stderr.trim().split("\n").slice(0, 3).join(" / ");
  return text === "" ? `git exited with ${String(result.code)}` : text;
}
