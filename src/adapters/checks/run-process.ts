import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import type { CommandRun } from "../../ports/checks.ts";
import { OutputCapture } from "./output-capture.ts";
import type { Spawnable } from "./sandbox-argv.ts";

/** How long to wait for output pipes that processes left behind hold open, after the command's group was killed. */
const PIPE_GRACE_MS = 2_000;

interface RunOptions {
  timeoutMs: number;
  output: { keepBytes: number; ceilingBytes: number };
  now?: () => number;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is gone already
  }
}

/** 128 + the signal's number, as a shell reports a process a signal ended. */
function signalCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * Runs a spawnable in a process group of its own, its standard output and error captured
 * together. At its wall time, or once it has printed past the output ceiling, the whole group is
 * killed; when the leader ends, the group is killed too, so nothing it started outlives it.
 */
export function runProcess(spawnable: Spawnable, options: RunOptions): Promise<CommandRun> {
  const now = options.now ?? Date.now;
  const started = now();
  const capture = new OutputCapture(options.output);
  return new Promise((resolve) => {
    const child = spawn(spawnable.file, spawnable.args, {
      cwd: spawnable.cwd,
      env: spawnable.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let end: CommandRun["end"] | null = null;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let grace: NodeJS.Timeout | undefined;
    let finished = false;
    const stop = (why: CommandRun["end"]): void => {
      end ??= why;
      killGroup(child);
    };
    const timer = setTimeout(() => stop("timed_out"), options.timeoutMs);
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(grace);
      const exitCode = exit?.signal ? signalCode(exit.signal) : (exit?.code ?? null);
      resolve({ end: end ?? "exited", exitCode, output: capture.text(), truncated: capture.truncated, durationMs: now() - started });
    };
    const take = (chunk: Buffer): void => {
      if (!capture.add(chunk)) stop("output_limit");
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    child.once("error", (error) => {
      end = "error";
      capture.add(Buffer.from(`could not start ${spawnable.file}: ${error.message}\n`));
      finish();
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      killGroup(child);
      grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, PIPE_GRACE_MS);
    });
    child.once("close", finish);
  });
}
