import { neutralizePlainText, plainText, type SafePlainText } from "./neutralize-markdown.ts";

/** The commits Foreman makes on a task's branch, by why it made them. */
export type CommitView =
  | { kind: "task"; issue: number; title: string; summary: string }
  | { kind: "fix"; issue: number; title: string; classification: string; diagnosis: string }
  | { kind: "revision"; issue: number; title: string; summary: string }
  | { kind: "rebase"; issue: number; title: string; base: string };

function subjectAndBody(view: CommitView): SafePlainText {
  switch (view.kind) {
    case "task":
      return neutralizePlainText(`${view.title}\n\n${view.summary}`);
    case "fix":
      return neutralizePlainText(`Fix CI for ${view.title}\n\n${view.classification}: ${view.diagnosis}`);
    case "revision":
      return neutralizePlainText(`Address review on ${view.title}\n\n${view.summary}`);
    case "rebase":
      return plainText`${neutralizePlainText(view.title)}\n\nUpdated onto ${neutralizePlainText(view.base.slice(0, 7))}.`;
  }
}

/**
 * A commit message (plain text: GitHub reads no markdown in it, but it does act on mentions,
 * closing keywords and references, so the model's words are neutralised). It names the issue
 * without closing it: Foreman closes the issue once every task is merged.
 */
export function renderCommitMessage(view: CommitView): SafePlainText {
  return plainText`${subjectAndBody(view)}\n\nPart of #${view.issue}.`;
}
