import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ChecksError } from "../../ports/checks.ts";

const execFileAsync = promisify(execFile);

/** Time allowed to copy or chown a working copy's files (a large `node_modules`). */
const FILE_COMMAND_TIMEOUT_MS = 10 * 60_000;

/** Runs a file command of the host (`cp`, `chown`) with no shell; a failure is an `io` ChecksError with the command's complaint. */
async function run(file: string, args: readonly string[], cwd?: string): Promise<void> {
  try {
    await execFileAsync(file, [...args], { cwd, timeout: FILE_COMMAND_TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const complaint =
      typeof stderr === "string" && stderr.trim() !== "" ? stderr.trim().split("\n").slice(0, 3).join(" / ") : String(error);
    throw new ChecksError("io", `${file} failed: ${complaint}`, { cause: error });
  }
}

/** Copies `paths` (relative to `from`, the folders above them created as needed) into `to`, preserving links, modes, times and, as root, owners. */
export async function copyPaths(from: string, paths: readonly string[], to: string): Promise<void> {
  if (paths.length === 0) return;
  await run("cp", ["-a", "--parents", "--reflink=auto", "-t", to, "--", ...paths], from);
}

/** Gives `paths` and everything under them to `uid` (and its group), links themselves rather than what they point to. */
export async function chownTree(paths: readonly string[], uid: number): Promise<void> {
  await run("chown", ["-R", "-h", "-P", `${uid}:${uid}`, "--", ...paths]);
}
