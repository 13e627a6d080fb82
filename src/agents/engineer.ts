import { z } from "zod";
import type { ModelPort } from "../ports/model.ts";
import { fenceUntrusted, redactText, sanitizeUntrusted } from "../policy/sanitize.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatGuidance, formatTree, repositoryOverview } from "./repo-context.ts";
import type { StructuredResult } from "./structured.ts";
import { withToolsPrompt, type AgentTools } from "./tools/agent-tools.ts";
import { askReading } from "./tools/ask-reading.ts";

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
  /** The repository's guidance files (`GUIDANCE_FILES`) that exist. */
  guidance?: Record<string, string | null>;
  /** Tools on the repository at the default branch's head; without them, the engineer sees only the tree and the files given. */
  tools?: AgentTools | undefined;
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
    guidance: formatGuidance(input.guidance ?? {}),
    issue: formatIssue(input.issueTitle, input.issueBody, input.maxIssueChars),
    answers: input.answers.length > 0 ? fenceUntrusted("answers", sanitizeUntrusted(input.answers.join("\n\n"))) : "(none)",
    tree: input.tools ? repositoryOverview(input.tree).text : formatTree(input.tree),
    files: formatFiles(input.files),
  });
  const request = {
    role: "engineer" as const,
    model: input.model,
    system: await withToolsPrompt(await loadPrompt("engineer"), "engineer", input.tools),
    user,
    schema: EngineerAnswer,
  };
  const result = await askReading(model, request, input.tools);
  return result.ok ? { ...result, value: redactAnswer(result.value) } : result;
}
