import { z } from "zod";
import type { Task } from "../plan/index.ts";
import type { PullFile } from "../ports/github.ts";
import type { ModelPort } from "../ports/model.ts";
import { fenceUntrusted, redactText, sanitizeSource, sanitizeUntrusted } from "../policy/sanitize.ts";
import { formatTask } from "./coder.ts";
import { loadPrompt, renderTemplate } from "./prompts.ts";
import { formatFiles, formatGuidance } from "./repo-context.ts";
import type { StructuredResult } from "./structured.ts";
import { withToolsPrompt, type AgentTools } from "./tools/agent-tools.ts";
import { askReading } from "./tools/ask-reading.ts";

const MAX_FINDINGS = 20;

const ReviewFinding = z
  .object({
    file: z.string().min(1),
    line: z.int().min(1),
    severity: z.enum(["blocking", "suggestion", "nit"]),
    message: z.string().trim().min(1).max(2_000),
  })
  .strict();
type ReviewFinding = z.infer<typeof ReviewFinding>;

export const ReviewVerdict = z
  .object({
    verdict: z.enum(["approve", "request_changes"]),
    summary: z.string().max(4_000),
    findings: z.array(ReviewFinding).max(MAX_FINDINGS),
  })
  .strict();
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

export interface ReviewerInput {
  model: string;
  repository: string;
  task: Task;
  brief: string;
  files: PullFile[];
  /** The repository's guidance files (`GUIDANCE_FILES`) that exist. */
  guidance?: Record<string, string | null>;
  /** The changed files, whole, at the pull request's head (null: deleted). */
  changedFiles?: Record<string, string | null>;
  /** Tools on the pull request's head. */
  tools?: AgentTools | undefined;
}

/** The diff as fenced data per file, within a character budget; source stays verbatim. */
export function formatDiff(files: readonly PullFile[], budgetChars = 60_000): string {
  let used = 0;
  const parts = files.map((file) => {
    const heading = `### \`${file.filename.replace(/[\r\n`]/g, "?")}\` (${file.status})`;
    if (file.patch === null) return `${heading}\n(no diff: binary or too large)`;
    const room = budgetChars - used;
    if (room <= 200) return `${heading}\n(omitted: context budget reached)`;
    const text = sanitizeSource(file.patch, room);
    used += text.length;
    return `${heading}\n${fenceUntrusted(`diff:${file.filename}`, text)}`;
  });
  return parts.join("\n\n") || "(the pull request changes no files)";
}

/** Semantic rules: the verdict agrees with the findings' severities, and findings name files of the diff. */
function checkReview(review: ReviewVerdict, files: readonly PullFile[]): string[] {
  const problems: string[] = [];
  const blocking = review.findings.filter((finding) => finding.severity === "blocking").length;
  if (review.verdict === "request_changes" && blocking === 0)
    problems.push("`request_changes` needs at least one finding of severity `blocking`");
  if (review.verdict === "approve" && blocking > 0)
    problems.push(`\`approve\` cannot have blocking findings; there are ${blocking}: answer \`request_changes\` or lower their severity`);
  const names = new Set(files.map((file) => file.filename));
  for (const finding of review.findings) {
    if (!names.has(finding.file)) problems.push(`finding on \`${finding.file}\`: that file is not part of the pull request's diff`);
  }
  return problems;
}

/** Asks the reviewer for a JSON verdict on a green pull request's diff (and, with tools, on whatever else it reads). */
export async function runReviewer(model: ModelPort, input: ReviewerInput): Promise<StructuredResult<ReviewVerdict>> {
  const user = renderTemplate(await loadPrompt("reviewer-user"), {
    repository: input.repository,
    guidance: formatGuidance(input.guidance ?? {}),
    task: fenceUntrusted("task", sanitizeUntrusted(formatTask(input.task))),
    brief: fenceUntrusted("brief", sanitizeUntrusted(input.brief)),
    diff: formatDiff(input.files),
    changedFiles: input.changedFiles ? formatFiles(input.changedFiles) : "(not shown: the diff is all there is)",
  });
  const check = (review: ReviewVerdict): string[] => checkReview(review, input.files);
  const request = {
    role: "reviewer" as const,
    model: input.model,
    system: await withToolsPrompt(await loadPrompt("reviewer"), "reviewer", input.tools),
    user,
    schema: ReviewVerdict,
    check,
  };
  const result = await askReading(model, request, input.tools);
  if (!result.ok) return result;
  // The review is posted on the pull request: secrets in its text are redacted.
  const findings = result.value.findings.map((finding) => ({ ...finding, message: redactText(finding.message) }));
  return { ...result, value: { ...result.value, summary: redactText(result.value.summary), findings } };
}
