import { inlineCode, labelled, listItem } from "./markdown.ts";
import { joinMarkdown, markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** One of the reviewer's findings, as the model gave it. */
export interface ReviewFinding {
  file: string;
  line: number;
  severity: "blocking" | "suggestion" | "nit";
  message: string;
}

const SEVERITY_LABEL: Record<ReviewFinding["severity"], SafeMarkdown> = {
  blocking: markdown`Blocking`,
  suggestion: markdown`Suggestion`,
  nit: markdown`Nit`,
};

/** A finding as an inline comment on its line. */
export function renderFindingComment(finding: ReviewFinding): SafeMarkdown {
  return labelled(markdown`**${SEVERITY_LABEL[finding.severity]}**:`, finding.message);
}

function findingElsewhere(finding: ReviewFinding): SafeMarkdown {
  const message = finding.message.trim();
  const separator = message.includes("\n") ? "\n\n" : " ";
  return listItem("-", `${inlineCode(`${finding.file}:${finding.line}`)} **${SEVERITY_LABEL[finding.severity]}**:${separator}${message}`);
}

/** The reviewer's summary (when given) and the findings that could not be placed inline. */
export function renderReviewBody(summary: string, elsewhere: readonly ReviewFinding[]): SafeMarkdown {
  const parts = [neutralizeMarkdown(summary.trim())];
  if (elsewhere.length > 0) parts.push(markdown`Findings outside the diff:\n\n${joinMarkdown(elsewhere.map(findingElsewhere), "\n")}`);
  return joinMarkdown(
    parts.filter((part) => part !== ""),
    "\n\n",
  );
}

/** The review Foreman posts (always a COMMENT): its verdict in words, then the body. */
export function renderReview(verdict: "approve" | "request_changes", body: SafeMarkdown): SafeMarkdown {
  const heading =
    verdict === "approve"
      ? markdown`Foreman's reviewer found nothing blocking.`
      : markdown`Foreman's reviewer requests changes; the coder will answer them.`;
  return body === "" ? heading : markdown`${heading}\n\n${body}`;
}
