import { renderFindingComment, renderReviewBody, type SafeMarkdown } from "../render/index.ts";

export interface Finding {
  file: string;
  line: number;
  severity: "blocking" | "suggestion" | "nit";
  message: string;
}

export interface ReviewComments {
  /** Findings on lines of the diff, as inline comments on the new version of the file. */
  comments: Array<{ path: string; line: number; body: SafeMarkdown }>;
  /** The review's body: the summary (when given) and the findings that could not be placed inline. */
  body: SafeMarkdown;
}

/** The new-file line numbers a unified diff shows: added and unchanged lines, where GitHub accepts a RIGHT-side comment. */
export function rightSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let remaining = 0;
  for (const row of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(row);
    if (hunk) {
      next = Number(hunk[1]);
      remaining = hunk[2] === undefined ? 1 : Number(hunk[2]);
      continue;
    }
    if (remaining === 0 || row.startsWith("-") || row.startsWith("\\")) continue;
    lines.add(next);
    next += 1;
    remaining -= 1;
  }
  return lines;
}

/**
 * Places the reviewer's findings: one on an added or unchanged line of its file's diff becomes an
 * inline comment there; the others are listed in the review's body. Model text is neutralised
 * (no mentions, images or hidden markers).
 */
export function reviewComments(
  findings: readonly Finding[],
  files: ReadonlyArray<{ filename: string; patch: string | null }>,
  summary = "",
): ReviewComments {
  const placeable = new Map(files.map((file) => [file.filename, rightSideLines(file.patch ?? "")]));
  const comments: ReviewComments["comments"] = [];
  const elsewhere: Finding[] = [];
  for (const finding of findings) {
    if (placeable.get(finding.file)?.has(finding.line))
      comments.push({ path: finding.file, line: finding.line, body: renderFindingComment(finding) });
    else elsewhere.push(finding);
  }
  return { comments, body: renderReviewBody(summary, elsewhere) };
}

/**
 * What makes two findings "the same" across review rounds: the file and the message, lower-cased,
 * without numbers, quotes or punctuation (line numbers move when code is fixed).
 */
export function findingSignature(finding: Pick<Finding, "file" | "message">): string {
  const message = finding.message
    .toLowerCase()
    .replace(/\d+/g, "#")
    .replace(/[^\p{L}\p{N}#\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return `${finding.file}: ${message}`;
}
