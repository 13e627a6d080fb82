import { spawn, type ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";

export interface CommandSpec {
  /** Passed to `sh -c`. */
  command: string;
  cwd: string;
  /** The whole environment of the command: nothing is inherited. */
  env: Record<string, string>;
  timeoutMs: number;
}

export interface CommandOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
}

/** How long to wait for output pipes held open by orphaned processes after the shell exits. */
const PIPE_GRACE_MS = 2_000;

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // the group is already gone
  }
}

/** Calls `onLine` for each complete line of a stream, and for the last partial line at its end. */
function forwardLines(stream: Readable, onLine: (line: string) => void): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (pending + chunk).split(/\r?\n/);
    pending = parts.pop() ?? "";
    for (const part of parts) onLine(part);
  });
  stream.on("end", () => {
    if (pending !== "") onLine(pending);
    pending = "";
  });
}

/**
 * Runs `sh -c <command>` in its own process group, streaming stdout and stderr lines to
 * `onLine`. On timeout the whole group is killed; when the shell exits, processes it left
 * behind are killed too, as a CI runner cleans up orphans at the end of a job.
 */
export function runCommand(spec: CommandSpec, onLine: (line: string) => void): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", spec.command], {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let timedOut = false;
    let exit: { code: number | null; signal: string | null } | null = null;
    let grace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, spec.timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      clearTimeout(grace);
      resolve({ exitCode: exit?.code ?? null, signal: exit?.signal ?? null, timedOut });
    };
    forwardLines(child.stdout, onLine);
    forwardLines(child.stderr, onLine);
    child.once("error", (error) => {
      onLine(`sh: ${error.message}`);
      exit = { code: 127, signal: null };
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
