import { availableParallelism } from "node:os";
import type { CheckCommand, CommandRun } from "../../ports/checks.ts";
import type { Host } from "./host.ts";
import { outputLimits, processLimits } from "./limits.ts";
import { runProcess } from "./run-process.ts";
import { commandArgv, commandEnv, SANDBOX_HOME, type CommandPlan } from "./sandbox-argv.ts";
import type { ChecksSettings } from "./settings.ts";

/** A working copy's folders on the host. */
export interface CopyDirs {
  work: string;
  home: string;
  tmp: string;
  etc: string;
}

/** Runs commands for working copies, in the sandbox or (the operator's choice) without it, as the host allows. */
export class CommandRunner {
  private readonly settings: ChecksSettings;
  private readonly host: Host;
  private readonly passed: Readonly<Record<string, string>>;

  constructor(settings: ChecksSettings, host: Host, environment: NodeJS.ProcessEnv) {
    this.settings = settings;
    this.host = host;
    const passed = settings.passEnv.flatMap((name) => (environment[name] === undefined ? [] : [[name, environment[name]] as const]));
    this.passed = Object.fromEntries(passed);
  }

  /** Runs `command` in the working copy; `runAs` is its uid when Foreman is root. */
  run(options: { dirs: CopyDirs; runAs: number | null; command: CheckCommand; timeoutMs: number; network: boolean }): Promise<CommandRun> {
    if (options.command.kind === "argv" && options.command.argv.length === 0) {
      return Promise.resolve({ end: "error", exitCode: null, output: "the command is empty", truncated: false, durationMs: 0 });
    }
    return runProcess(commandArgv(this.plan(options)), { timeoutMs: options.timeoutMs, output: outputLimits(this.settings) });
  }

  private plan(options: { dirs: CopyDirs; runAs: number | null; command: CheckCommand; timeoutMs: number; network: boolean }): CommandPlan {
    const sandboxed = this.settings.mode !== "unsandboxed";
    const places = sandboxed ? { home: SANDBOX_HOME, tmp: "/tmp" } : { home: options.dirs.home, tmp: options.dirs.tmp };
    return {
      mode: sandboxed ? "sandbox" : "unsandboxed",
      tools: {
        prlimit: this.host.tools.prlimit ?? "prlimit",
        bwrap: this.host.tools.bwrap ?? "bwrap",
        setpriv: this.host.tools.setpriv ?? "setpriv",
      },
      runAs: options.runAs,
      dirs: options.dirs,
      network: options.network,
      systemRoots: this.host.systemRoots,
      readOnly: this.host.readOnly,
      env: commandEnv({ ...places, path: this.host.path, passed: this.passed }),
      limits: processLimits(this.settings, options.timeoutMs, availableParallelism()),
      command: options.command,
    };
  }
}
