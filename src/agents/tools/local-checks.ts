import { createHash } from "node:crypto";
import type { ChecksConfig } from "../../config/checks-config.ts";
import { allowedWords } from "../../policy/command-line.ts";
import { fenceUntrusted, sanitizeSource } from "../../policy/sanitize.ts";
import type { CheckCommand, CommandRun, WorkingCopy } from "../../ports/checks.ts";
import type { FileChange } from "../../ports/github.ts";
import { trimLog } from "../../qa/trim-log.ts";
import { codeSpan } from "../../render/code-span.ts";

/** Characters of a run's output an agent is shown (trimmed around its errors, redacted). */
const OUTPUT_CHARS = 6_000;

/** How one run of a check ended, as recorded and shown on the pull request. */
type LocalCheckOutcome = "passed" | "failed" | "timed_out" | "error" | "not_run";

export interface LocalCheckResult {
  /** The check's name, or the command line an agent ran. */
  name: string;
  outcome: LocalCheckOutcome;
  exitCode: number | null;
  durationMs: number;
}

/** One run: its result, and its output as an agent is shown it. */
export interface LocalRun extends LocalCheckResult {
  /** The output trimmed around its errors, redacted and fenced as untrusted. */
  shown: string;
}

function outcomeOf(run: CommandRun): LocalCheckOutcome {
  if (run.end === "timed_out") return "timed_out";
  if (run.end === "exited") return run.exitCode === 0 ? "passed" : "failed";
  return "error";
}

const ENDED: Record<LocalCheckOutcome, string> = {
  passed: "passed",
  failed: "failed",
  timed_out: "ran out of time and was stopped",
  error: "could not run",
  not_run: "was not run on the final edits",
};

/** One line on how a run ended: `` `test` failed (exit code 1, 0.8 s) ``. */
export function describeRun(result: LocalCheckResult): string {
  if (result.outcome === "not_run") return `${codeSpan(result.name)} ${ENDED.not_run}`;
  const code = result.exitCode === null ? "" : `exit code ${result.exitCode}, `;
  return `${codeSpan(result.name)} ${ENDED[result.outcome]} (${code}${(result.durationMs / 1000).toFixed(1)} s)`;
}

function shownOutput(name: string, run: CommandRun): string {
  const text = trimLog(sanitizeSource(run.output), OUTPUT_CHARS);
  const cut = run.truncated ? "\n(the output was longer; only its beginning and end were kept)" : "";
  return text.trim() === "" ? "(no output)" : `${fenceUntrusted(`check:${name}`, text)}${cut}`;
}

/**
 * The repository's declared checks on one agent's working copy: the agent's changes are written
 * into it before each run, runs are counted against the agent's budget, and each check's last
 * result is kept with the state of the files it ran on.
 */
export class LocalChecks {
  private readonly copy: WorkingCopy;
  private readonly config: ChecksConfig;
  private readonly maxRuns: number;
  private used = 0;
  private readonly written = new Map<string, string | null>();
  private readonly last = new Map<string, { result: LocalCheckResult; state: string }>();
  private readonly onRun: (result: LocalCheckResult) => void;

  /** `onRun` hears of every run as it ends (for the log). */
  constructor(copy: WorkingCopy, config: ChecksConfig, maxRuns: number, onRun: (result: LocalCheckResult) => void = () => undefined) {
    this.copy = copy;
    this.config = config;
    this.maxRuns = maxRuns;
    this.onRun = onRun;
  }

  /** The declared checks' names. */
  get names(): string[] {
    return Object.keys(this.config.commands);
  }

  get runsLeft(): number {
    return Math.max(0, this.maxRuns - this.used);
  }

  /** The setup command's outcome when it did not pass (the checks then cannot be trusted to say much). */
  get setupProblem(): string | null {
    const setup = this.copy.setup;
    if (setup === null || outcomeOf(setup) === "passed") return null;
    return `The setup command ${describeRun({ ...this.resultOf("setup", setup) })}:\n${shownOutput("setup", setup)}`;
  }

