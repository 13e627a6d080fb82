import { z } from "zod";
import type { FileChange } from "../ports/github.ts";
import type { ModelPort } from "../ports/model.ts";
import type { Task } from "../plan/index.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { applyEdits, Edit, type EditPolicy } from "./apply-edits.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatGuidance, formatTree, repositoryOverview } from "./repo-context.ts";
import { askStructured, type AskedResult } from "./structured.ts";
import { withToolsPrompt, type AgentTools } from "./tools/agent-tools.ts";
import { EditSession } from "./tools/edit-session.ts";
import { askWithTools } from "./tools/loop.ts";
import { readTools } from "./tools/read-tools.ts";
import { writeTools } from "./tools/write-tools.ts";
import { editGate, runTool } from "./tools/run-tool.ts";
import type { LocalCheckResult } from "./tools/local-checks.ts";

export const CoderAnswer = z.object({ summary: z.string(), edits: z.array(Edit) }).strict();
export type CoderAnswer = z.infer<typeof CoderAnswer>;

export interface CoderInput {
  model: string;
  repository: string;
  task: Task;
  brief: string;
  tree: string[];
  files: Record<string, string | null>;
  policy: EditPolicy;
  /** The repository's guidance files (`GUIDANCE_FILES`) that exist. */
  guidance?: Record<string, string | null>;
  /** Tools on the revision the task starts from (its files as `files` shows them); edits then go through tools too. */
  tools?: AgentTools | undefined;
}

/**
 * The coder's checked work: its summary, the file changes, every edit they came from, in order, and
 * how the repository's checks ended on those changes (empty when local checks are off).
 */
export type CoderWork = { summary: string; changes: FileChange[]; edits: Edit[]; checks: LocalCheckResult[] };

export function formatTask(task: Task): string {
  const files = task.files.map((file) => `- ${file.action} \`${file.path}\``).join("\n");
  const criteria = task.acceptanceCriteria.map((criterion) => `- ${criterion}`).join("\n");
  return `### ${task.id}: ${task.title}\n\n${task.description}\n\nFiles:\n${files}\n\nAcceptance criteria:\n${criteria}`;
}

async function prompts(input: CoderInput): Promise<{ system: string; user: string }> {
  const coder = renderTemplate(await loadPrompt("coder"), { taskFiles: input.task.files.map((file) => `\`${file.path}\``).join(", ") });
  const user = renderTemplate(await loadPrompt("coder-user"), {
    repository: input.repository,
    guidance: formatGuidance(input.guidance ?? {}),
    task: fenceUntrusted("task", sanitizeUntrusted(formatTask(input.task))),
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    tree: input.tools ? repositoryOverview(input.tree).text : formatTree(input.tree),
    files: formatFiles(input.files),
  });
  return { system: await withToolsPrompt(coder, "coder", input.tools, true), user };
}

function refusedWork(problems: string[], usage: AskedResult<CoderWork>["usage"]): AskedResult<CoderWork> {
  return { ok: false, problems, rounds: [{ kind: "refused", problems }], usage };
}

/** The coder with tools: it reads what it needs, edits through tools (each edit checked at once), then answers. */
async function codeWithTools(model: ModelPort, input: CoderInput, tools: AgentTools): Promise<AskedResult<CoderWork>> {
  const { system, user } = await prompts(input);
  const session = new EditSession(tools.revision, input.policy);
  const check = async (answer: CoderAnswer): Promise<string[]> => {
    const outcome = await session.check(answer.edits);
    return outcome.ok ? [] : outcome.problems;
  };
  const { checks } = tools;
  const absorbed = new WeakSet<object>();
  const result = await askWithTools(model, {
    role: "coder",
    model: input.model,
    system,
    user,
    schema: CoderAnswer,
    check,
    ...(checks ? { verify: editGate(checks, session, absorbed) } : {}),
    tools: [
      ...readTools({ revision: session.overlay, seen: new Set() }),
      ...writeTools(session),
      ...(checks ? [runTool(checks, session)] : []),
    ],
    limits: tools.limits,
  });
  if (!result.ok) return result;
  const more = absorbed.has(result.value) ? [] : result.value.edits;
  const outcome = await session.check(more);
  if (!outcome.ok) return refusedWork(outcome.problems, result.usage);
  const edits = [...session.edits, ...more];
  const ran = checks ? checks.resultsOn(outcome.changes) : [];
  return {
    ok: true,
    value: { summary: redactText(result.value.summary), changes: outcome.changes, edits, checks: ran },
    usage: result.usage,
  };
}

/**
 * Asks the coder for edits and checks them; the checked edits come back as file changes. When no
 * answer could be used, `rounds` says what was wrong with each, for the maintainer.
 */
export async function runCoder(model: ModelPort, input: CoderInput): Promise<AskedResult<CoderWork>> {
  if (input.tools) return codeWithTools(model, input, input.tools);
  const { system, user } = await prompts(input);
  const check = (answer: CoderAnswer): string[] => {
    const outcome = applyEdits(answer.edits, input.files, input.policy);
    return outcome.ok ? [] : outcome.problems;
  };
  const result = await askStructured(model, { role: "coder", model: input.model, system, user, schema: CoderAnswer, check });
  if (!result.ok) return result;
  const outcome = applyEdits(result.value.edits, input.files, input.policy);
  if (!outcome.ok) return refusedWork(outcome.problems, result.usage);
  return {
    ok: true,
    value: { summary: redactText(result.value.summary), changes: outcome.changes, edits: result.value.edits, checks: [] },
    usage: result.usage,
  };
}
