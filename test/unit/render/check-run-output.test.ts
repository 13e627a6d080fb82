import { describe, expect, it } from "vitest";
import { renderCheckRunOutput } from "../../../src/render/check-run-output.ts";
import { visible } from "./visible.ts";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("renderCheckRunOutput", () => {
  it("names the approver without mentioning them, with the approved commit", () => {
    const output = renderCheckRunOutput({ kind: "approved", by: "maya", sha: SHA });

    expect({ title: output.title, summary: visible(output.summary) }).toEqual({
      title: "Approved",
      summary: "Approved by @{ZWSP}maya for 0123456.",
    });
  });

  it("says a maintainer approved when the approver is not known", () => {
    expect(renderCheckRunOutput({ kind: "approved", by: null, sha: SHA }).summary).toBe("Approved by a maintainer for 0123456.");
  });

  it("lists the risk reasons of a high-risk task as neutralised list items", () => {
    const output = renderCheckRunOutput({
      kind: "needs_maintainer",
      riskReasons: ["`package.json` is a dependency manifest", "asked by @mallory"],
    });

    expect(output.title).toBe("Needs a maintainer's approval");
    expect(visible(output.summary)).toBe(
      "This task is high risk, so `/approve` must come from a maintainer, an admin, or a user listed in `approval.highRiskApprovers`.\n" +
        "- `package.json` is a dependency manifest\n- asked by @{ZWSP}mallory",
    );
  });

  it("neutralises CI titles and the model's diagnosis it repeats", () => {
    const failed = renderCheckRunOutput({ kind: "ci_failed", summary: "Failing checks:\n- **test**: failure — ping @ops, see #4" });
    const fixed = renderCheckRunOutput({ kind: "fix_pushed", diagnosis: "cc @octo/team ![x](https://evil.example/x.png)" });

    expect(visible(failed.summary)).toBe("Failing checks:\n- **test**: failure — ping @{ZWSP}ops, see #{ZWSP}4");
    expect(visible(fixed.summary)).toBe("Foreman pushed a fix: cc @{ZWSP}octo/team (image removed)");
  });

  it("keeps the model's diagnosis to 300 characters", () => {
    const output = renderCheckRunOutput({ kind: "fix_pushed", diagnosis: "x".repeat(500) });

    expect(output.summary).toBe(`Foreman pushed a fix: ${"x".repeat(300)}`);
  });

  it("reports a merge group with and without an approval for its pull request's head", () => {
    expect(visible(renderCheckRunOutput({ kind: "merge_group", pr: 7, approval: { by: "maya", sha: SHA } }).summary)).toBe(
      "Pull request #7 was approved by @{ZWSP}maya for 0123456.",
    );
    expect(renderCheckRunOutput({ kind: "merge_group", pr: 7, approval: null })).toEqual({
      title: "Not approved",
      summary: "Pull request #7 has no approval for its head commit; a writer must comment `/approve` on it.",
    });
  });

  it("says a pull request or a merge group that is not a Foreman task is not gated by it", () => {
    expect(renderCheckRunOutput({ kind: "not_a_task", pr: 21, on: "head" })).toEqual({
      title: "Not a Foreman task",
      summary: "This pull request is not a Foreman task; Foreman's check gates only Foreman's own pull requests.",
    });
    expect(renderCheckRunOutput({ kind: "not_a_task", pr: 21, on: "merge_group" }).summary).toBe(
      "Pull request #21 is not a Foreman task; Foreman's check gates only Foreman's own pull requests.",
    );
  });

  it("says the reviewer found nothing blocking under a ready check, in its words, neutralised", () => {
    const output = renderCheckRunOutput({ kind: "ready_for_approval", review: "Handles the empty list; thanks @octocat." });

    expect(output.title).toBe("Ready for approval");
    expect(visible(output.summary)).toBe(
      "CI is green. A maintainer can comment `/approve` on this pull request.\n\n**Foreman's reviewer found nothing blocking.** Handles the empty list; thanks @{ZWSP}octocat.",
    );
  });

  it("tells which commit superseded the check", () => {
    expect(renderCheckRunOutput({ kind: "superseded", by: "foreman", sha: SHA }).summary).toBe("Foreman pushed 0123456.");
    expect(renderCheckRunOutput({ kind: "superseded", by: "someone", sha: SHA }).summary).toBe(
      "A newer commit (0123456) is the head of this pull request.",
    );
  });
});