  /** Each declared check's result on these very files (`not_run` when its last run saw other files, or none). */
  resultsOn(changes: readonly FileChange[]): LocalCheckResult[] {
    const state = stateOf(changes);
    return this.names.map((name) => {
      const found = this.last.get(name);
      return found?.state === state ? found.result : { name, outcome: "not_run", exitCode: null, durationMs: 0 };
    });
  }

  /** Runs a declared check, or an allowed command line, on `changes`; null when the budget is spent. */
  async run(which: { check: string } | { line: string }, changes: readonly FileChange[]): Promise<LocalRun | null> {
    if (this.runsLeft === 0) return null;
    const { name, command, timeoutMs } = this.commandFor(which);
    this.used += 1;
    await this.sync(changes);
    const run = await this.copy.run(command, timeoutMs);
    const result = this.resultOf(name, run);
    this.onRun(result);
    if ("check" in which) this.last.set(name, { result, state: stateOf(changes) });
    return { ...result, shown: shownOutput(name, run) };
  }

  /**
   * Runs every declared check that has not passed on these very files, while the budget lasts:
   * the runs made now, and whether every check has passed on `changes`.
   */
  async runAll(changes: readonly FileChange[]): Promise<{ runs: LocalRun[]; allPassed: boolean; exhausted: boolean }> {
    const state = stateOf(changes);
    const runs: LocalRun[] = [];
    for (const name of this.names) {
      const known = this.last.get(name);
      if (known && known.state === state && known.result.outcome === "passed") continue;
      const run = await this.run({ check: name }, changes);
      if (run === null) return { runs, allPassed: false, exhausted: true };
      runs.push(run);
    }
    const allPassed = this.names.every((name) => {
      const known = this.last.get(name);
      return known?.state === state && known.result.outcome === "passed";
    });
    return { runs, allPassed, exhausted: !allPassed && this.runsLeft === 0 };
  }

  private commandFor(which: { check: string } | { line: string }): { name: string; command: CheckCommand; timeoutMs: number } {
    if ("check" in which) {
      const declared = this.config.commands[which.check];
      if (!declared) throw new UnknownCheckError(which.check, this.names);
      return { name: which.check, command: { kind: "shell", line: declared.run }, timeoutMs: declared.timeoutSeconds * 1000 };
    }
    const argv = allowedWords(which.line, this.config.allow);
    const longest = Math.max(60, ...Object.values(this.config.commands).map((command) => command.timeoutSeconds));
    return { name: which.line, command: { kind: "argv", argv }, timeoutMs: longest * 1000 };
  }

  private resultOf(name: string, run: CommandRun): LocalCheckResult {
    return { name, outcome: outcomeOf(run), exitCode: run.end === "exited" ? run.exitCode : null, durationMs: run.durationMs };
  }

  /** Writes the files that differ from what the working copy last received. */
  private async sync(changes: readonly FileChange[]): Promise<void> {
    const fresh = changes.filter((change) => !this.written.has(change.path) || this.written.get(change.path) !== change.content);
    if (fresh.length === 0) return;
    await this.copy.write(fresh);
    for (const change of fresh) this.written.set(change.path, change.content);
  }
}

/** An agent named a check the repository does not declare. */
export class UnknownCheckError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(`there is no check ${JSON.stringify(name.slice(0, 64))}; the repository declares: ${known.join(", ") || "none"}`);
    this.name = "UnknownCheckError";
  }
}

/** A fingerprint of the files a run saw. */
function stateOf(changes: readonly FileChange[]): string {
  const hash = createHash("sha256");
  for (const change of [...changes].sort((a, b) => (a.path < b.path ? -1 : 1)))
    hash.update(`${change.path}\0${change.content ?? "\0deleted"}\0`);
  return hash.digest("hex");
}
