import { z } from "zod";
import type { Task } from "../plan/index.ts";
import type { FileChange } from "../ports/github.ts";
import type { ModelPort } from "../ports/model.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { applyEdits, Edit, type EditPolicy } from "./apply-edits.ts";
import { formatTask } from "./coder.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatGuidance } from "./repo-context.ts";
import { askStructured, type StructuredResult } from "./structured.ts";
import { withToolsPrompt, type AgentTools } from "./tools/agent-tools.ts";
import { EditSession } from "./tools/edit-session.ts";
import { askWithTools } from "./tools/loop.ts";
import { readTools } from "./tools/read-tools.ts";
import { writeTools } from "./tools/write-tools.ts";
import { describeRun, type LocalCheckResult, type LocalChecks } from "./tools/local-checks.ts";
import { editGate, runTool } from "./tools/run-tool.ts";

const DebuggerClassification = z.enum([
  "implementation_bug",
  "test_bug",
  "missing_dependency",
  "spec_mismatch",
  "flaky",
  "timeout",
  "infrastructure",
]);
type DebuggerClassification = z.infer<typeof DebuggerClassification>;

/** Classes whose answer is a decision (re-run, re-plan), never a commit. */
const NO_EDIT_CLASSES: ReadonlySet<DebuggerClassification> = new Set(["flaky", "infrastructure", "spec_mismatch"]);

const MAX_DIAGNOSIS_CHARS = 2_000;
/** The evidence is formatted to a budget by the caller; this only stops a runaway string. */
const MAX_EVIDENCE_CHARS = 60_000;

export const DebuggerVerdict = z
  .object({
    classification: DebuggerClassification,
    diagnosis: z.string().trim().min(1).max(MAX_DIAGNOSIS_CHARS),
    edits: z.array(Edit),
  })
  .strict();
export type DebuggerVerdict = z.infer<typeof DebuggerVerdict>;

export interface DebuggerInput {
  model: string;
  repository: string;
  task: Task;
  brief: string;
  /** `formatEvidence(...).text`: redacted and trimmed already. */
  evidence: string;
  previousAttempts: Array<{ classification: string; diagnosis: string }>;
  /** The task's files at the pull request's head; null for a file that does not exist. */
  files: Record<string, string | null>;
  policy: EditPolicy;
  /** The repository's guidance files (`GUIDANCE_FILES`) that exist. */
  guidance?: Record<string, string | null>;
  /** Tools on the pull request's head; edits then go through tools too. */
  tools?: AgentTools | undefined;
}

/** The verdict, its file changes, and how the repository's checks ended on them (empty when local checks are off). */
type DebugResult = StructuredResult<{ verdict: DebuggerVerdict; changes: FileChange[]; checks: LocalCheckResult[] }>;

function formatAttempts(attempts: DebuggerInput["previousAttempts"]): string {
  if (attempts.length === 0) return "(none: this is the first attempt)";
  const lines = attempts.map(
    (attempt, index) => `${index + 1}. ${attempt.classification}${attempt.diagnosis ? `: ${attempt.diagnosis}` : ""}`,
  );
  return fenceUntrusted("previous-attempts", sanitizeUntrusted(lines.join("\n")));
}

/** Semantic rules on a schema-valid verdict: no edits for decisions, and edits that apply. */
function checkVerdict(verdict: DebuggerVerdict, files: Record<string, string | null>, policy: EditPolicy): string[] {
  if (NO_EDIT_CLASSES.has(verdict.classification)) {
    return verdict.edits.length > 0 ? [`a \`${verdict.classification}\` verdict has no edits; answer with "edits": []`] : [];
  }
  if (verdict.edits.length === 0) return [];
  const outcome = applyEdits(verdict.edits, files, policy);
  return outcome.ok ? [] : outcome.problems;
}

/**
 * The checks run on the pull request's head as CI saw it, before the debugger is asked: whether
 * the failure shows locally, and its output. Empty when local checks are off.
 */
async function reproduce(checks: LocalChecks | undefined): Promise<string> {
  if (!checks) return "";
  const setup = checks.setupProblem;
  const { runs } = await checks.runAll([]);
  if (runs.length === 0) return "";
  const lines = runs.map((run) => `${describeRun(run)}:\n${run.shown}`).join("\n\n");
  const failed = runs.some((run) => run.outcome !== "passed");
  const verdict = failed
    ? "The failure shows locally: fix it, and run the checks to confirm before you answer."
    : "The checks pass locally: the CI failure may depend on CI's environment (flaky, infrastructure), or on a check that only CI runs.";
  return `\n## The repository's checks run locally on this commit, before your fix\n${setup === null ? "" : `${setup}\n\n`}${lines}\n\n${verdict}\n`;
}

