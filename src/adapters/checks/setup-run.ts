import type { Logger } from "pino";
import type { SetupRun, SetupSpec } from "../../ports/checks.ts";
import type { WorkspaceRepo } from "../../ports/workspace.ts";
import type { CommandRunner, CopyDirs } from "./command-runner.ts";
import { chownTree } from "./host-commands.ts";
import { setupKey } from "./lockfiles.ts";
import type { SetupCache } from "./setup-cache.ts";
import { untrackedPaths } from "./untracked.ts";

export interface SetupContext {
  cache: SetupCache;
  runner: CommandRunner;
  repo: WorkspaceRepo;
  dirs: CopyDirs;
  runAs: number | null;
  network: boolean;
  /** What else a setup's result depends on (the Node.js version, the toolchains). */
  host: readonly string[];
  /** The commit's tracked files, to tell what the setup created. */
  tracked: () => Promise<readonly string[]>;
  log: Logger | null;
}

/** Gives a working copy's folders to the uid its commands run as (when Foreman is root). */
export async function handOver(dirs: CopyDirs, runAs: number | null): Promise<void> {
  if (runAs !== null) await chownTree([dirs.work, dirs.home, dirs.tmp], runAs);
}

/**
 * The setup command for a fresh work tree, run once per state of the lockfiles: a cached result's
 * files are copied in and its run reported (`cached`); otherwise it runs in the sandbox, and what
 * it created is kept when it succeeds. The work tree is handed to the copy's uid either way.
 */
export async function prepareSetup(context: SetupContext, setup: SetupSpec): Promise<SetupRun> {
  const key = await setupKey(context.dirs.work, setup.line, context.host);
  const found = await context.cache.find(context.repo, key);
  if (found !== null) {
    await context.cache.restore(found, context.dirs.work);
    await handOver(context.dirs, context.runAs);
    return { ...found.run, cached: true };
  }
  await handOver(context.dirs, context.runAs);
  const command = { kind: "shell", line: setup.line } as const;
  const run = await context.runner.run({
    dirs: context.dirs,
    runAs: context.runAs,
    command,
    timeoutMs: setup.timeoutMs,
    network: context.network,
  });
  if (run.end === "exited" && run.exitCode === 0) {
    const created = await untrackedPaths(context.dirs.work, await context.tracked());
    await context.cache.save(context.repo, key, context.dirs.work, created, run).catch((error: unknown) => {
      context.log?.warn(
        { err: error, repository: `${context.repo.owner}/${context.repo.repo}` },
        "setup result could not be cached; it runs again next time",
      );
    });
  }
  return { ...run, cached: false };
}
