import { inlineCode, login } from "./markdown.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Why a sender may not command Foreman: another app not listed in `allowBots`, or too little permission. */
export type Denial = { kind: "app_account"; login: string } | { kind: "permission"; login: string; permission: string };

/** What Foreman answers instead of doing what a webhook asked. */
export type Refusal =
  | { kind: "label_denied"; denial: Denial; label: string }
  | { kind: "command_denied"; command: string; denial: Denial }
  | { kind: "nothing_to_retry" }
  | { kind: "workflow_cap"; running: number; cap: number };

function denialSentence(denial: Denial): SafeMarkdown {
  if (denial.kind === "app_account") {
    return markdown`${login(denial.login)} is an app account, and app accounts may not command Foreman unless listed in \`allowBots\`.`;
  }
  return markdown`${login(denial.login)} has ${inlineCode(denial.permission)} permission; Foreman takes instructions only from users with write, maintain or admin permission.`;
}

/** The comment Foreman posts when it will not do what was asked, saying why and what to do instead. */
export function renderRefusal(refusal: Refusal): SafeMarkdown {
  switch (refusal.kind) {
    case "label_denied":
      return markdown`Foreman did not start: ${denialSentence(refusal.denial)} A maintainer can add the ${inlineCode(refusal.label)} label instead.`;
    case "command_denied":
      return markdown`Foreman ignored ${inlineCode(`/${refusal.command}`)}: ${denialSentence(refusal.denial)}`;
    case "nothing_to_retry":
      return markdown`There is nothing to retry: no task of this issue failed or is waiting for a human.`;
    case "workflow_cap": {
      const workflows = refusal.running === 1 ? markdown`workflow` : markdown`workflows`;
      return markdown`Foreman did not start: this installation already runs ${refusal.running} ${workflows}, its cap (\`FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION\` = ${refusal.cap}). Add the label again once one of them has finished.`;
    }
  }
}
