import { mkdir } from "node:fs/promises";
import type { ChecksAvailability, CommandRun } from "../../ports/checks.ts";
import { removeTree } from "../workspace/remove-tree.ts";
import type { CommandRunner } from "./command-runner.ts";
import { makeCopyDirs } from "./copy-dirs.ts";
import type { Host } from "./host.ts";
import type { ChecksSettings } from "./settings.ts";

const PROBE_TIMEOUT_MS = 30_000;

function missing(program: string): ChecksAvailability {
  return { available: false, reason: `${program} is not installed on Foreman's host; local checks are off` };
}

/** The first line of what a failed probe printed, for the operator. */
function complaint(run: CommandRun): string {
  const line = run.output.trim().split("\n")[0] ?? "";
  if (run.end === "timed_out") return "it did not finish in time";
  return line === "" ? `it exited with ${String(run.exitCode)}` : line;
}

/** Runs `true` as a check would run, in a working copy folder of its own. */
async function probeRun(settings: ChecksSettings, runner: CommandRunner, runAs: number | null): Promise<CommandRun> {
  const copy = await makeCopyDirs(settings.dir, runAs ?? process.getuid?.() ?? 0, false);
  try {
    await mkdir(copy.dirs.work);
    return await runner.run({
      dirs: copy.dirs,
      runAs,
      command: { kind: "argv", argv: ["true"] },
      timeoutMs: PROBE_TIMEOUT_MS,
      network: false,
    });
  } finally {
    await removeTree(copy.root);
  }
}

/**
 * Whether commands can run here, and why not, in words the operator can act on: the operator's
 * setting first, then the programs the host lacks, then (for the sandbox) one real run of `true`.
 */
export async function probeAvailability(
  settings: ChecksSettings,
  host: Host,
  runner: CommandRunner,
  runAs: number | null,
): Promise<ChecksAvailability> {
  if (settings.mode === "off") return { available: false, reason: "local checks are turned off by the operator (FOREMAN_CHECKS=off)" };
  if (host.tools.prlimit === null) return missing("prlimit (util-linux)");
  if (host.root && host.tools.setpriv === null) return missing("setpriv (util-linux)");
  if (settings.mode === "unsandboxed") return { available: true, sandboxed: false };
  if (host.tools.bwrap === null) return missing("bubblewrap (bwrap)");
  const run = await probeRun(settings, runner, runAs);
  if (run.end === "exited" && run.exitCode === 0) return { available: true, sandboxed: true };
  return {
    available: false,
    reason: `bubblewrap (bwrap) could not start a sandbox on Foreman's host (${complaint(run)}); local checks are off`,
  };
}
