import { describe, expect, it } from "vitest";
import { renderPullRequestStopped, renderWorkflowStopped } from "../../../src/render/stopped.ts";

describe("the note on a cancelled workflow", () => {
  it("mentions the writer who commented /cancel", () => {
    const text = renderWorkflowStopped({ kind: "cancel", by: "maya" }, "foreman");

    expect(text).toMatch(/^@\u200Bmaya cancelled the work with `\/cancel`, so Foreman stopped/);
  });

  it("names an operator who cancelled from Foreman's command line, without a mention", () => {
    const note = renderWorkflowStopped({ kind: "cancel", by: "operator:alice" }, "foreman");
    const pullRequest = renderPullRequestStopped({ kind: "cancel", by: "operator:alice" }, 12, "foreman/12-mean");

    expect(note).toMatch(/^The operator `alice` cancelled the work with `foreman cancel`, so Foreman stopped/);
    expect(pullRequest).toMatch(/^Foreman closed this pull request: the operator `alice` cancelled the work on #12\./);
    expect(`${note}${pullRequest}`).not.toContain("@");
  });
});