async function prompts(input: DebuggerInput): Promise<{ system: string; user: string }> {
  const debuggerPrompt = renderTemplate(await loadPrompt("debugger"), {
    taskFiles: input.task.files.map((file) => `\`${file.path}\``).join(", "),
  });
  const system = await withToolsPrompt(debuggerPrompt, "debugger", input.tools, true);
  const user = renderTemplate(await loadPrompt("debugger-user"), {
    repository: input.repository,
    guidance: formatGuidance(input.guidance ?? {}),
    task: fenceUntrusted("task", sanitizeUntrusted(formatTask(input.task))),
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    previousAttempts: formatAttempts(input.previousAttempts),
    evidence: fenceUntrusted("ci-evidence", sanitizeUntrusted(input.evidence, MAX_EVIDENCE_CHARS)),
    reproduction: await reproduce(input.tools?.checks),
    files: formatFiles(input.files),
  });
  return { system, user };
}

/**
 * The debugger with tools: it reads what the evidence names, edits through tools, then gives its
 * verdict. A decision (flaky, infrastructure, spec mismatch) commits nothing, whatever it edited;
 * otherwise the verdict's edits are every edit it made, in order.
 */
async function debugWithTools(model: ModelPort, input: DebuggerInput, tools: AgentTools): Promise<DebugResult> {
  const { system, user } = await prompts(input);
  const session = new EditSession(tools.revision, input.policy);
  const check = async (verdict: DebuggerVerdict): Promise<string[]> => {
    if (NO_EDIT_CLASSES.has(verdict.classification)) return checkVerdict(verdict, input.files, input.policy);
    const outcome = await session.check(verdict.edits);
    return outcome.ok || (session.edits.length === 0 && verdict.edits.length === 0) ? [] : outcome.problems;
  };
  const { checks } = tools;
  const absorbed = new WeakSet<object>();
  const gate = checks ? editGate(checks, session, absorbed) : null;
  // A fix is confirmed locally before it is pushed; a decision (re-run, re-plan) or no fix at all is not.
  const verify = async (verdict: DebuggerVerdict): Promise<string | null> =>
    gate === null || NO_EDIT_CLASSES.has(verdict.classification) || (session.edits.length === 0 && verdict.edits.length === 0)
      ? null
      : gate(verdict);
  const result = await askWithTools(model, {
    role: "debugger",
    model: input.model,
    system,
    user,
    schema: DebuggerVerdict,
    check,
    verify,
    tools: [
      ...readTools({ revision: session.overlay, seen: new Set() }),
      ...writeTools(session),
      ...(checks ? [runTool(checks, session)] : []),
    ],
    limits: tools.limits,
  });
  if (!result.ok) return result;
  const diagnosis = redactText(result.value.diagnosis);
  const more = absorbed.has(result.value) ? [] : result.value.edits;
  const edits = NO_EDIT_CLASSES.has(result.value.classification) ? [] : [...session.edits, ...more];
  const verdict = { ...result.value, diagnosis, edits };
  if (edits.length === 0) return { ok: true, value: { verdict, changes: [], checks: [] }, usage: result.usage };
  const outcome = await session.check(more);
  if (!outcome.ok) return { ok: false, problems: outcome.problems, usage: result.usage };
  const ran = checks ? checks.resultsOn(outcome.changes) : [];
  return { ok: true, value: { verdict, changes: outcome.changes, checks: ran }, usage: result.usage };
}

/**
 * Asks the debugger to classify a CI failure and, for a code fault, to fix it. The checked edits
 * come back as file changes on `files`; a decision (flaky, infrastructure, spec mismatch) or a
 * code fault it could not fix comes back with no changes.
 */
export async function runDebugger(model: ModelPort, input: DebuggerInput): Promise<DebugResult> {
  if (input.tools) return debugWithTools(model, input, input.tools);
  const { system, user } = await prompts(input);
  const check = (verdict: DebuggerVerdict): string[] => checkVerdict(verdict, input.files, input.policy);
  const result = await askStructured(model, { role: "debugger", model: input.model, system, user, schema: DebuggerVerdict, check });
  if (!result.ok) return result;
  // The diagnosis is posted (check runs, comments, commit messages): secrets in it are redacted.
  const verdict = { ...result.value, diagnosis: redactText(result.value.diagnosis) };
  if (verdict.edits.length === 0) return { ok: true, value: { verdict, changes: [], checks: [] }, usage: result.usage };
  const outcome = applyEdits(verdict.edits, input.files, input.policy);
  if (!outcome.ok) return { ok: false, problems: outcome.problems, usage: result.usage };
  return { ok: true, value: { verdict, changes: outcome.changes, checks: [] }, usage: result.usage };
}
