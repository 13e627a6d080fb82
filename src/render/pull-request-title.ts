import { conventionalTitle, type ChangeType, type TitleStyle } from "../domain/conventional-commits.ts";
import { neutralizePlainText, plainText, type SafePlainText } from "./neutralize-markdown.ts";

/** What a task's pull request is titled from: the style the repository uses, and the task's words. */
export type TitleView = {
  style: TitleStyle;
  issue: number;
  /** The task's title, as the plan gave it. */
  title: string;
  type: ChangeType;
  scope?: string | undefined;
};

/**
 * A task's pull request title (plain text, neutralised like every text Foreman writes: a squash
 * merge puts it in the default branch's history). Conventional: `type(scope): description`, which
 * release tools read; plain: the issue, then the task's title.
 */
export function renderPullRequestTitle(view: TitleView): SafePlainText {
  return view.style === "conventional"
    ? neutralizePlainText(conventionalTitle(view))
    : plainText`[#${view.issue}] ${neutralizePlainText(view.title)}`;
}

/**
 * The first line of the commit that carries a task's change: the pull request's title when the
 * repository uses Conventional Commits (a squash merge of a one-commit pull request may keep the
 * commit's message), the task's title otherwise. Neutralised with the rest of the commit message.
 */
export function taskCommitSubject(view: TitleView): string {
  return view.style === "conventional" ? conventionalTitle(view) : view.title;
}
