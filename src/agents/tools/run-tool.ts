import { z } from "zod";
import { CommandLineError } from "../../policy/command-line.ts";
import type { FileChange } from "../../ports/github.ts";
import type { Edit } from "../apply-edits.ts";
import type { EditSession } from "./edit-session.ts";
import { describeRun, UnknownCheckError, type LocalChecks, type LocalRun } from "./local-checks.ts";
import { toolError, type ToolResult } from "./results.ts";
import { defineTool, type Tool } from "./tool.ts";

const RunArgs = z
  .object({ check: z.string().min(1).optional(), command: z.string().min(1).optional() })
  .refine((args) => (args.check === undefined) !== (args.command === undefined), "give either `check` or `command`, not both");

/** The files as the agent's edits have them now, as changes on the base. */
async function currentChanges(session: EditSession): Promise<FileChange[]> {
  const outcome = await session.check([]);
  return outcome.ok ? outcome.changes : [];
}

function left(checks: LocalChecks): string {
  return `${checks.runsLeft} run${checks.runsLeft === 1 ? "" : "s"} left`;
}

function runResult(run: LocalRun, checks: LocalChecks): ToolResult {
  return { header: `${describeRun(run)} on your edits; ${left(checks)}. Output:`, body: run.shown };
}

/** The `run` tool: a declared check, or a command line the repository allows, on the agent's edits in the sandbox. */
export function runTool(checks: LocalChecks, session: EditSession): Tool {
  const names = checks.names.map((name) => `\`${name}\``).join(", ");
  const spec = {
    name: "run",
    description:
      `Run one of the repository's checks (${names}) on your edits as they are now, in a sandbox with no network; ` +
      "or a command line the repository allows (`command`, run without a shell). Returns the exit code and the output.",
    parameters: {
      type: "object",
      properties: {
        check: { type: "string", enum: checks.names },
        command: { type: "string", description: "A command line the repository allows, instead of `check`" },
      },
      additionalProperties: false,
    },
  };
  return defineTool(spec, RunArgs, async (args) => {
    try {
      const which = args.check !== undefined ? { check: args.check } : { line: args.command ?? "" };
      const run = await checks.run(which, await currentChanges(session));
      if (run === null) return toolError("no more check runs: this job has used all of them (`agents.<role>.maxCheckRuns`)");
      return runResult(run, checks);
    } catch (error) {
      if (error instanceof CommandLineError || error instanceof UnknownCheckError) return toolError(error.message);
      throw error;
    }
  });
}

/**
 * Before an agent's work is accepted: every declared check runs on its edits (those that already
 * passed on these very files are not run again). Null when they all pass, or when no run is left
 * (the work then goes to CI as it is); else what failed, for the agent to fix.
 */
async function checkGate(checks: LocalChecks, changes: readonly FileChange[]): Promise<string | null> {
  const { runs, allPassed, exhausted } = await checks.runAll(changes);
  if (allPassed || exhausted) return null;
  const failed = runs.filter((run) => run.outcome !== "passed");
  const report = failed.map((run) => `${describeRun(run)}:\n${run.shown}`).join("\n\n");
  return (
    `${LOCAL_CHECKS_FAILED} ${failed.map((run) => describeRun(run)).join("; ")}. Nothing has been pushed. ` +
    "Your edits so far are kept (read the files to see them). Fix the failures: read the output, edit the files, run the checks again if you like, " +
    `then answer again with the JSON object, its \`edits\` holding only further edits (or none); ${left(checks)}.\n\n${report}`
  );
}

/** How the message that gives an agent its failed checks begins. */
export const LOCAL_CHECKS_FAILED = "Local checks failed on your edits:";

/**
 * The gate for an agent that edits through tools: the answer's own edits join the session's (so a
 * sent-back agent keeps them), then the checks run on the whole. `absorbed` learns each answer
 * whose edits were taken in, so they are not applied twice.
 */
export function editGate(
  checks: LocalChecks,
  session: EditSession,
  absorbed: WeakSet<object>,
): (answer: { edits: Edit[] }) => Promise<string | null> {
  return async (answer) => {
    for (const edit of answer.edits) {
      const problems = await session.apply(edit);
      if (problems.length > 0) return `Your answer's edits could not be applied: ${problems.join("; ")}. Answer again.`;
    }
    absorbed.add(answer);
    return checkGate(checks, await currentChanges(session));
  };
}
