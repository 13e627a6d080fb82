import { z } from "zod";
import type { FileChange } from "../ports/github.ts";
import type { ModelPort } from "../ports/model.ts";
import type { Task } from "../plan/index.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { applyEdits, Edit, type EditPolicy } from "./apply-edits.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatTree } from "./repo-context.ts";
import { askStructured, type AskedResult } from "./structured.ts";

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
}

export function formatTask(task: Task): string {
  const files = task.files.map((file) => `- ${file.action} \`${file.path}\``).join("\n");
  const criteria = task.acceptanceCriteria.map((criterion) => `- ${criterion}`).join("\n");
  return `### ${task.id}: ${task.title}\n\n${task.description}\n\nFiles:\n${files}\n\nAcceptance criteria:\n${criteria}`;
}

/**
 * Asks the coder for edits and checks them; the checked edits come back as file changes. When no
 * answer could be used, `rounds` says what was wrong with each, for the maintainer.
 */
export async function runCoder(
  model: ModelPort,
  input: CoderInput,
): Promise<AskedResult<{ summary: string; changes: FileChange[]; edits: Edit[] }>> {
  const system = renderTemplate(await loadPrompt("coder"), { taskFiles: input.task.files.map((file) => `\`${file.path}\``).join(", ") });
  const user = renderTemplate(await loadPrompt("coder-user"), {
    repository: input.repository,
    task: fenceUntrusted("task", sanitizeUntrusted(formatTask(input.task))),
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    tree: formatTree(input.tree),
    files: formatFiles(input.files),
  });
  const check = (answer: CoderAnswer): string[] => {
    const outcome = applyEdits(answer.edits, input.files, input.policy);
    return outcome.ok ? [] : outcome.problems;
  };
  const result = await askStructured(model, { role: "coder", model: input.model, system, user, schema: CoderAnswer, check });
  if (!result.ok) return result;
  const outcome = applyEdits(result.value.edits, input.files, input.policy);
  if (!outcome.ok)
    return { ok: false, problems: outcome.problems, rounds: [{ kind: "refused", problems: outcome.problems }], usage: result.usage };
  return {
    ok: true,
    value: { summary: redactText(result.value.summary), changes: outcome.changes, edits: result.value.edits },
    usage: result.usage,
  };
}
