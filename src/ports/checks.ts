import type { FileChange } from "./github.ts";
import type { WorkspaceRepo } from "./workspace.ts";

/**
 * The repository's own commands (its tests, linters, type checks), run on a task's working copy in
 * an OS sandbox: no network, nothing of Foreman's visible, only the working copy writable, and
 * limits on time, memory, processes and output.
 */

/**
 * A command to run: a declared check's shell line (from the repository's config, run by `sh -c`
 * inside the sandbox), or a command line an agent asked for, already split into words and allowed
 * by the config's `checks.allow` (run as it is, with no shell).
 */
export type CheckCommand = { kind: "shell"; line: string } | { kind: "argv"; argv: readonly string[] };

/**
 * How a run ended: `exited` (with its exit code), `timed_out` (its wall time ran out; the whole
 * process tree was killed), `output_limit` (it printed more than allowed and was killed),
 * `error` (it could not be started: the message is in `output`).
 */
type RunEnd = "exited" | "timed_out" | "output_limit" | "error";

export interface CommandRun {
  end: RunEnd;
  /** The exit code when it exited; 128+signal for a process killed by a signal (a limit). */
  exitCode: number | null;
  /** Standard output and error as they came, capped (its start and its end kept). Not redacted: callers redact. */
  output: string;
  /** More was printed than `output` holds. */
  truncated: boolean;
  durationMs: number;
}

/** The config's `checks.setup`: run once per state of the repository's lockfiles, then reused. */
export interface SetupSpec {
  line: string;
  timeoutMs: number;
}

/** The outcome of the setup command for a working copy; `cached` when a cached earlier run was reused. */
export type SetupRun = CommandRun & { cached: boolean };

/** One task's working copy: the repository at one commit, with the agent's changes written into it. */
export interface WorkingCopy {
  readonly sha: string;
  /** The setup command's outcome; null when none is declared. */
  readonly setup: SetupRun | null;
  /** Writes these files (null content: deletes the file) over the working copy. */
  write(changes: readonly FileChange[]): Promise<void>;
  /** Runs one command in the sandbox, in the working copy's root. */
  run(command: CheckCommand, timeoutMs: number): Promise<CommandRun>;
  /** Removes the working copy. */
  close(): Promise<void>;
}

/** Whether commands can run here: in the sandbox, without it (the operator's explicit choice), or not at all and why. */
export type ChecksAvailability = { available: true; sandboxed: boolean } | { available: false; reason: string };

export interface ChecksPort {
  availability(): ChecksAvailability;
  /**
   * A working copy of `repo` at `sha` (a git worktree from the workspace's objects), with the
   * setup command run (or its cached result restored) when one is given.
   */
  open(repo: WorkspaceRepo, token: () => Promise<string>, sha: string, setup: SetupSpec | null): Promise<WorkingCopy>;
}

/** A working copy could not be made (`workspace`: the commit could not be checked out; `io`: the host refused a file operation). */
export class ChecksError extends Error {
  readonly kind: "unavailable" | "workspace" | "io";
  constructor(kind: "unavailable" | "workspace" | "io", message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = "ChecksError";
  }
}
