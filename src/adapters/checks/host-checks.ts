import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { ChecksAvailability, ChecksPort, SetupSpec, WorkingCopy } from "../../ports/checks.ts";
import { ChecksError } from "../../ports/checks.ts";
import type { WorkspacePort, WorkspaceRepo, WorkTree } from "../../ports/workspace.ts";
import { removeTree } from "../workspace/remove-tree.ts";
import { probeAvailability } from "./availability.ts";
import { CommandRunner } from "./command-runner.ts";
import { COPIES, makeCopyDirs } from "./copy-dirs.ts";
import { inspectHost, type Host } from "./host.ts";
import { SetupCache } from "./setup-cache.ts";
import { UidPool } from "./uid-pool.ts";
import { handOver, prepareSetup } from "./setup-run.ts";
import { setupMayUseNetwork, type ChecksSettings } from "./settings.ts";
import { discardCopy, LocalWorkingCopy, type CopyParts } from "./working-copy.ts";

/** The uids working copies run as when Foreman is root (Debian reserves 65000–65533; nothing uses them). */
const UID_BASE = 65_000;
const UID_COUNT = 500;
const SETUP_CACHE = "setup";

interface Ready {
  host: Host;
  runner: CommandRunner;
  availability: ChecksAvailability;
}

function asChecksError(error: unknown, kind: "workspace" | "io"): ChecksError {
  if (error instanceof ChecksError) return error;
  return new ChecksError(kind, error instanceof Error ? error.message : String(error), { cause: error });
}

/** The checks port on this host: working copies as git work trees, commands in bubblewrap (or, by the operator's choice, without it). */
export class HostChecks implements ChecksPort {
  private readonly settings: ChecksSettings;
  private readonly workspace: WorkspacePort;
  private readonly log: Logger | null;
  private readonly environment: NodeJS.ProcessEnv;
  private readonly uids = new UidPool(UID_BASE, UID_COUNT);
  private readonly cache: SetupCache;
  private ready: Ready | null = null;

  constructor(options: { settings: ChecksSettings; workspace: WorkspacePort; log?: Logger; environment?: NodeJS.ProcessEnv }) {
    this.settings = options.settings;
    this.workspace = options.workspace;
    this.log = options.log ?? null;
    this.environment = options.environment ?? process.env;
    this.cache = new SetupCache(join(options.settings.dir, SETUP_CACHE));
  }

  /**
   * Inspects the host, deletes working copies a crash left behind and probes the sandbox, once.
   * Until it has run, nothing is available; when it fails, checks stay unavailable and say why.
   */
  async init(): Promise<ChecksAvailability> {
    const host = await inspectHost(this.settings.toolchains);
    const runner = new CommandRunner(this.settings, host, this.environment);
    const runAs = host.root ? this.uids.take() : null;
    try {
      this.ready = { host, runner, availability: await this.probe(host, runner, runAs) };
    } finally {
      if (runAs !== null) this.uids.give(runAs);
    }
    return this.ready.availability;
  }

  private async probe(host: Host, runner: CommandRunner, runAs: number | null): Promise<ChecksAvailability> {
    try {
      await removeTree(join(this.settings.dir, COPIES));
      if (this.settings.mode !== "off") await mkdir(this.settings.dir, { recursive: true, mode: 0o700 });
      return await probeAvailability(this.settings, host, runner, runAs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { available: false, reason: `local checks could not start on Foreman's host (${message}); local checks are off` };
    }
  }

  availability(): ChecksAvailability {
    return this.ready?.availability ?? { available: false, reason: "local checks have not been probed yet" };
  }

  async open(repo: WorkspaceRepo, token: () => Promise<string>, sha: string, setup: SetupSpec | null): Promise<WorkingCopy> {
    const availability = this.availability();
    if (!availability.available || this.ready === null)
      throw new ChecksError("unavailable", availability.available ? "not ready" : availability.reason);
    const { runner, host } = this.ready;
    const runAs = host.root ? this.uids.take() : null;
    if (host.root && runAs === null) throw new ChecksError("unavailable", `${UID_COUNT} working copies are open already`);
    const release = (): void => {
      if (runAs !== null) this.uids.give(runAs);
    };
    const copy = await makeCopyDirs(
      this.settings.dir,
      runAs ?? process.getuid?.() ?? 0,
      this.settings.mode === "unsandboxed" && runAs !== null,
    ).catch((error: unknown) => {
      release();
      throw asChecksError(error, "io");
    });
    let tree: WorkTree;
    try {
      tree = await (await this.workspace.forRepo(repo, token)).checkout(sha, copy.dirs.work);
    } catch (error) {
      await removeTree(copy.root).catch(() => undefined);
      release();
      throw asChecksError(error, "workspace");
    }
    const parts: CopyParts = { sha, root: copy.root, dirs: copy.dirs, tree, runAs, runner, release };
    try {
      return new LocalWorkingCopy(parts, await this.prepare(parts, repo, token, setup));
    } catch (error) {
      await discardCopy(parts);
      throw asChecksError(error, "io");
    }
  }

  private async prepare(
    parts: CopyParts,
    repo: WorkspaceRepo,
    token: () => Promise<string>,
    setup: SetupSpec | null,
  ): Promise<WorkingCopy["setup"]> {
    if (setup === null) {
      await handOver(parts.dirs, parts.runAs);
      return null;
    }
    const tracked = async (): Promise<readonly string[]> => (await (await this.workspace.forRepo(repo, token)).at(parts.sha)).paths();
    const context = {
      cache: this.cache,
      runner: parts.runner,
      repo,
      dirs: parts.dirs,
      runAs: parts.runAs,
      network: setupMayUseNetwork(this.settings.setupNetwork, repo.installationId),
      host: [process.version, ...this.settings.toolchains],
      tracked,
      log: this.log,
    };
    const run = await prepareSetup(context, setup);
    this.log?.info(
      { repository: `${repo.owner}/${repo.repo}`, cached: run.cached, end: run.end, exitCode: run.exitCode },
      "setup prepared a working copy",
    );
    return run;
  }
}
