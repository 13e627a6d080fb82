import { execFile } from "node:child_process";

interface GitExecOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Bytes of stdout (and of stderr) kept; past them git is stopped and the output marked truncated. */
  maxBytes: number;
  /** Written to stdin, which is closed either way. */
  input?: string;
}

export interface GitExecResult {
  /** The exit code; null when git was stopped (a timeout, too much output) or could not start. */
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
  /** Git wrote more than `maxBytes` and was stopped. */
  truncated: boolean;
}

/** Runs `git` with these arguments (never through a shell). Replaceable in tests to watch the arguments. */
export type GitExec = (args: readonly string[], options: GitExecOptions) => Promise<GitExecResult>;

interface ExecFailure {
  code?: unknown;
  killed?: unknown;
  stdout?: unknown;
  stderr?: unknown;
}

function asBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0);
}

function failed(error: ExecFailure): GitExecResult {
  const truncated = error.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER";
  return {
    code: typeof error.code === "number" ? error.code : null,
    stdout: asBuffer(error.stdout),
    stderr: asBuffer(error.stderr).toString("utf8"),
    timedOut: !truncated && error.killed === true,
    truncated,
  };
}

/** `git` through `execFile`: no shell, a timeout, output capped. */
export const execGit: GitExec = (args, options) =>
  new Promise((resolve) => {
    const child = execFile(
      "git",
      [...args],
      { env: options.env, timeout: options.timeoutMs, maxBuffer: options.maxBytes, encoding: "buffer", killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (error) resolve(failed({ ...(error as ExecFailure), stdout, stderr }));
        else resolve({ code: 0, stdout, stderr: stderr.toString("utf8"), timedOut: false, truncated: false });
      },
    );
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(options.input);
  });
