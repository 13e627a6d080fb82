import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { GitCommandError } from "./errors.ts";
import { AnswerMemory, isImmutableRead } from "./immutable-reads.ts";

const execFileAsync = promisify(execFile);

const MAX_BUFFER = 512 * 1024 * 1024;

/** Configuration every invocation carries, so nothing depends on system or user config. */
const CONFIG_FLAGS: readonly string[] = [
  "-c",
  "core.autocrlf=false",
  "-c",
  "core.safecrlf=false",
  "-c",
  "core.quotePath=false",
  "-c",
  "core.logAllRefUpdates=false",
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "gc.auto=0",
  "-c",
  "diff.renames=true",
  "-c",
  "merge.renames=true",
];

export interface GitRunOptions {
  /** Written to stdin; stdin is closed either way. */
  input?: string | Buffer;
  /** Extra environment (identities, `GIT_INDEX_FILE`...). */
  env?: Readonly<Record<string, string>>;
  /** Absolute path passed as `--work-tree`. */
  workTree?: string;
  /** Exit codes that are answers rather than failures (e.g. `merge-base --is-ancestor` answers 1). */
  allowedExitCodes?: readonly number[];
}

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git against one bare repository, isolated from the caller's git environment. */
export class GitRunner {
  readonly gitDir: string;
  /** Answers to reads of immutable objects (see `isImmutableRead`), so each is asked of git once. */
  private readonly memory = new AnswerMemory<GitResult>(20_000);

  constructor(gitDir: string) {
    this.gitDir = gitDir;
  }

  /** Runs git and returns stdout as UTF-8 text. */
  async text(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    const result = await this.exec(args, options);
    return result.stdout.toString("utf8");
  }

  /** Runs git and returns stdout as bytes. */
  async bytes(args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
    const result = await this.exec(args, options);
    return result.stdout;
  }

  /** Runs git; exit codes listed in `allowedExitCodes` resolve instead of throwing. */
  async exec(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    const memorable = options.input === undefined && options.env === undefined && options.workTree === undefined && isImmutableRead(args);
    const key = args.join("\u0000");
    const known = memorable ? this.memory.get(key) : undefined;
    if (known) return known;
    const result = await this.spawn(args, options);
    // Only answers: a failure (a missing object, say) may not be one later.
    if (memorable && (result.exitCode === 0 || args.includes("--is-ancestor"))) this.memory.set(key, result);
    return result;
  }

  private async spawn(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
    const fullArgs = [...CONFIG_FLAGS, `--git-dir=${this.gitDir}`];
    if (options.workTree !== undefined) fullArgs.push(`--work-tree=${options.workTree}`);
    fullArgs.push(...args);
    const child = execFileAsync("git", fullArgs, {
      encoding: "buffer",
      maxBuffer: MAX_BUFFER,
      env: gitEnvironment(options.env),
    });
    const stdin = child.child.stdin;
    // git may exit before reading all of stdin; its exit status tells what happened.
    stdin?.on("error", () => undefined);
    stdin?.end(options.input);
    try {
      const { stdout, stderr } = await child;
      return { exitCode: 0, stdout, stderr: stderr.toString("utf8") };
    } catch (error) {
      return failedRun(args, options, error);
    }
  }
}

function failedRun(args: readonly string[], options: GitRunOptions, error: unknown): GitResult {
  const { exitCode, stdout, stderr } = describeFailure(error);
  if (exitCode !== null && (options.allowedExitCodes ?? []).includes(exitCode)) {
    return { exitCode, stdout, stderr };
  }
  throw new GitCommandError(args, exitCode, stderr || messageOf(error), { cause: error });
}

function describeFailure(error: unknown): { exitCode: number | null; stdout: Buffer; stderr: string } {
  if (typeof error !== "object" || error === null) {
    return { exitCode: null, stdout: Buffer.alloc(0), stderr: "" };
  }
  const record = error as { code?: unknown; stdout?: unknown; stderr?: unknown };
  return {
    exitCode: typeof record.code === "number" ? record.code : null,
    stdout: Buffer.isBuffer(record.stdout) ? record.stdout : Buffer.alloc(0),
    stderr: Buffer.isBuffer(record.stderr) ? record.stderr.toString("utf8") : "",
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The caller's environment minus any `GIT_*` variable, plus isolation from global config. */
function gitEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_"));
  return {
    ...Object.fromEntries(inherited),
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_LITERAL_PATHSPECS: "1",
    GIT_OPTIONAL_LOCKS: "0",
    ...extra,
  };
}
