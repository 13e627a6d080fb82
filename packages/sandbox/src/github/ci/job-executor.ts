import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Annotation, CiCommand, Repository } from "../state/types.ts";
import { annotationsFromLog, MAX_ANNOTATIONS } from "./annotations.ts";
import { runCommand, type CommandOutcome } from "./command.ts";
import { JobLog } from "./job-log.ts";

export interface JobSpec {
  repo: Repository;
  sha: string;
  command: CiCommand;
  /** The `GITHUB_*` and `SANDBOX_*` variables of this job; `PATH`, `HOME` and `CI` are added. */
  variables: Record<string, string>;
  now: () => Date;
}

export interface JobOutcome {
  conclusion: "success" | "failure" | "timed_out";
  log: string;
  annotations: Annotation[];
  output: { title: string; summary: string; text: string };
}

const TEXT_TAIL_LINES = 200;
const MAX_TEXT_CHARS = 60_000;

/** The last lines of the command's output, as the check run's `output.text`. */
function tail(lines: readonly string[]): string {
  let text = lines.slice(-TEXT_TAIL_LINES).join("\n");
  if (text.length > MAX_TEXT_CHARS) text = text.slice(-MAX_TEXT_CHARS);
  return `\`\`\`\n${text}\n\`\`\``;
}

function closingError(command: CiCommand, outcome: CommandOutcome): string {
  if (outcome.timedOut) return `The job has exceeded the maximum execution time of ${command.timeoutSeconds} seconds.`;
  if (outcome.exitCode === null) return `Process was terminated by signal ${outcome.signal ?? "unknown"}.`;
  return `Process completed with exit code ${outcome.exitCode}.`;
}

function conclusionOf(outcome: CommandOutcome): JobOutcome["conclusion"] {
  if (outcome.timedOut) return "timed_out";
  return outcome.exitCode === 0 ? "success" : "failure";
}

function summarize(
  command: CiCommand,
  conclusion: JobOutcome["conclusion"],
  closing: string,
  annotations: number,
): { title: string; summary: string } {
  if (conclusion === "success") return { title: `${command.name} passed`, summary: closing };
  const title = conclusion === "timed_out" ? `${command.name} timed out` : `${command.name} failed`;
  const noun = annotations === 1 ? "annotation" : "annotations";
  return { title, summary: `${closing} ${annotations} ${noun}.` };
}

async function runInCheckout(spec: JobSpec, log: JobLog, output: string[]): Promise<{ outcome: CommandOutcome; found: Annotation[] }> {
  const home = await mkdtemp(join(tmpdir(), "sandbox-ci-home-"));
  const checkout = await spec.repo.git.createTempCheckout(spec.sha).catch(async (error: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw error;
  });
  try {
    const env = {
      PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
      HOME: home,
      CI: "true",
      ...spec.variables,
      GITHUB_WORKSPACE: checkout.dir,
    };
    log.group(`Run ${spec.command.run}`, [spec.command.run, "shell: /bin/sh -c {0}"]);
    const outcome = await runCommand(
      { command: spec.command.run, cwd: checkout.dir, env, timeoutMs: spec.command.timeoutSeconds * 1000 },
      (line) => {
        output.push(line);
        log.write(line);
      },
    );
    const failed = conclusionOf(outcome) !== "success";
    const exists = (path: string): boolean => existsSync(join(checkout.dir, path));
    const found = failed ? annotationsFromLog(output, checkout.dir, exists, MAX_ANNOTATIONS - 1) : [];
    return { outcome, found };
  } finally {
    await Promise.all([checkout.dispose(), rm(home, { recursive: true, force: true })]);
  }
}

/**
 * Runs one CI command on a fresh checkout of the commit, with a minimal environment (no
 * inherited variables), a timeout that kills the whole process group, and a GitHub-style log.
 * A failure is annotated at the file locations its output names, plus GitHub's closing error.
 */
export async function executeJob(spec: JobSpec): Promise<JobOutcome> {
  const log = new JobLog(spec.now);
  const output: string[] = [];
  log.group("Set up job", ["Runner name: 'sandbox-runner'", `Checking out ${spec.sha}`]);
  let outcome: CommandOutcome;
  let found: Annotation[] = [];
  try {
    ({ outcome, found } = await runInCheckout(spec, log, output));
  } catch (error) {
    log.write(`##[error]${error instanceof Error ? error.message : String(error)}`);
    outcome = { exitCode: 1, signal: null, timedOut: false };
  }
  const conclusion = conclusionOf(outcome);
  const closing = closingError(spec.command, outcome);
  if (conclusion !== "success") log.write(`##[error]${closing}`);
  log.write("Cleaning up orphan processes");
  const annotations: Annotation[] =
    conclusion === "success"
      ? []
      : [...found, { path: ".github", startLine: 1, endLine: 1, level: "failure", message: closing, title: null }];
  return {
    conclusion,
    log: log.text(),
    annotations,
    output: { ...summarize(spec.command, conclusion, closing, annotations.length), text: tail(output) },
  };
}
