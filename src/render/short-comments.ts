import { login, shortSha } from "./markdown.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** An `/approve` from the person who started the work, where the repository wants someone else's. */
export function renderApprovalRefused(by: string): SafeMarkdown {
  return markdown`${login(by)} started this work, and this repository requires the approval of someone else (\`approval.separateApprover\`).`;
}

/** A push after an approval: the approval was for the commit before it. */
export function renderApprovalVoided(sha: string, by: string): SafeMarkdown {
  return markdown`A new commit (${shortSha(sha)}) was pushed by ${login(by)} after the approval, so the approval no longer applies. Comment \`/approve\` again once CI is green.`;
}

/** The answer to a writer's review once Foreman pushed a commit for it. */
export function renderRevisionAnswer(sha: string): SafeMarkdown {
  return markdown`Foreman pushed ${shortSha(sha)} to address this.`;
}
