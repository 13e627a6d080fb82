import { describe, expect, it } from "vitest";
import { renderPullRequestTitle, taskCommitSubject, type TitleView } from "../../../src/render/pull-request-title.ts";
import { visible } from "./visible.ts";

const view: TitleView = { style: "plain", issue: 12, title: "Add mean()", type: "feat", scope: "stats" };

describe("renderPullRequestTitle", () => {
  it("titles a plain pull request with the issue, then the task's title", () => {
    expect(renderPullRequestTitle(view)).toBe("[#12] Add mean()");
  });

  it("titles a conventional pull request type(scope): description, without the issue", () => {
    expect(renderPullRequestTitle({ ...view, style: "conventional" })).toBe("feat(stats): add mean()");
    expect(renderPullRequestTitle({ ...view, style: "conventional", type: "fix", scope: undefined })).toBe("fix: add mean()");
  });

  it.each(["plain", "conventional"] as const)("neutralises the task's words in a %s title", (style) => {
    const title = renderPullRequestTitle({ ...view, style, title: "Ask @octocat, fixes #3" });

    expect(visible(title)).toContain("@{ZWSP}octocat");
    expect(visible(title)).toContain("#{ZWSP}3");
  });
});

describe("taskCommitSubject", () => {
  it("is the conventional title in that style, the task's title otherwise", () => {
    expect(taskCommitSubject({ ...view, style: "conventional" })).toBe("feat(stats): add mean()");
    expect(taskCommitSubject(view)).toBe("Add mean()");
  });
});
