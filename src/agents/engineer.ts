import { z } from "zod";
import type { ModelPort } from "../ports/model.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatTree } from "./repo-context.ts";
import { askStructured, type StructuredResult } from "./structured.ts";

export const EngineerAnswer = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("proceed"), brief: z.string().min(1) }).strict(),
  z.object({ decision: z.literal("ask"), questions: z.array(z.string().min(1)).min(1).max(5) }).strict(),
]);
export type EngineerAnswer = z.infer<typeof EngineerAnswer>;

export interface EngineerInput {
  model: string;
  repository: string;
  defaultBranch: string;
  issueTitle: string;
  issueBody: string;
  maxIssueChars: number;
  answers: string[];
  tree: string[];
  files: Record<string, string | null>;
}

export function formatIssue(title: string, body: string, maxChars: number): string {
  return fenceUntrusted("issue", sanitizeUntrusted(`# ${title}\n\n${body}`, maxChars));
}

/** The engineer's text is posted (questions) and kept (brief): secrets in it are redacted. */
function redactAnswer(answer: EngineerAnswer): EngineerAnswer {
  return answer.decision === "proceed"
    ? { ...answer, brief: redactText(answer.brief) }
    : { ...answer, questions: answer.questions.map(redactText) };
}

export async function runEngineer(model: ModelPort, input: EngineerInput): Promise<StructuredResult<EngineerAnswer>> {
  const user = renderTemplate(await loadPrompt("engineer-user"), {
    repository: input.repository,
    defaultBranch: input.defaultBranch,
    issue: formatIssue(input.issueTitle, input.issueBody, input.maxIssueChars),
    answers: input.answers.length > 0 ? fenceUntrusted("answers", sanitizeUntrusted(input.answers.join("\n\n"))) : "(none)",
    tree: formatTree(input.tree),
    files: formatFiles(input.files),
  });
  const result = await askStructured(model, {
    role: "engineer",
    model: input.model,
    system: await loadPrompt("engineer"),
    user,
    schema: EngineerAnswer,
  });
  return result.ok ? { ...result, value: redactAnswer(result.value) } : result;
}
