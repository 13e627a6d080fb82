import { WorkspaceError } from "../../ports/workspace.ts";
import { complaint, failureKind } from "./classify.ts";
import type { GitExec, GitExecResult } from "./git-exec.ts";
import { BASE_CONFIG, gitEnvironment } from "./git-env.ts";

export interface GitRunOptions {
  /** The operation named in an error (`fetch`, `read_file` …). */
  operation: string;
  /** The installation token, when the command may fetch (a missing blob is fetched by git itself). */
  token: string | null;
  timeoutMs: number;
  maxBytes: number;
  /** Exit codes that are answers, not failures (`git grep` answers 1 for no match). */
  allowedCodes?: readonly number[];
  /** Truncated output is an answer (a capped search), not a failure. */
  allowTruncated?: boolean;
  /** The command talks to the remote: its failures are fetch failures. */
  fetching?: boolean;
  input?: string;
}

/** Runs git on one bare repository of the workspace cache. */
export class GitRunner {
  readonly gitDir: string;
  readonly repository: string;
  private readonly remoteBase: string;
  private readonly exec: GitExec;

  constructor(options: { gitDir: string; repository: string; remoteBase: string; exec: GitExec }) {
    this.gitDir = options.gitDir;
    this.repository = options.repository;
    this.remoteBase = options.remoteBase;
    this.exec = options.exec;
  }

  async run(args: readonly string[], options: GitRunOptions): Promise<GitExecResult> {
    const result = await this.exec([...BASE_CONFIG, `--git-dir=${this.gitDir}`, ...args], {
      env: gitEnvironment(this.remoteBase, options.token),
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      ...(options.input === undefined ? {} : { input: options.input }),
    });
    if (result.truncated && options.allowTruncated === true) return result;
    if (result.code === 0 || (result.code !== null && (options.allowedCodes ?? []).includes(result.code))) return result;
    const kind = result.truncated ? "git" : failureKind(result, options.fetching === true);
    const message = result.truncated ? `git wrote more than ${options.maxBytes} bytes` : complaint(result);
    throw new WorkspaceError(kind, options.operation, this.repository, message);
  }
}
